import type { Store } from '../store/database';
import type { IndicatorSetRow, MeetingListRow, MeetingRow, ObjectRow } from '../store/rows';
import type { GroupTurnout, MeetingSummary, MeetingView } from '../../../shared/api/chair-contract';
import type { BallotType, EvalObject, Indicator, IndicatorSet, MeetingKind, MeetingSettings, MeetingStatus, RepresentativeCategory, VoterGroup } from '../../../shared/domain/model';
import { groupOfCategory, groupsOf } from '../../../shared/domain/model';
import type { MeetingDefinition } from '../../../shared/domain/ballot-rules';
import { SET_WORST } from '../../../shared/domain/defaults';
import { parseStoredSettings } from '../../../shared/domain/settings';
import { err, ok, type Result } from '../../../shared/domain/result';

const LIST_SQL = `
  SELECT m.*, r.name AS round_name, c.name AS campaign_name
  FROM meetings m JOIN rounds r ON r.id = m.round_id JOIN campaigns c ON c.id = r.campaign_id`;

function toSummary(row: MeetingListRow): MeetingSummary {
  return {
    id: row.id,
    title: row.title,
    campaign: row.campaign_name,
    round: row.round_name,
    kind: row.kind as MeetingKind,
    ballotType: row.ballot_type as BallotType,
    status: row.status as MeetingStatus,
  };
}

/** Every meeting, campaign by campaign, round by round. */
export function listMeetings(store: Store): MeetingSummary[] {
  const rows = store.db.prepare(`${LIST_SQL} ORDER BY c.position, r.position, m.position`).all() as MeetingListRow[];
  return rows.map(toSummary);
}

/** The raw meeting row, or a not-found error the chair can act on. */
export function findMeeting(store: Store, meetingId: string): Result<MeetingRow> {
  const row = store.db.prepare('SELECT * FROM meetings WHERE id = ?').get(meetingId) as MeetingRow | undefined;
  return row ? ok(row) : err('meeting_not_found', '找不到这场评议会议，请刷新后重新选择。');
}

export function meetingSettings(row: MeetingRow): MeetingSettings {
  return parseStoredSettings(JSON.parse(row.settings_json));
}

/**
 * The definition ballots are checked and tallied against: frozen at the moment voting opened,
 * or, for a draft, read live from the round's objects and indicator sets.
 */
export function meetingDefinition(store: Store, row: MeetingRow): MeetingDefinition {
  if (row.frozen_json) {
    // Frozen before a setting existed, the definition takes that setting's default.
    const frozen = JSON.parse(row.frozen_json) as MeetingDefinition;
    return { ...frozen, settings: parseStoredSettings(frozen.settings) };
  }
  const objectRows = store.db.prepare('SELECT * FROM objects WHERE round_id = ? ORDER BY position').all(row.round_id) as ObjectRow[];
  const objects: EvalObject[] = objectRows.map((o) => ({
    id: o.id,
    name: o.name,
    department: o.department,
    category: o.category,
    indicatorSetId: o.indicator_set_id,
  }));
  const setIds = [...new Set(objects.map((o) => o.indicatorSetId))];
  const indicatorSets = setIds.map((setId) => readIndicatorSet(store, setId));
  const ballotType = row.ballot_type as BallotType;
  return {
    ballotType,
    objects,
    indicatorSets: ballotType === 'graded' ? indicatorSets : [],
    tagSet: ballotType === 'worst' ? readIndicatorSet(store, SET_WORST.id) : null,
    settings: meetingSettings(row),
  };
}

function readIndicatorSet(store: Store, setId: string): IndicatorSet {
  const row = store.db.prepare('SELECT * FROM indicator_sets WHERE id = ?').get(setId) as IndicatorSetRow | undefined;
  if (!row) throw new Error(`indicator set ${setId} is referenced but missing`);
  return { id: row.id, name: row.name, indicators: JSON.parse(row.indicators_json) as Indicator[] };
}

/** 应到 / 实到, codes and ballots per voter group. Counts only: nothing per object. */
export function turnout(store: Store, row: MeetingRow): GroupTurnout[] {
  const kind = row.kind as MeetingKind;
  const reps = store.db
    .prepare('SELECT category, checked_in FROM representatives WHERE meeting_id = ?')
    .all(row.id) as { category: string; checked_in: number }[];
  const codeCounts = store.db
    .prepare('SELECT voter_group, state, COUNT(*) AS n FROM codes WHERE meeting_id = ? GROUP BY voter_group, state')
    .all(row.id) as { voter_group: string; state: string; n: number }[];
  const ballotCounts = store.db
    .prepare('SELECT voter_group, COUNT(*) AS n FROM ballots WHERE meeting_id = ? GROUP BY voter_group')
    .all(row.id) as { voter_group: string; n: number }[];
  return groupsOf(kind).map((group: VoterGroup) => {
    const members = reps.filter((r) => groupOfCategory(kind, r.category as RepresentativeCategory) === group);
    const codes = (state: string) => codeCounts.find((c) => c.voter_group === group && c.state === state)?.n ?? 0;
    return {
      group,
      expected: members.length,
      present: members.filter((r) => r.checked_in === 1).length,
      codesIssued: codes('issued') + codes('used') + codes('voided'),
      codesUsed: codes('used'),
      codesVoided: codes('voided'),
      ballots: ballotCounts.find((b) => b.voter_group === group)?.n ?? 0,
    };
  });
}

/** Everything the console shows about one meeting. */
export function meetingView(store: Store, meetingId: string): Result<MeetingView> {
  const row = store.db.prepare(`${LIST_SQL} WHERE m.id = ?`).get(meetingId) as MeetingListRow | undefined;
  if (!row) return err('meeting_not_found', '找不到这场评议会议，请刷新后重新选择。');
  const definition = meetingDefinition(store, row);
  const indicatorCount =
    definition.ballotType === 'graded'
      ? new Set(definition.indicatorSets.flatMap((s) => s.indicators.map((i) => `${s.id}/${i.id}`))).size
      : (definition.tagSet?.indicators.length ?? 0);
  return ok({
    ...toSummary(row),
    heldOn: row.held_on,
    place: row.place,
    objectCount: definition.objects.length,
    indicatorCount,
    turnout: turnout(store, row),
  });
}
