/**
 * Writes a round's history rows when its results are confirmed (确认为正式结果), so that every
 * history view reads stored figures and never tallies ballots again: the round's combined graded
 * ranking once every meeting it combines is official, and the last official worst-list meeting's
 * positions and main problems. Called inside markOfficial's transaction: the round is official
 * and its history written, or neither.
 */
import type { Store } from '../../store/database';
import { getMeeting, meetingsOfRound } from '../../store/meetings';
import { objectKeysOfRound } from '../../store/objects';
import { replaceRoundHistory } from '../../store/history';
import type { HistoryEntry } from '../../../../shared/history/model';
import type { MeetingResults, RoundResults } from '../../../../shared/api/chair/results';
import { roundResults } from '../results/round';
import { meetingResultsOf, type ResultsView } from '../results/compute';
import { loadMeetingData } from '../results/meeting-data';
import type { Result } from '../../../../shared/domain/result';

function meetingResults(store: Store, meetingId: string, view: ResultsView = {}): Result<MeetingResults> {
  const data = loadMeetingData(store, meetingId);
  return data.ok ? meetingResultsOf(data.value, view) : data;
}

/** Rank within each category: by object id, from a by-category view of the same results. */
function categoryRanks(rankings: readonly { readonly rows: readonly { readonly objectId: string; readonly rank: number | null }[] }[]): Map<string, { rank: number | null; ranked: number }> {
  const out = new Map<string, { rank: number | null; ranked: number }>();
  for (const ranking of rankings) {
    const ranked = ranking.rows.filter((r) => r.rank !== null).length;
    for (const row of ranking.rows) out.set(row.objectId, { rank: row.rank, ranked });
  }
  return out;
}

function gradedEntries(whole: RoundResults, byCategory: RoundResults, keys: ReadonlyMap<string, string>): HistoryEntry[] {
  const rows = whole.rankings.flatMap((r) => r.rows);
  const ranked = rows.filter((r) => r.rank !== null).length;
  const inCategory = categoryRanks(byCategory.rankings);
  return rows.map((row) => ({
    roundId: whole.roundId,
    objectKey: keys.get(row.objectId) ?? row.objectId,
    measure: 'graded',
    name: row.name,
    department: row.department,
    category: row.category,
    total: row.total,
    rank: row.rank,
    categoryRank: inCategory.get(row.objectId)?.rank ?? null,
    ranked,
    categoryRanked: inCategory.get(row.objectId)?.ranked ?? null,
    mainProblems: [],
    vetoed: row.vetoed,
    vetoReason: row.vetoReason,
    source: 'official',
  }));
}

const listed = (row: { readonly vetoed: boolean; readonly nominations: number | null }): boolean => row.vetoed || (row.nominations ?? 0) > 0;

function worstEntries(roundId: string, whole: MeetingResults, byCategory: MeetingResults, keys: ReadonlyMap<string, string>): HistoryEntry[] {
  const ranked = whole.rows.length;
  const inCategory = categoryRanks(byCategory.rankings);
  return whole.rows.map((row) => ({
    roundId,
    objectKey: keys.get(row.objectId) ?? row.objectId,
    measure: 'worst',
    name: row.name,
    department: row.department,
    category: row.category,
    // The rate stays on the internal signed sheet (a combined rate can give small groups away).
    total: null,
    // A position only where the list would publish one: nominated at least once, or vetoed.
    rank: listed(row) ? row.rank : null,
    categoryRank: listed(row) ? (inCategory.get(row.objectId)?.rank ?? null) : null,
    ranked,
    categoryRanked: inCategory.get(row.objectId)?.ranked ?? null,
    mainProblems: row.mainProblems.filter((t) => t.count > 0).slice(0, 3).map((t) => t.name),
    vetoed: row.vetoed,
    vetoReason: row.vetoReason,
    source: 'official',
  }));
}

/**
 * (Re)writes the history rows of the round a just-confirmed meeting belongs to. A graded round is
 * written only once every meeting its totals combine is official; a worst-list round from its
 * last official worst-list meeting. Throws on an inconsistency (the caller's transaction rolls back).
 * Returns whether it wrote rows (false: not yet, e.g. a combined meeting is still unconfirmed).
 */
export function recordRoundHistory(store: Store, meetingId: string): boolean {
  const meeting = getMeeting(store, meetingId);
  if (meeting === null || meeting.status !== 'official') return false;
  const roundId = meeting.roundId;
  const keys = objectKeysOfRound(store, roundId);
  if (meeting.ballotType === 'graded') {
    const whole = roundResults(store, { roundId });
    if (!whole.ok) throw new Error(`round ${roundId} results for history: ${whole.error.code}`);
    const used = whole.value.components.filter((c) => c.used);
    if (used.length === 0 || used.some((c) => c.status !== 'official')) return false;
    const byCategory = roundResults(store, { roundId, byCategory: true });
    if (!byCategory.ok) throw new Error(`round ${roundId} results by category for history: ${byCategory.error.code}`);
    replaceRoundHistory(store, roundId, 'graded', gradedEntries(whole.value, byCategory.value, keys));
    return true;
  }
  const lastOfficialWorst = meetingsOfRound(store, roundId).filter((m) => m.ballotType === 'worst' && m.status === 'official').at(-1);
  if (lastOfficialWorst === undefined || lastOfficialWorst.id !== meetingId) return false;
  const whole = meetingResults(store, meetingId);
  if (!whole.ok) throw new Error(`meeting ${meetingId} results for history: ${whole.error.code}`);
  const byCategory = meetingResults(store, meetingId, { byCategory: true });
  if (!byCategory.ok) throw new Error(`meeting ${meetingId} results by category for history: ${byCategory.error.code}`);
  replaceRoundHistory(store, roundId, 'worst', worstEntries(roundId, whole.value, byCategory.value, keys));
  return true;
}
