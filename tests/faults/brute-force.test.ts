/**
 * Guessing codes, beyond the single-client case of tablet-api.test.ts: twelve clients guess at
 * once on both endpoints with well-formed codes (right check character, so each guess reaches
 * the database). Each client is stopped after its 10th failure, even when it then types a real
 * code (a blocked client learns nothing); other tablets are not affected; the chair's event
 * stream gets one alarm per blocked client, not one per guess; nothing is stored or changed.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chairAlarms, fullBallot, openDemoMeeting, startTestHost, type TestHost } from '../support/running-host';
import { tabletPost } from '../e2e/support/clients';
import { codeFromRandomBytes } from '../../shared/codes/code-format';
import type { BallotDefinition } from '../../shared/api/tablet-schemas';
import { seededRandom, testSeed } from '../support/seed';

let t: TestHost;
beforeEach(async () => {
  t = await startTestHost();
});
afterEach(async () => {
  await t.stop();
});

describe('brute force of codes', () => {
  it('blocks every guessing client after 10 failures, alarms the chair once per client, and leaves real tablets and codes alone', async () => {
    const { meetingId, officials, recipients } = await openDemoMeeting(t);
    const definition = (await t.tablet('/api/tablet/session', { code: officials[0] })).body.value as BallotDefinition;
    const { alarms, close } = await chairAlarms(t);

    const next = seededRandom(testSeed());
    const clients = Array.from({ length: 12 }, (_, i) => `127.0.3.${i + 10}`);
    const ballot = fullBallot(definition, () => 0);
    const results = await Promise.all(
      clients.map(async (localAddress, c) => {
        const statuses: number[] = [];
        for (let i = 0; i < 14; i += 1) {
          // Well-formed (passes the check character), from the test's seed so a failure replays.
          const guess = codeFromRandomBytes(Uint8Array.from({ length: 8 }, () => Math.floor(next() * 256)));
          const path = (i + c) % 2 ? '/api/tablet/ballot' : '/api/tablet/session';
          const answer = await tabletPost(t.tabletBase, path, path.endsWith('ballot') ? { code: guess, ballot } : { code: guess }, { localAddress });
          statuses.push(answer.status);
        }
        // Blocked: even a real code gets no answer about itself.
        const real = await tabletPost(t.tabletBase, '/api/tablet/session', { code: recipients[c] }, { localAddress });
        return { statuses, real: real.status, realCode: real.body.error?.code as string | undefined };
      }),
    );
    for (const r of results) {
      expect(r.statuses.slice(0, 10).every((s) => s === 404)).toBe(true);
      expect(r.statuses.slice(10)).toEqual([429, 429, 429, 429]);
      expect([r.real, r.realCode]).toEqual([429, 'too_many_attempts']);
    }
    await expect.poll(() => alarms.length).toBe(clients.length);
    expect(alarms.every((a) => a.type === 'alarm' && a.kind === 'bad-codes')).toBe(true);

    // A tablet on another address is not affected, and its real ballot is taken.
    const honest = await tabletPost(t.tabletBase, '/api/tablet/ballot', { code: officials[1], ballot }, { localAddress: '127.0.3.200' });
    expect(honest.status).toBe(200);
    const db = t.host.core.store.db;
    const n = (sql: string) => (db.prepare(sql).get(meetingId) as { n: number }).n;
    expect(n('SELECT COUNT(*) AS n FROM ballots WHERE meeting_id = ?')).toBe(1);
    expect(n("SELECT COUNT(*) AS n FROM codes WHERE meeting_id = ? AND state = 'used'")).toBe(1);
    expect(n("SELECT COUNT(*) AS n FROM codes WHERE meeting_id = ? AND state = 'voided'")).toBe(0);
    // The audit trail records no guessed code and no client address.
    const audit = JSON.stringify(db.prepare('SELECT * FROM audit').all());
    expect(audit).not.toMatch(/127\.0\.3\./);
    close();
  }, 30_000);
});
