/**
 * The result sheets (ranking, detail, worst-list), computed from the public tally functions:
 * the round's closed self and social meetings are tallied, redacted under the small-group rule
 * and combined into 50 + 50 points exactly as DOMAIN.md says.
 */
import type { Store } from '../store/database';
import type { MeetingRow } from '../store/rows';
import type {
  DetailGroup,
  DetailMeeting,
  DetailObject,
  DetailSheet,
  GroupCount,
  RankingLine,
  RankingSheet,
  SheetHeader,
  WorstSheet,
} from '../../../shared/api/chair/printing';
import { groupsOf, type MeetingKind, type TallyBallot } from '../../../shared/domain/model';
import type { MeetingDefinition } from '../../../shared/domain/ballot-rules';
import { err, ok, type Result } from '../../../shared/domain/result';
import {
  combineRound,
  formatExplanation,
  redactSmallGroups,
  tallyGradedMeeting,
  tallyWorstMeeting,
  type Explanation,
  type GradedMeetingTally,
  type GroupWeights,
  type RoundRow,
} from '../../../shared/tally';
import { meetingDefinition, turnout } from '../services/meetings';
import { meetingBallots } from '../services/results';
import { placeRanked } from '../../../shared/tally/ranking';
import { hundredthsOf } from '../../../shared/tally/figure';
import { ballotSetDigest, shortFingerprint } from './fingerprint';
import { sheetHeader } from './sheet-header';

interface TalliedMeeting {
  readonly row: MeetingRow;
  readonly kind: MeetingKind;
  readonly definition: MeetingDefinition;
  readonly ballots: readonly TallyBallot[];
}

const CLOSED = new Set(['closed', 'official']);

function loadMeeting(store: Store, row: MeetingRow): TalliedMeeting {
  return { row, kind: row.kind as MeetingKind, definition: meetingDefinition(store, row), ballots: meetingBallots(store, row.id) };
}

function weightsOf(meeting: TalliedMeeting): GroupWeights {
  return meeting.kind === 'self' ? { all: 100 } : { ...meeting.definition.settings.groupWeights };
}

function tallyGraded(meeting: TalliedMeeting): GradedMeetingTally {
  const { definition } = meeting;
  return tallyGradedMeeting({
    objects: definition.objects,
    indicatorSets: definition.indicatorSets,
    gradeScale: definition.settings.gradeScale,
    groups: groupsOf(meeting.kind),
    groupWeights: weightsOf(meeting),
    smallGroupK: definition.settings.smallGroupK,
    ballots: meeting.ballots,
  });
}

function isBlank(ballot: TallyBallot): boolean {
  if (ballot.content.type === 'worst') return ballot.content.picks.length === 0;
  return Object.values(ballot.content.answers).every((answers) => Object.values(answers).every((grade) => grade === null));
}

/** 应到 / 实到 / cast / valid / blank for each group of a meeting. */
function groupCounts(store: Store, meeting: TalliedMeeting): GroupCount[] {
  return turnout(store, meeting.row).map((g) => {
    const ballots = meeting.ballots.filter((b) => b.group === g.group);
    const blank = ballots.filter(isBlank).length;
    return { meetingTitle: meeting.row.title, kind: meeting.kind, group: g.group, expected: g.expected, present: g.present, cast: ballots.length, valid: ballots.length - blank, blank };
  });
}

/** Each step of an explanation as its own printed line. */
function lines(explanation: Explanation): string[] {
  return explanation.steps.map((step) => formatExplanation({ steps: [step] }, 'zh').replace(/。$/, ''));
}

function vetoesOf(store: Store, meetingIds: readonly string[]): { objectId: string; reason: string }[] {
  const seen = new Map<string, string>();
  for (const id of meetingIds) {
    const rows = store.db.prepare('SELECT object_id AS objectId, reason FROM vetoes WHERE meeting_id = ? ORDER BY object_id').all(id) as { objectId: string; reason: string }[];
    for (const v of rows) if (!seen.has(v.objectId)) seen.set(v.objectId, v.reason);
  }
  return [...seen].map(([objectId, reason]) => ({ objectId, reason }));
}

/** One object of the round as the sheets print it. */
interface PrintRow {
  readonly objectId: string;
  readonly name: string;
  readonly department: string;
  readonly category: string;
  readonly rank: number | null;
  readonly selfPoints: string | null;
  readonly socialPoints: string | null;
  /** 50 + 50 points, or the meeting's own score when the round holds one component only. */
  readonly total: string | null;
  readonly incomplete: boolean;
  readonly vetoReason: string | null;
  readonly explanation: Explanation;
}

interface RoundData {
  readonly header: SheetHeader;
  readonly requested: TalliedMeeting;
  readonly self: TalliedMeeting | null;
  readonly social: TalliedMeeting | null;
  readonly selfTally: GradedMeetingTally | null;
  readonly socialTally: GradedMeetingTally | null;
  /** Both components held: totals are 50 + 50; otherwise the requested meeting's own score ranks. */
  readonly combined: boolean;
  readonly rows: readonly PrintRow[];
  readonly fingerprint: string;
}

