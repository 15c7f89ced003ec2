/**
 * Results of meetings and rounds (issue 5), fed from SQLite into the pure tally of shared/tally.
 * The pieces live in ./results/; this module is the one the handlers and the CLI import.
 */
import type { Store } from '../store/database';
import type { MeetingResults } from '../../../shared/api/chair/results';
import type { Result } from '../../../shared/domain/result';
import type { BallotContent, MeetingKind, MeetingStatus, TallyBallot } from '../../../shared/domain/model';
import { meetingResultsOf, type ResultsView } from './results/compute';
import { closedMeetingBallots, loadMeetingData, resultsAvailable, storedBallots } from './results/meeting-data';

export { roundResults } from './results/round';
export { clearVeto, markOfficial, receiptList, setVeto, OFFICIAL_REFUSAL } from './results/changes';
export { exportBallots, exportReceipts, exportResults } from './results/exports';
export { retallyFile, compareResults } from './results/retally';
export type { ResultsView } from './results/compute';

/** The meeting's own ranking, available only once voting has closed (never a partial result). */
export function meetingResults(store: Store, meetingId: string, view: ResultsView = {}): Result<MeetingResults> {
  const data = loadMeetingData(store, meetingId);
  if (!data.ok) return data;
  return meetingResultsOf(data.value, view);
}

/** The meeting's ballots in canonical order (group, then content), never arrival order; for other areas' sheets. */
export function meetingBallots(store: Store, meetingId: string): TallyBallot[] {
  const row = store.db.prepare('SELECT kind, status FROM meetings WHERE id = ?').get(meetingId) as { kind: MeetingKind; status: MeetingStatus } | undefined;
  const kind = row?.kind ?? 'social';
  if (row && resultsAvailable(row.status)) return [...closedMeetingBallots(store, meetingId, kind)];
  return storedBallots(store, meetingId, kind).map((b) => ({ group: b.group, content: JSON.parse(b.json) as BallotContent }));
}
