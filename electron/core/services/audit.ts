import type { Store } from '../store/database';

/**
 * The audit trail records what the chair did and counts, never a code, ballot id, receipt,
 * address or a per-ballot event (those would let someone line ballots up with the door).
 */
export function recordAudit(store: Store, meetingId: string | null, action: string, detail: Record<string, string | number> = {}): void {
  store.db
    .prepare('INSERT INTO audit (meeting_id, action, detail, at) VALUES (?, ?, ?, ?)')
    .run(meetingId, action, JSON.stringify(detail), new Date().toISOString());
}