/**
 * Loads the round of a closed graded meeting: this meeting for its own kind and the last closed
 * graded meeting of the other kind in the same round, if any.
 */
function roundData(store: Store, meetingId: string): Result<RoundData> {
  const found = sheetHeader(store, meetingId);
  if (!found.ok) return found;
  const { header, row } = found.value;
  if (!CLOSED.has(row.status)) return err('voting_not_closed', '投票结束后才能打印结果，请先在“投票”中结束投票。');
  if (row.ballot_type !== 'graded') return err('wrong_sheet', '这是一场评差会议，请打印“评差结果公布表”。');
  const requested = loadMeeting(store, row);
  const others = (
    store.db
      .prepare("SELECT * FROM meetings WHERE round_id = ? AND id <> ? AND ballot_type = 'graded' AND kind <> ? ORDER BY position DESC")
      .all(row.round_id, row.id, row.kind) as MeetingRow[]
  ).filter((m) => CLOSED.has(m.status));
  const otherRow = others[0];
  const other = otherRow ? loadMeeting(store, otherRow) : null;
  const self = requested.kind === 'self' ? requested : other;
  const social = requested.kind === 'social' ? requested : other;
  const selfTally = self ? redactSmallGroups(tallyGraded(self)) : null;
  const socialTally = social ? redactSmallGroups(tallyGraded(social)) : null;
  const combined = selfTally !== null && socialTally !== null;
  const held = [self, social].filter((m): m is TalliedMeeting => m !== null);
  const objects = requested.definition.objects;
  const vetoes = vetoesOf(store, held.map((m) => m.row.id)).filter((v) => objects.some((o) => o.id === v.objectId));
  const rows = combined
    ? combinedRows(combineRound({ objects, self: selfTally, social: socialTally, componentPoints: requested.definition.settings.componentPoints, vetoes, options: { order: 'best-first' } }).rankings.flatMap((r) => r.rows))
    : singleMeetingRows(requested.kind === 'self' ? selfTally : socialTally, vetoes);
  return ok({
    header,
    requested,
    self,
    social,
    selfTally,
    socialTally,
    combined,
    rows,
    fingerprint: shortFingerprint(ballotSetDigest(held.map((m) => ({ meetingId: m.row.id, ballots: m.ballots })))),
  });
}

function combinedRows(rows: readonly RoundRow[]): PrintRow[] {
  return rows.map((r) => ({
    objectId: r.objectId,
    name: r.name,
    department: r.department,
    category: r.category,
    rank: r.rank,
    selfPoints: r.selfPoints?.rounded ?? null,
    socialPoints: r.socialPoints?.rounded ?? null,
    total: r.total?.rounded ?? null,
    incomplete: r.incomplete,
    vetoReason: r.vetoReason,
    explanation: r.explanation,
  }));
}

/**
 * A round where only one kind of meeting was held has no 50 + 50 total: rather than mark every
 * row incomplete, the sheet ranks on that meeting's own score (0–100) and says so.
 */
function singleMeetingRows(tally: GradedMeetingTally | null, vetoes: readonly { objectId: string; reason: string }[]): PrintRow[] {
  if (!tally) return [];
  const reasons = new Map(vetoes.map((v) => [v.objectId, v.reason]));
  const byId = new Map(tally.objects.map((o) => [o.objectId, o]));
  const placements = placeRanked({
    candidates: tally.objects.map((o) => ({ id: o.objectId, name: o.name, key: o.score ? hundredthsOf(o.score) : null, vetoed: reasons.has(o.objectId) })),
    highFirst: true,
    vetoedFirst: false,
  });
  return placements.map((p) => {
    const o = byId.get(p.id);
    if (!o) throw new Error('ranking returned an unknown object');
    const reason = reasons.get(o.objectId) ?? null;
    const missing = o.missingGroups.length > 0 ? [{ kind: 'component-missing' as const, component: tally.meetingKind, reason: 'incomplete' as const, missingGroups: o.missingGroups }] : [];
    return {
      objectId: o.objectId,
      name: o.name,
      department: o.department,
      category: o.category,
      rank: p.rank,
      selfPoints: null,
      socialPoints: null,
      total: o.score?.rounded ?? null,
      incomplete: o.incomplete,
      vetoReason: reason,
      explanation: { steps: [...missing, ...(reason === null ? [] : [{ kind: 'veto' as const, reason }])] },
    };
  });
}

function notesOf(row: PrintRow): string {
  const notes: string[] = [];
  if (row.vetoReason !== null) notes.push(`一票否决：${row.vetoReason}`);
  for (const step of row.explanation.steps) if (step.kind === 'component-missing') notes.push(formatExplanation({ steps: [step] }, 'zh').replace(/。$/, ''));
  if (row.incomplete && notes.length === 0) notes.push('数据不完整');
  return notes.join('；');
}

function countsOf(store: Store, round: RoundData): GroupCount[] {
  return [round.self, round.social].filter((m): m is TalliedMeeting => m !== null).flatMap((m) => groupCounts(store, m));
}

