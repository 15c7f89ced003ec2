/**
 * Every SQL statement on codes, ballots, receipts and retry links, as named methods; rows are
 * parsed at this boundary and leave it as camelCase records. Statements are prepared once per
 * connection: the ballot hot path (≥ 1,000 ballots/s) must not prepare per ballot.
 *
 * While voting is open, ballot content and links are sealed (sealed_ballots, retry_links);
 * close moves them into `ballots` and `receipts` in the clear, with no link between the two
 * (docs/anonymity.md).
 */
import type { Statement } from 'better-sqlite3';
import { z } from 'zod';
import type { Db } from './database';
import type { VoterGroup } from '../../../shared/domain/model';
import { VOTER_GROUP_IDS } from '../../../shared/domain/voter-groups';

const voterGroupSchema = z.enum(VOTER_GROUP_IDS) satisfies z.ZodType<VoterGroup>;

const codeRowSchema = z.object({
  hash: z.string(),
  tag: z.string().nullable(),
  meeting_id: z.string(),
  voter_group: voterGroupSchema,
  state: z.enum(['issued', 'used', 'voided']),
});

export type CodeState = z.infer<typeof codeRowSchema>['state'];
export type VoterGroupName = z.infer<typeof voterGroupSchema>;

export interface CodeRecord {
  readonly hash: string;
  readonly tag: string | null;
  readonly meetingId: string;
  readonly group: VoterGroupName;
  readonly state: CodeState;
}

const sealedRowSchema = z.object({ voter_group: voterGroupSchema, sealed: z.instanceof(Buffer) });
const linkRowSchema = z.object({ meeting_id: z.string(), sealed: z.instanceof(Buffer) });
const plainRowSchema = z.object({ voter_group: voterGroupSchema, content_json: z.string() });
const countRowSchema = z.object({ voter_group: voterGroupSchema, n: z.number().int() });

function codeRecord(row: unknown): CodeRecord {
  const r = codeRowSchema.parse(row);
  return { hash: r.hash, tag: r.tag, meetingId: r.meeting_id, group: r.voter_group, state: r.state };
}

export class BallotStore {
  private readonly cache = new Map<string, Statement>();

  constructor(private readonly db: Db) {}

  private sql(text: string): Statement {
    let prepared = this.cache.get(text);
    if (!prepared) this.cache.set(text, (prepared = this.db.prepare(text)));
    return prepared;
  }

  // ── codes ──────────────────────────────────────────────────────────────────────────────

  /** Inserts an issued code; false when its hash is already taken (then draw another). */
  insertCode(input: { hash: string; tag: string; meetingId: string; group: VoterGroupName }): boolean {
    const result = this.sql("INSERT OR IGNORE INTO codes (hash, tag, meeting_id, voter_group, state) VALUES (?, ?, ?, ?, 'issued')").run(
      input.hash,
      input.tag,
      input.meetingId,
      input.group,
    );
    return result.changes === 1;
  }

  codesWithTag(tag: string): CodeRecord[] {
    return this.sql('SELECT hash, tag, meeting_id, voter_group, state FROM codes WHERE tag = ?').all(tag).map(codeRecord);
  }

  codeByHash(hash: string): CodeRecord | null {
    const row = this.sql('SELECT hash, tag, meeting_id, voter_group, state FROM codes WHERE hash = ?').get(hash);
    return row ? codeRecord(row) : null;
  }

  setCodeState(hash: string, from: CodeState, to: CodeState): boolean {
    return this.sql('UPDATE codes SET state = ? WHERE hash = ? AND state = ?').run(to, hash, from).changes === 1;
  }

  /**
   * Gives each of the meeting's codes a fresh random hash: the keyed hashes written during
   * voting mean nothing once the key is gone, and the live rows then hold nothing of them.
   */
  rehashCodes(meetingId: string): void {
    this.sql("UPDATE codes SET hash = 'closed-' || lower(hex(randomblob(16))) WHERE meeting_id = ? AND hash NOT LIKE 'closed-%'").run(meetingId);
  }

  // ── voting: sealed ballots and links ───────────────────────────────────────────────────

  insertSealedBallot(meetingId: string, group: VoterGroupName, sealed: Buffer): void {
    this.sql('INSERT INTO sealed_ballots (meeting_id, voter_group, sealed) VALUES (?, ?, ?)').run(meetingId, group, sealed);
  }

  insertLink(codeHash: string, meetingId: string, sealed: Buffer): void {
    this.sql('INSERT INTO retry_links (code_hash, meeting_id, sealed) VALUES (?, ?, ?)').run(codeHash, meetingId, sealed);
  }

  findLink(codeHash: string): { meetingId: string; sealed: Buffer } | null {
    const row = this.sql('SELECT meeting_id, sealed FROM retry_links WHERE code_hash = ?').get(codeHash);
    if (!row) return null;
    const r = linkRowSchema.parse(row);
    return { meetingId: r.meeting_id, sealed: r.sealed };
  }

