/**
 * DESIGN.md's anonymity model, proven by reading the SQLite file itself after a meeting:
 * the code→ballot links are gone from the database, the WAL and the free pages.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
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
  it('destroys every code→ballot link when voting closes, leaving no trace in the file', async () => {
    const { meetingId, officials, recipients } = await openDemoMeeting(t);
    const codes = [...officials.slice(0, 3), ...recipients.slice(0, 4)];
    for (const [index, code] of codes.entries()) {
      const definition = (await t.tablet('/api/tablet/session', { code })).body.value;
      await t.tablet('/api/tablet/ballot', { code, ballot: fullBallot(definition, (o, i) => (o + i + index) % 4) });
    }
    const db = t.host.core.store.db;
    const links = db.prepare('SELECT ballot_id, digest FROM retry_links').all() as { ballot_id: string; digest: string }[];
    expect(links).toHaveLength(7);
    // While voting is open the links exist on disk (this is what makes the check below meaningful).
    db.pragma('wal_checkpoint(FULL)');
    expect(links.some((l) => fileBytes().includes(l.digest))).toBe(true);

    await t.chair('closeVoting', { meetingId });
    expect(db.prepare('SELECT COUNT(*) AS n FROM retry_links').get()).toEqual({ n: 0 });
    const bytes = fileBytes();
    for (const link of links) expect(bytes.includes(link.digest)).toBe(false);
    expect(db.prepare('SELECT COUNT(*) AS n FROM ballots').get()).toEqual({ n: 7 });
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
