/**
 * The vetoes (一票否决) of a meeting: one reason per object, written by the results changes and
 * read by every tally, sheet and export. Rows leave this module as camelCase records.
 */
import type { Store } from './database';
import { prepared } from './statements';

export interface VetoRecord {
  readonly objectId: string;
  readonly reason: string;
}

interface VetoRow {
  object_id: string;
  reason: string;
}

/** The meeting's vetoes by object id (a stable order for exports and fingerprints). */
export function listVetoes(store: Store, meetingId: string): VetoRecord[] {
  return (prepared(store.db, 'SELECT object_id, reason FROM vetoes WHERE meeting_id = ? ORDER BY object_id').all(meetingId) as VetoRow[]).map((row) => ({
    objectId: row.object_id,
    reason: row.reason,
  }));
}

/** Records a veto, or replaces the reason of the object's existing one. */
export function upsertVeto(store: Store, meetingId: string, veto: VetoRecord): void {
  prepared(
    store.db,
    'INSERT INTO vetoes (meeting_id, object_id, reason) VALUES (?, ?, ?) ON CONFLICT (meeting_id, object_id) DO UPDATE SET reason = excluded.reason',
  ).run(meetingId, veto.objectId, veto.reason);
}

/** Removes the object's veto; false when it had none. */
export function deleteVeto(store: Store, meetingId: string, objectId: string): boolean {
  return prepared(store.db, 'DELETE FROM vetoes WHERE meeting_id = ? AND object_id = ?').run(meetingId, objectId).changes > 0;
}

export function vetoCount(store: Store, meetingId: string): number {
  return (prepared(store.db, 'SELECT COUNT(*) AS n FROM vetoes WHERE meeting_id = ?').get(meetingId) as { n: number }).n;
}
