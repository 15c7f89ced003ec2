/**
 * DESIGN.md's anonymity model, proven by reading the SQLite files themselves: while voting,
 * nothing of a ballot, receipt or code is in the clear; after close the key is gone and the
 * ballots and receipts are in the clear apart. The raw-block version is tests/faults/forensic.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { canonicalJson } from '../../../../shared/domain/canonical-json';
import { parseCode } from '../../../../shared/codes/code-format';
import { legacyCodeHash } from '../../../../electron/core/services/codes';
import { fullBallot, openDemoMeeting, startTestHost, type TestHost } from '../../../support/running-host';

let t: TestHost;
beforeEach(async () => {
  t = await startTestHost();
});
afterEach(async () => {
  await t.stop();
});

function fileBytes(): Buffer {
  const base = join(t.dataDir, 'pingyi.sqlite');
  const parts = [base, `${base}-wal`].filter((p) => existsSync(p)).map((p) => readFileSync(p));
  return Buffer.concat(parts);
}

describe('anonymity on disk', () => {
  it('seals content, links and receipts while voting, and at close rewrites them in the clear and destroys the key', async () => {
    const { meetingId, officials, recipients } = await openDemoMeeting(t);
    const codes = [...officials.slice(0, 3), ...recipients.slice(0, 4)];
    const receipts: string[] = [];
    const contents: string[] = [];
    for (const [index, code] of codes.entries()) {
      const definition = (await t.tablet('/api/tablet/session', { code })).body.value;
      const ballot = fullBallot(definition, (o, i) => (o + i + index) % 4);
      contents.push(canonicalJson(ballot));
      receipts.push((await t.tablet('/api/tablet/ballot', { code, ballot })).body.value.receipt as string);
    }
    const db = t.host.core.store.db;
    const keyFile = join(t.dataDir, 'keys', `${meetingId}.key`);
    expect(existsSync(keyFile)).toBe(true);
    const hashes = codes.map((code) => {
      const parsed = parseCode(code);
      if (!parsed.ok) throw new Error('code does not parse');
      return [legacyCodeHash(parsed.value), parsed.value];
    });
    // While voting is open: no receipt, no content, no code and no unkeyed code hash in the clear.
    db.pragma('wal_checkpoint(PASSIVE)');
    const open = fileBytes();
    for (const secret of [...receipts, ...contents, ...hashes.flat()]) expect(open.includes(secret)).toBe(false);
    expect(db.prepare('SELECT COUNT(*) AS n FROM sealed_ballots').get()).toEqual({ n: 7 });
    const sealedIds = db.prepare('SELECT hash FROM codes WHERE meeting_id = ?').all(meetingId) as { hash: string }[];

    await t.chair('closeVoting', { meetingId });
    expect(existsSync(keyFile)).toBe(false);
    expect(db.prepare('SELECT COUNT(*) AS n FROM retry_links').get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT COUNT(*) AS n FROM sealed_ballots').get()).toEqual({ n: 0 });
    expect(db.prepare("SELECT anonymisation FROM meetings WHERE id = ?").get(meetingId)).toEqual({ anonymisation: null });
    const stored = (db.prepare('SELECT content_json FROM ballots WHERE meeting_id = ?').all(meetingId) as { content_json: string }[]).map((b) => b.content_json);
    expect([...stored].sort()).toEqual([...contents].sort());
    expect((await t.chair('receipts', { meetingId })).receipts).toEqual([...receipts].sort());
    const closed = fileBytes();
    for (const { hash } of sealedIds) expect(closed.includes(hash)).toBe(false);
    for (const secret of hashes.flat()) expect(closed.includes(secret)).toBe(false);
    // A late tablet with a used code of the closed meeting is told voting is over, and learns nothing more.
    const late = await t.tablet('/api/tablet/session', { code: codes[0] });
    expect([late.status, late.body.error?.code]).toEqual([410, 'voting_closed']);
  });

  it('records actions and counts in the audit trail, never codes, receipts or ballot ids', async () => {
    const { meetingId, officials } = await openDemoMeeting(t);
    const definition = (await t.tablet('/api/tablet/session', { code: officials[0] })).body.value;
    const receipt = (await t.tablet('/api/tablet/ballot', { code: officials[0], ballot: fullBallot(definition, () => 0) })).body.value.receipt as string;
    await t.chair('closeVoting', { meetingId });
    const db = t.host.core.store.db;
    const audit = JSON.stringify(db.prepare('SELECT * FROM audit').all());
    const ballotIds = (db.prepare('SELECT id FROM ballots').all() as { id: string }[]).map((b) => b.id);
    const codeText = (officials[0] ?? '').replace(/-/g, '');
    for (const secret of [receipt, receipt.replace('-', ''), codeText, ...ballotIds, '127.0.0.1']) expect(audit).not.toContain(secret);
    expect(audit).toContain('close_voting');
  });
});
