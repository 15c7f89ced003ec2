import type { Store } from '../store/database';
import { appendAudit } from '../store/audit';
import { rehearsalOfRound } from '../store/meetings';

/**
 * The audit trail records what the chair did and counts, never a code, ballot id, receipt,
 * address or a per-ballot event (those would let someone line ballots up with the door).
 */
export function recordAudit(store: Store, meetingId: string | null, action: string, detail: Record<string, string | number> = {}): void {
  appendAudit(store, { meetingId, action, detail, at: new Date().toISOString() });
}

/**
 * A line about a round (its objects, its settings): in a rehearsal's round it goes to the
 * rehearsal's own chain, so the wipe takes it away with the rest; else to the main chain, with no meeting.
 */
export function recordRoundAudit(store: Store, roundId: string, action: string, detail: Record<string, string | number> = {}): void {
  recordAudit(store, rehearsalOfRound(store, roundId), action, detail);
}
