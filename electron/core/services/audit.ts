import type { Store } from '../store/database';
import { appendAudit } from '../store/audit';

/**
 * The audit trail records what the chair did and counts, never a code, ballot id, receipt,
 * address or a per-ballot event (those would let someone line ballots up with the door).
 */
export function recordAudit(store: Store, meetingId: string | null, action: string, detail: Record<string, string | number> = {}): void {
  appendAudit(store, { meetingId, action, detail, at: new Date().toISOString() });
}