  sealedBallots(meetingId: string): { group: VoterGroupName; sealed: Buffer }[] {
    return this.sql('SELECT voter_group, sealed FROM sealed_ballots WHERE meeting_id = ?')
      .all(meetingId)
      .map((row) => {
        const r = sealedRowSchema.parse(row);
        return { group: r.voter_group, sealed: r.sealed };
      });
  }

  sealedLinks(meetingId: string): { codeHash: string; sealed: Buffer }[] {
    return this.sql('SELECT code_hash, sealed FROM retry_links WHERE meeting_id = ?')
      .all(meetingId)
      .map((row) => {
        const r = z.object({ code_hash: z.string(), sealed: z.instanceof(Buffer) }).parse(row);
        return { codeHash: r.code_hash, sealed: r.sealed };
      });
  }

  hasSealed(meetingId: string): boolean {
    return (
      this.sql('SELECT 1 FROM sealed_ballots WHERE meeting_id = ? UNION ALL SELECT 1 FROM retry_links WHERE meeting_id = ? LIMIT 1').get(meetingId, meetingId) !==
      undefined
    );
  }

  deleteSealed(meetingId: string): void {
    this.sql('DELETE FROM sealed_ballots WHERE meeting_id = ?').run(meetingId);
    this.sql('DELETE FROM retry_links WHERE meeting_id = ?').run(meetingId);
  }

  // ── ballots and receipts in the clear (after close) ─────────────────────────────────────

  plainBallots(meetingId: string): { group: VoterGroupName; contentJson: string }[] {
    return this.sql('SELECT voter_group, content_json FROM ballots WHERE meeting_id = ?')
      .all(meetingId)
      .map((row) => {
        const r = plainRowSchema.parse(row);
        return { group: r.voter_group, contentJson: r.content_json };
      });
  }

  deletePlainBallots(meetingId: string): void {
    this.sql('DELETE FROM ballots WHERE meeting_id = ?').run(meetingId);
  }

  insertPlainBallot(id: string, meetingId: string, group: VoterGroupName, contentJson: string): void {
    this.sql('INSERT INTO ballots (id, meeting_id, voter_group, content_json) VALUES (?, ?, ?, ?)').run(id, meetingId, group, contentJson);
  }

  updatePlainBallot(id: string, contentJson: string): void {
    this.sql('UPDATE ballots SET content_json = ? WHERE id = ?').run(contentJson, id);
  }

  allPlainBallots(): { id: string; meetingId: string; contentJson: string }[] {
    return (this.sql('SELECT id, meeting_id, content_json FROM ballots').all() as { id: string; meeting_id: string; content_json: string }[]).map((r) => ({
      id: String(r.id),
      meetingId: String(r.meeting_id),
      contentJson: String(r.content_json),
    }));
  }

  insertReceipt(meetingId: string, receipt: string): void {
    this.sql('INSERT OR IGNORE INTO receipts (meeting_id, receipt) VALUES (?, ?)').run(meetingId, receipt);
  }

  deleteReceipts(meetingId: string): void {
    this.sql('DELETE FROM receipts WHERE meeting_id = ?').run(meetingId);
  }

  receipts(meetingId: string): string[] {
    return (this.sql('SELECT receipt FROM receipts WHERE meeting_id = ? ORDER BY receipt').all(meetingId) as { receipt: unknown }[]).map((r) => String(r.receipt));
  }

  /** Ballots per group, sealed or in the clear: the turnout count. */
  ballotCounts(meetingId: string): Map<VoterGroupName, number> {
    const rows = this.sql(
      `SELECT voter_group, SUM(n) AS n FROM (
         SELECT voter_group, COUNT(*) AS n FROM ballots WHERE meeting_id = ? GROUP BY voter_group
         UNION ALL SELECT voter_group, COUNT(*) AS n FROM sealed_ballots WHERE meeting_id = ? GROUP BY voter_group
       ) GROUP BY voter_group`,
    ).all(meetingId, meetingId);
    return new Map(rows.map((row) => countRowSchema.parse(row)).map((r) => [r.voter_group, r.n]));
  }

  // ── close ──────────────────────────────────────────────────────────────────────────────

  setAnonymisationPending(meetingId: string, pending: boolean): void {
    this.sql('UPDATE meetings SET anonymisation = ? WHERE id = ?').run(pending ? 'pending' : null, meetingId);
  }

  isAnonymisationPending(meetingId: string): boolean {
    return this.sql("SELECT 1 FROM meetings WHERE id = ? AND anonymisation = 'pending'").get(meetingId) !== undefined;
  }

  pendingMeetings(): string[] {
    return (this.sql("SELECT id FROM meetings WHERE anonymisation = 'pending'").all() as { id: unknown }[]).map((r) => String(r.id));
  }
}

const stores = new WeakMap<Db, BallotStore>();

/** The connection's ballot store (one per connection, so its statements are prepared once). */
export function ballotStore(db: Db): BallotStore {
  let found = stores.get(db);
  if (!found) stores.set(db, (found = new BallotStore(db)));
  return found;
}
