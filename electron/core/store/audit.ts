/**
 * The audit trail table: appended to, read in order, hash-chained (./audit-chain.ts,
 * docs/audit-chain.md). Actions and counts only (see services/audit). A rehearsal's lines go to
 * their own chain, so that wiping the rehearsal removes them without breaking the main chain.
 */
import type { Db, Store } from './database';
import { prepared } from './statements';
import { parseJsonColumn } from './json-column';
import { storedAuditDetailSchema } from '../../../shared/domain/stored-schemas';
import { GENESIS_HASH, MAIN_CHAIN, lineHash, verifyChain, type ChainReport, type StoredLine } from './audit-chain';

export type AuditDetail = Readonly<Record<string, string | number>>;

export interface AuditEntry {
  readonly seq: number;
  readonly meetingId: string | null;
  readonly action: string;
  readonly detail: AuditDetail;
  readonly at: string;
  /** '' for the main chain, the rehearsal's meeting id for a rehearsal's own chain. */
  readonly chain: string;
  readonly hash: string | null;
}

interface AuditRow {
  seq: number;
  meeting_id: string | null;
  action: string;
  detail: string;
  at: string;
  chain: string;
  prev_hash: string | null;
  hash: string | null;
}

/** meta key of the main chain's last hash, written with each main-chain line (a cut-off tail then shows). */
const HEAD_KEY = 'audit_head';

function lastHash(db: Db, chain: string): string {
  const row = prepared(db, 'SELECT hash FROM audit WHERE chain = ? ORDER BY seq DESC LIMIT 1').get(chain) as { hash: string | null } | undefined;
  return row?.hash ?? GENESIS_HASH;
}

/** The chain a meeting's lines go to: its own when it is a rehearsal, else the main chain. */
function chainOf(db: Db, meetingId: string | null): string {
  if (meetingId === null) return MAIN_CHAIN;
  const row = prepared(db, 'SELECT rehearsal_of FROM meetings WHERE id = ?').get(meetingId) as { rehearsal_of: string | null } | undefined;
  return row?.rehearsal_of ? meetingId : MAIN_CHAIN;
}

function insertChained(db: Db, entry: { meetingId: string | null; action: string; detail: string; at: string; chain: string }): void {
  const prevHash = lastHash(db, entry.chain);
  const hash = lineHash(prevHash, entry);
  prepared(db, 'INSERT INTO audit (meeting_id, action, detail, at, chain, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
    entry.meetingId,
    entry.action,
    entry.detail,
    entry.at,
    entry.chain,
    prevHash,
    hash,
  );
  if (entry.chain === MAIN_CHAIN) prepared(db, 'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(HEAD_KEY, hash);
}

/** Appends one line to its chain; the read of the previous hash and the insert are one transaction. */
export function appendAudit(store: Store, entry: { meetingId: string | null; action: string; detail: AuditDetail; at: string }): void {
  store.transaction(() => {
    insertChained(store.db, { ...entry, detail: JSON.stringify(entry.detail), chain: chainOf(store.db, entry.meetingId) });
  });
}

function toEntry(row: AuditRow): AuditEntry {
  return {
    seq: row.seq,
    meetingId: row.meeting_id,
    action: row.action,
    detail: parseJsonColumn(storedAuditDetailSchema, row.detail, { table: 'audit', column: 'detail', key: String(row.seq) }),
    at: row.at,
    chain: row.chain,
    hash: row.hash,
  };
}

/** Which lines to read: all, or those of one meeting and/or one action. */
export interface AuditFilter {
  readonly meetingId?: string | undefined;
  readonly action?: string | undefined;
}

/** The trail (or the filtered part of it) in the order it was written. */
export function listAudit(store: Store, filter: AuditFilter = {}): AuditEntry[] {
  const rows = prepared(
    store.db,
    'SELECT * FROM audit WHERE (@meeting IS NULL OR meeting_id = @meeting) AND (@action IS NULL OR action = @action) ORDER BY seq',
  ).all({ meeting: filter.meetingId ?? null, action: filter.action ?? null }) as AuditRow[];
  return rows.map(toEntry);
}

/** The actions that occur in the trail, sorted (the console's filter offers these). */
export function auditActions(store: Store): string[] {
  return (prepared(store.db, 'SELECT DISTINCT action FROM audit ORDER BY action').all() as { action: string }[]).map((r) => r.action);
}

/** The main chain's last hash (printed on the appendix the scrutineers sign). */
export function auditHead(store: Store): string {
  return lastHash(store.db, MAIN_CHAIN);
}

/** Recomputes every chain of the trail (the verify tool and the console's check). */
export function verifyAudit(db: Db): ChainReport {
  const rows = db.prepare('SELECT seq, chain, meeting_id, action, detail, at, prev_hash, hash FROM audit ORDER BY seq').all() as AuditRow[];
  const lines: StoredLine[] = rows.map((r) => ({ seq: r.seq, chain: r.chain, meetingId: r.meeting_id, action: r.action, detail: r.detail, at: r.at, prevHash: r.prev_hash, hash: r.hash }));
  const head = db.prepare('SELECT value FROM meta WHERE key = ?').get(HEAD_KEY) as { value: string } | undefined;
  return verifyChain(lines, head?.value ?? null);
}

/** Removes a rehearsal's own chain whole (its wipe); the main chain is untouched. */
export function deleteChain(store: Store, chain: string): number {
  if (chain === MAIN_CHAIN) throw new Error('the main audit chain is never deleted');
  return prepared(store.db, 'DELETE FROM audit WHERE chain = ?').run(chain).changes;
}

/**
 * The migration's step (i17r): chains the lines written before the chain existed, in their
 * current order, into the main chain, and records its head.
 */
export function chainExistingAudit(db: Db): void {
  const rows = db.prepare('SELECT seq, meeting_id, action, detail, at FROM audit ORDER BY seq').all() as AuditRow[];
  const update = db.prepare('UPDATE audit SET chain = ?, prev_hash = ?, hash = ? WHERE seq = ?');
  let prev = GENESIS_HASH;
  for (const row of rows) {
    const hash = lineHash(prev, { chain: MAIN_CHAIN, meetingId: row.meeting_id, action: row.action, detail: row.detail, at: row.at });
    update.run(MAIN_CHAIN, prev, hash, row.seq);
    prev = hash;
  }
  if (rows.length > 0) db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(HEAD_KEY, prev);
}

/** When the meeting last recorded `action` (e.g. mark_official: the confirmation time), or null. */
export function lastAuditAt(store: Store, meetingId: string, action: string): string | null {
  const row = prepared(store.db, 'SELECT at FROM audit WHERE meeting_id = ? AND action = ? ORDER BY seq DESC LIMIT 1').get(meetingId, action) as
    | { at: string }
    | undefined;
  return row?.at ?? null;
}
