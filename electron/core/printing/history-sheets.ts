/**
 * The sheets of rounds over time (issue 16), printed from any meeting of the campaign: the
 * 历次评议汇总表 of its campaign, the 评议结果运用建议表 of its round (a suggestion, never a
 * decision), and the 整改反馈表 per object. They read stored history only: no ballot, and only
 * combined figures, so the small-group rule holds for every figure printed.
 */
import type { Store } from '../store/database';
import type { ConsequencesSheet, HistorySheet, RectificationSheet, SheetHeader } from '../../../shared/api/chair/printing';
import { fail, ok, type Result } from '../../../shared/domain/result';
import { getMeeting, getRound } from '../store/meetings';
import { objectKeyOf } from '../store/objects';
import { campaignHistory, objectHistory, roundConsequences } from '../services/history/view';
import { SUGGESTION_MARK } from '../../../shared/history/consequence-rules';
import { entryText, streaksText } from '../../../shared/history/text';
import { FOLLOWUP_KIND_NAMES, RECORDER_ROLE_NAMES } from '../../../shared/history/model';
import { sheetHeader } from './sheet-header';
import { SHEET_TITLES } from '../../../shared/print/sheets';

function headerFor(store: Store, meetingId: string, title: string, round: string, sheetName: string): Result<{ header: SheetHeader; campaignId: string; roundId: string }> {
  const found = sheetHeader(store, meetingId);
  if (!found.ok) return found;
  const meeting = getMeeting(store, meetingId);
  const r = meeting === null ? null : getRound(store, meeting.roundId);
  if (meeting === null || r === null) return fail('meeting_not_found');
  // No meeting date or place: these sheets cover rounds, not the meeting they were printed from.
  return ok({ header: { ...found.value.header, title, round, heldOn: '', place: '', sheetName }, campaignId: r.campaignId, roundId: r.id });
}

export function historySheet(store: Store, meetingId: string): Result<HistorySheet> {
  const base = headerFor(store, meetingId, '', '', SHEET_TITLES.history);
  if (!base.ok) return base;
  const history = campaignHistory(store, base.value.campaignId);
  if (!history.ok) return history;
  const h = history.value;
  return ok({
    sheet: 'history',
    header: { ...base.value.header, title: h.campaign },
    rounds: h.rounds.map((r) => ({ name: r.name, imported: r.source === 'import' })),
    lines: h.lines.map((l) => ({ department: l.department, name: l.name, cells: l.cells.map((c) => entryText(c.graded, c.worst)), streaks: streaksText(l.streaks, h.bottomPlaces) })),
    bottomPlaces: h.bottomPlaces,
  });
}

export function consequencesSheet(store: Store, meetingId: string): Result<ConsequencesSheet> {
  const base = headerFor(store, meetingId, '', '', SHEET_TITLES.consequences);
  if (!base.ok) return base;
  const round = roundConsequences(store, base.value.roundId);
  if (!round.ok) return round;
  const r = round.value;
  return ok({
    sheet: 'consequences',
    header: { ...base.value.header, title: `${r.campaign} ${r.round}` },
    suggestion: SUGGESTION_MARK,
    recorded: r.recorded,
    lines: r.lines
      .filter((l) => l.rules.length > 0)
      .map((l) => ({ department: l.department, name: l.name, result: entryText(l.graded, l.worst), rules: l.rules.map((m) => ({ consequence: m.consequence, reason: m.reason })) })),
  });
}

export function rectificationSheet(store: Store, meetingId: string, objectId?: string): Result<RectificationSheet> {
  const base = headerFor(store, meetingId, '', '', SHEET_TITLES.rectification);
  if (!base.ok) return base;
  const { campaignId, roundId } = base.value;
  const round = roundConsequences(store, roundId);
  if (!round.ok) return round;
  const wanted = objectId === undefined ? null : objectKeyOf(store, objectId);
  if (objectId !== undefined && wanted === null) return fail('object_not_found');
  const objects: RectificationSheet['objects'][number][] = [];
  for (const line of round.value.lines) {
    if (wanted !== null && line.objectKey !== wanted) continue;
    const history = objectHistory(store, { campaignId, objectKey: line.objectKey });
    if (!history.ok) return history;
    const upTo = history.value.rounds.findIndex((r) => r.roundId === roundId);
    const rounds = history.value.rounds.slice(0, upTo + 1);
    const entries = rounds.flatMap((r) => r.entries.map((e) => ({ round: r.name, kind: FOLLOWUP_KIND_NAMES[e.kind], datedOn: e.datedOn, text: e.text, recordedBy: RECORDER_ROLE_NAMES[e.recordedBy] })));
    // Without an object asked for: the objects the rules name or that have entries (the ones to report back on).
    if (wanted === null && line.rules.length === 0 && entries.length === 0) continue;
    objects.push({
      department: line.department,
      name: line.name,
      results: rounds.map((r) => ({ round: r.name, text: entryText(r.graded, r.worst) })).filter((r) => r.text !== ''),
      rules: line.rules.map((m) => ({ consequence: m.consequence, reason: m.reason })),
      entries,
    });
  }
  return ok({ sheet: 'rectification', header: { ...base.value.header, title: `${round.value.campaign} ${round.value.round}` }, objects });
}
