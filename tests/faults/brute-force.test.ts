/**
 * Guessing codes, beyond the single-client case of tablet-api.test.ts: five clients guess at
 * once on both endpoints with well-formed codes (right check character, so each guess reaches
 * the database). Each client is slowed after its 10th failure and its failures then get 429
 * (a throttled client learns nothing about a guess), but a real code from the same address
 * still gets through after the delay: one guesser behind a shared NAT must not lock the room
 * out. The chair's event stream gets one alarm per throttled client (and one for the room once
 * all of them together pass the room's limit), not one per guess; nothing is stored or changed.
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
  it('slows every guessing client after 10 failures, answers its guesses 429, lets a real code from the same address through, and alarms once per client', async () => {
    const { meetingId, officials, recipients } = await openDemoMeeting(t);
    const definition = (await t.tablet('/api/tablet/session', { code: officials[0] })).body.value as BallotDefinition;
    const { alarms, close } = await chairAlarms(t);

    const next = seededRandom(testSeed());
    const clients = Array.from({ length: 5 }, (_, i) => `127.0.3.${i + 10}`);
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
        // Throttled, not locked out: a real code from the same address (a shared NAT) gets through.
        const real = await tabletPost(t.tabletBase, '/api/tablet/session', { code: recipients[c] }, { localAddress });
        return { statuses, real: real.status, realCode: real.body.value?.meeting?.id as string | undefined };
      }),
    );
    for (const r of results) {
      expect(r.statuses.slice(0, 10).every((s) => s === 404)).toBe(true);
      expect(r.statuses.slice(10)).toEqual([429, 429, 429, 429]);
      expect([r.real, r.realCode]).toEqual([200, meetingId]);
    }
    // One per client, and one for the room (5 × 14 failures pass its limit of 60).
    await expect.poll(() => alarms.length).toBe(clients.length + 1);
    expect(alarms.every((a) => a.type === 'alarm' && a.kind === 'bad-codes')).toBe(true);

    // A tablet on another address is not affected, and its real ballot is taken.
    const honest = await tabletPost(t.tabletBase, '/api/tablet/ballot', { code: officials[1], ballot }, { localAddress: '127.0.3.200' });
    expect(honest.status).toBe(200);
    const db = t.host.core.store.db;
    const n = (sql: string) => (db.prepare(sql).get(meetingId) as { n: number }).n;
    expect(n('SELECT COUNT(*) AS n FROM sealed_ballots WHERE meeting_id = ?')).toBe(1);
    expect(n("SELECT COUNT(*) AS n FROM codes WHERE meeting_id = ? AND state = 'used'")).toBe(1);
    expect(n("SELECT COUNT(*) AS n FROM codes WHERE meeting_id = ? AND state = 'voided'")).toBe(0);
    // The audit trail records no guessed code and no client address.
    const audit = JSON.stringify(db.prepare('SELECT * FROM audit').all());
    expect(audit).not.toMatch(/127\.0\.3\./);
    close();
  }, 30_000);

  it('answers 已使用 to another submission key on a used code without looking at content, and throttles repeated attempts', async () => {
    const { officials } = await openDemoMeeting(t);
    const code = officials[0] ?? '';
    const definition = (await t.tablet('/api/tablet/session', { code })).body.value as BallotDefinition;
    const { alarms, close } = await chairAlarms(t);
    const ballot = fullBallot(definition, () => 1);
    const first = await tabletPost(t.tabletBase, '/api/tablet/ballot', { code, submissionKey: 'k'.repeat(22), ballot });
    expect(first.status).toBe(200);
    const localAddress = '127.0.4.20';
    const statuses: string[] = [];
    // The exact ballot, then others: a prober learns the same 已使用 whatever it sends.
    for (let i = 0; i < 12; i += 1) {
      const probe = fullBallot(definition, (o, j) => (i === 0 ? 1 : (o + j + i) % 4));
      const answer = await tabletPost(t.tabletBase, '/api/tablet/ballot', { code, submissionKey: `probe${String(i).padStart(17, '0')}`, ballot: probe }, { localAddress });
      statuses.push(`${answer.status} ${answer.body.error?.code}`);
    }
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill('409 code_used'));
    expect(statuses.slice(10)).toEqual(['429 too_many_attempts', '429 too_many_attempts']);
    await expect.poll(() => alarms.length).toBe(1);
    // The tablet holding the key still gets its receipt.
    const retry = await tabletPost(t.tabletBase, '/api/tablet/ballot', { code, submissionKey: 'k'.repeat(22), ballot: fullBallot(definition, () => 0) });
    expect([retry.status, retry.body.value?.receipt]).toEqual([200, first.body.value.receipt]);
    close();
  }, 30_000);
});
