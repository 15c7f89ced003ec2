/**
 * Writes the history rows a data folder from before history was stored lacks: meetings
 * confirmed then are official but their rounds have no history_results. Run at every start,
 * after the close resume; one query finds the gaps (usually none), and each gap is filled by
 * the same recordRoundHistory confirmation runs, so the rows equal what confirming writes now.
 * Reads ballots only as the results do; a round whose rows exist (official or imported) is left alone.
 */
import type { Store } from '../../store/database';
import { roundsLackingHistory } from '../../store/history';
import { recordRoundHistory } from './record';

/** Fills every gap, each in its own transaction; returns the rounds it wrote rows for. */
export function backfillRoundHistory(store: Store): { roundId: string; measure: string }[] {
  const written: { roundId: string; measure: string }[] = [];
  for (const gap of roundsLackingHistory(store)) {
    let wrote: boolean;
    try {
      wrote = store.transaction(() => recordRoundHistory(store, gap.meetingId));
    } catch (error) {
      // A round whose results cannot be computed must not stop the app from starting; its history stays empty.
      console.error(`history of round ${gap.roundId} (${gap.measure}) not backfilled: ${error instanceof Error ? error.message : String(error)}`);
      continue;
    }
    // Not written: a graded round some of whose combined meetings are still unconfirmed.
    if (wrote) written.push({ roundId: gap.roundId, measure: gap.measure });
  }
  return written;
}
