/** The audit trail table: appended to, read in order. Actions and counts only (see services/audit). */
import type { Store } from './database';
import { prepared } from './statements';
import { parseJsonColumn } from './json-column';
import { storedAuditDetailSchema } from '../../../shared/domain/stored-schemas';

export type AuditDetail = Readonly<Record<string, string | number>>;

export interface AuditEntry {
  readonly seq: number;
  readonly meetingId: string | null;
  readonly action: string;
  readonly detail: AuditDetail;
  readonly at: string;
}

interface AuditRow {
  seq: number;
  meeting_id: string | null;
  action: string;
  detail: string;
  at: string;
}

export function appendAudit(store: Store, entry: { meetingId: string | null; action: string; detail: AuditDetail; at: string }): void {
  prepared(store.db, 'INSERT INTO audit (meeting_id, action, detail, at) VALUES (?, ?, ?, ?)').run(entry.meetingId, entry.action, JSON.stringify(entry.detail), entry.at);
}

/** The whole trail in the order it was written. */
export function listAudit(store: Store): AuditEntry[] {
  return (prepared(store.db, 'SELECT * FROM audit ORDER BY seq').all() as AuditRow[]).map((row) => ({
    seq: row.seq,
    meetingId: row.meeting_id,
    action: row.action,
    detail: parseJsonColumn(storedAuditDetailSchema, row.detail, { table: 'audit', column: 'detail', key: String(row.seq) }),
    at: row.at,
  }));
}

/** When the meeting last recorded `action` (e.g. mark_official: the confirmation time), or null. */
export function lastAuditAt(store: Store, meetingId: string, action: string): string | null {
  const row = prepared(store.db, 'SELECT at FROM audit WHERE meeting_id = ? AND action = ? ORDER BY seq DESC LIMIT 1').get(meetingId, action) as
    | { at: string }
    | undefined;
  return row?.at ?? null;
}
