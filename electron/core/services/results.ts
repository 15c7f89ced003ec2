/**
 * Results of meetings and rounds (issue 5), fed from SQLite into the pure tally of shared/tally.
 * The pieces live in ./results/; this module is the one the handlers and the CLI import.
 */
import type { Store } from '../store/database';
import type { MeetingResults } from '../../../shared/api/chair/results';
import { ok, type Result } from '../../../shared/domain/result';
import { invalidBallotCounts } from '../store/paper';
import type { BallotContent, TallyBallot, VoterGroup } from '../../../shared/domain/model';
import { getMeetingKindAndStatus } from '../store/meetings';
import { ballotStore } from '../store/ballot-store';
import { meetingResultsOf, type ResultsView } from './results/compute';
import { closedBallotSet, closedMeetingBallots, loadMeetingData, storedBallots } from './results/meeting-data';
import { oncePerBallotSet } from './results/tally-memo';
import { storedBallotSetDigest } from '../printing/fingerprint';
import { resultsAvailable } from '../../../shared/domain/lifecycle';

export { roundResults } from './results/round';
export { clearVeto, markOfficial, receiptList, setVeto } from './results/changes';
export { exportBallots, exportReceipts, exportResults, exportRoundResults } from './results/exports';
export { retallyFile, compareResults } from './results/retally';
export type { ResultsView } from './results/compute';

/** The meeting's own ranking, available only once voting has closed (never a partial result). */
export function meetingResults(store: Store, meetingId: string, view: ResultsView = {}): Result<MeetingResults> {
  const data = loadMeetingData(store, meetingId);
  if (!data.ok) return data;
  const results = meetingResultsOf(data.value, view);
  if (!results.ok) return results;
  // i17p: the 无效票 are counted beside the tally, never in it.
  const invalid = invalidBallotCounts(store, meetingId);
  return ok({ ...results.value, invalidBallots: results.value.groups.map((g) => ({ group: g.group, count: invalid.get(g.group) ?? 0 })) });
}

/**
 * The meeting's ballots in canonical order (group, then content), never arrival order; for other
 * areas' sheets. A closed meeting's come back as the kept, frozen array itself (no copy), so
 * what is computed once per ballot set (oncePerBallotSet) is found again.
 */
export function meetingBallots(store: Store, meetingId: string): readonly TallyBallot[] {
  const row = getMeetingKindAndStatus(store, meetingId);
  const kind = row?.kind ?? 'social';
  if (row && resultsAvailable(row.status)) return closedMeetingBallots(store, meetingId, kind);
  return storedBallots(store, meetingId, kind).map((b) => ({ group: b.group, content: JSON.parse(b.json) as BallotContent }));
}

/**
 * The meeting's ballots as stored, in no particular order: each content's canonical JSON
 * (content_json) with its group; what the printed fingerprint is computed from.
 */
export function meetingBallotTexts(store: Store, meetingId: string): { group: VoterGroup; json: string }[] {
  return ballotStore(store.db).plainBallots(meetingId).map((row) => ({ group: row.group, json: row.contentJson }));
}

/**
 * The fingerprint digest (storedBallotSetDigest) of closed meetings' stored ballot texts, kept
 * with their ballot sets as the tally is (tally-memo.ts): a ranking and a detail sheet printed
 * one after the other read, escaped, sorted and hashed the same ≈ 4 MB of texts each, ≈ 80 ms a
 * sheet (docs/performance.md, change 19). A meeting that is not closed is hashed every time.
 */
export function closedBallotSetDigest(store: Store, meetingIds: readonly string[]): string {
  const compute = () => storedBallotSetDigest(meetingIds.map((id) => ({ meetingId: id, ballots: meetingBallotTexts(store, id) })));
  const versions: string[] = [];
  for (const id of meetingIds) {
    const row = getMeetingKindAndStatus(store, id);
    if (!row || !resultsAvailable(row.status) || ballotStore(store.db).isAnonymisationPending(id)) return compute();
    versions.push(closedBallotSet(store, id, row.kind).version);
  }
  const [first, ...others] = versions;
  // The key names every meeting's version (and their order does not matter to the digest).
  return oncePerBallotSet(first ?? null, `fingerprint:${[...others].sort().join('|')}`, compute);
}