/** 评议结果排序表. */
export function rankingSheet(store: Store, meetingId: string): Result<RankingSheet> {
  const found = roundData(store, meetingId);
  if (!found.ok) return found;
  const round = found.value;
  const rows: RankingLine[] = round.rows.map((r) => ({
    rank: r.rank,
    name: r.name,
    department: r.department,
    selfPoints: r.selfPoints,
    socialPoints: r.socialPoints,
    total: r.total,
    notes: notesOf(r),
  }));
  return ok({
    sheet: 'ranking',
    header: round.header,
    mode: round.combined ? 'round' : round.requested.kind,
    componentPoints: round.requested.definition.settings.componentPoints,
    rows,
    counts: countsOf(store, round),
    overrides: overridesOf([round.self, round.social]),
    fingerprint: round.fingerprint,
  });
}

function overridesOf(meetings: readonly (TalliedMeeting | null)[]): string[] {
  const out: string[] = [];
  for (const m of meetings) {
    if (!m) continue;
    if (m.row.composition_override) out.push(`${m.row.title}：代表构成例外说明：${m.row.composition_override}`);
    if (m.row.attendance_override) out.push(`${m.row.title}：到会人数例外说明：${m.row.attendance_override}`);
  }
  return out;
}

function detailMeeting(meeting: TalliedMeeting, tally: GradedMeetingTally, objectId: string): DetailMeeting | null {
  const result = tally.objects.find((o) => o.objectId === objectId);
  if (!result) return null;
  const groups: DetailGroup[] = result.groups.map((g) =>
    g.redacted
      ? { group: g.group, weight: g.weight, ballots: g.ballots, hidden: true, score: null, indicators: [] }
      : {
          group: g.group,
          weight: g.weight,
          ballots: g.ballots,
          hidden: false,
          score: g.score?.rounded ?? null,
          indicators: g.indicators.map((i) => ({ name: i.name, weight: i.weight, answered: i.answered, abstentions: i.abstentions, mean: i.mean?.rounded ?? null })),
        },
  );
  return { title: meeting.row.title, kind: meeting.kind, score: result.score?.rounded ?? null, groups, formula: lines(result.explanation) };
}

/** 评议明细表: one object (or every object, one per page) with its groups, indicators and formula. */
export function detailSheet(store: Store, meetingId: string, objectId?: string): Result<DetailSheet> {
  const found = roundData(store, meetingId);
  if (!found.ok) return found;
  const round = found.value;
  const rows = objectId === undefined ? round.rows : round.rows.filter((r) => r.objectId === objectId);
  if (rows.length === 0) return err('object_not_found', '找不到这个评议对象，请刷新后重新选择。');
  const objects: DetailObject[] = rows.map((r) => {
    const meetings: DetailMeeting[] = [];
    for (const [meeting, tally] of [
      [round.self, round.selfTally],
      [round.social, round.socialTally],
    ] as const) {
      if (!meeting || !tally) continue;
      const detail = detailMeeting(meeting, tally, r.objectId);
      if (detail) meetings.push(detail);
    }
    const totalFormula = round.combined ? lines({ steps: r.explanation.steps.filter((s) => s.kind === 'component-points' || s.kind === 'component-missing' || s.kind === 'total' || s.kind === 'veto') }) : lines({ steps: r.explanation.steps.filter((s) => s.kind === 'veto') });
    return { objectId: r.objectId, name: r.name, department: r.department, category: r.category, rank: r.rank, total: r.total, meetings, totalFormula };
  });
  return ok({ sheet: 'detail', header: round.header, objects, fingerprint: round.fingerprint });
}

/** 评差结果公布表: the top N (default 10) with their main problems; vetoed objects first. */
export function worstSheet(store: Store, meetingId: string): Result<WorstSheet> {
  const found = sheetHeader(store, meetingId);
  if (!found.ok) return found;
  const { header, row } = found.value;
  if (!CLOSED.has(row.status)) return err('voting_not_closed', '投票结束后才能打印结果，请先在“投票”中结束投票。');
  if (row.ballot_type !== 'worst') return err('wrong_sheet', '这是一场每项打分的会议，请打印“评议结果排序表”。');
  const meeting = loadMeeting(store, row);
  const { definition } = meeting;
  if (!definition.tagSet) return err('internal', '评差会议缺少问题清单，请联系技术人员。');
  const tally = redactSmallGroups(
    tallyWorstMeeting({
      objects: definition.objects,
      tags: definition.tagSet,
      groups: groupsOf(meeting.kind),
      groupWeights: weightsOf(meeting),
      smallGroupK: definition.settings.smallGroupK,
      vetoes: vetoesOf(store, [row.id]),
      ballots: meeting.ballots,
    }),
  );
  return ok({
    sheet: 'worst',
    header,
    topN: tally.topN,
    rows: tally.top.map((t) => ({
      rank: t.rank,
      name: t.name,
      department: t.department,
      rate: t.rate?.rounded ?? null,
      problems: t.mainProblems.slice(0, 3).map((p) => p.name).join('、'),
      vetoReason: t.vetoReason,
    })),
    counts: groupCounts(store, meeting),
    fingerprint: shortFingerprint(ballotSetDigest([{ meetingId: row.id, ballots: meeting.ballots }])),
  });
}

