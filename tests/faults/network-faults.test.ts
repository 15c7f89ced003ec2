/**
 * Dropped answers, duplicated requests and requests cut off half-way, through a misbehaving
 * loopback proxy in front of the real tablet server (real HTTP, real SQLite file). Every tablet
 * keeps retrying its one ballot until it holds a receipt, as the tablet page does. Afterwards:
 * exactly one ballot per code, every answer any copy of a request got carries that ballot's
 * receipt, and a cut-off request stored nothing of its own.
 */
import { connect } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fullBallot, openDemoMeeting, startTestHost, type TestHost } from '../support/running-host';
import { postJson, tabletAddress } from '../../scripts/bench/http-client';
import { submissionKeyFor } from '../../scripts/bench/submission-key';
import type { BallotDefinition } from '../../shared/api/tablet-schemas';
import { seededRandom, testSeed } from '../support/seed';
import { startFaultyProxy, type FaultyProxy, type ProxyFault } from './tcp-proxy';

let t: TestHost;
let proxy: FaultyProxy | null = null;
beforeEach(async () => {
  t = await startTestHost();
});
afterEach(async () => {
  await proxy?.close();
  proxy = null;
  await t.stop();
});

/**
 * Sends one whole request and half-closes the connection at once (FIN after the last byte, as a
 * tablet's stack may when it goes to sleep); reads whatever comes back until the server closes.
 */
function halfClosedPost(port: number, path: string, body: string): Promise<{ status: number; body: any }> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port });
    let text = '';
    socket.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
    socket.on('error', reject);
    socket.on('close', () => {
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0);
      const json = text.slice(text.indexOf('\r\n\r\n') + 4);
      resolve({ status, body: status ? JSON.parse(json) : null });
    });
    socket.end(`POST ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
  });
}

/**
 * Seeded choice of faults, so a failure can be replayed from the seed (PINGYI_SEED). Taken from
 * the generator's high bits: the low bits of a power-of-two LCG repeat with period 4, which made
 * every seed give the same sequence of faults.
 */
function faults(seed: number): () => ProxyFault {
  const next = seededRandom(seed);
  const all: ProxyFault[] = ['pass', 'drop-response', 'duplicate', 'cut-request'];
  return () => all[Math.floor(next() * all.length)] ?? 'pass';
}

describe('network faults between tablet and laptop', () => {
  it('draws its faults from the seed: the same seed replays the same faults, other seeds give others', () => {
    const draw = (seed: number) => Array.from({ length: 64 }, faults(seed));
    expect(draw(12345)).toEqual(draw(12345));
    const sequences = new Set([1, 2, 3, 4, 5, 6, 7, 8].map((seed) => draw(seed).join()));
    expect(sequences.size).toBe(8);
    // All four faults occur, in proportions near a quarter each over many draws.
    const many = Array.from({ length: 4000 }, faults(99));
    for (const fault of ['pass', 'drop-response', 'duplicate', 'cut-request'] as const) expect(many.filter((f) => f === fault).length).toBeGreaterThan(800);
  });

  it('keeps exactly one ballot per code and the same receipt for every copy and retry', async () => {
    const seed = testSeed();
    const { meetingId, officials, recipients } = await openDemoMeeting(t, 10);
    const codes = [...officials, ...recipients];
    const definition = (await t.tablet('/api/tablet/session', { code: codes[0] })).body.value as BallotDefinition;
    proxy = await startFaultyProxy(t.host.tablet.port, faults(seed));
    const via = `http://127.0.0.1:${proxy.port}/api/tablet/ballot`;

    const receipts = new Map<string, string>();
    let attempts = 0;
    await Promise.all(
      codes.map(async (code, n) => {
        const body = Buffer.from(JSON.stringify({ code, submissionKey: submissionKeyFor(code), ballot: fullBallot(definition, (o, i) => ((n + o * 3 + i) % 5 === 0 ? null : (n + o + i) % 4)) }));
        for (let tries = 0; tries < 40; tries += 1) {
          attempts += 1;
          const answer = await postJson(via, body).catch(() => null);
          if (answer === null) continue; // no answer: the tablet keeps the ballot and sends it again
          expect(answer.status, `seed ${seed}: ${JSON.stringify(answer.body)}`).toBe(200);
          const receipt = (answer.body?.value as { receipt: string }).receipt;
          receipts.set(code, receipt);
          // A tablet that lost its receipt later and asks again, straight to the server.
          const again = await t.tablet('/api/tablet/ballot', JSON.parse(body.toString()) as unknown);
          expect([again.status, again.body.value?.receipt]).toEqual([200, receipt]);
          return;
        }
        throw new Error(`seed ${seed}: ${code} never got a receipt`);
      }),
    );
    expect(receipts.size).toBe(codes.length);
    const counts = proxy.counts;
    expect(counts['drop-response'] + counts.duplicate + counts['cut-request'], `seed ${seed}`).toBeGreaterThan(10);
    expect(attempts).toBeGreaterThan(codes.length);

    // Answers the tablets never saw (dropped, or the duplicate's) are the same receipts, never a second ballot.
    const known = new Set(receipts.values());
    for (const answer of proxy.unseen) {
      expect(answer.status, answer.body).toBe(200);
      expect(known.has((JSON.parse(answer.body) as { value: { receipt: string } }).value.receipt)).toBe(true);
    }

    const db = t.host.core.store.db;
    const one = (sql: string, ...args: unknown[]) => (db.prepare(sql).get(...args) as { n: number }).n;
    expect(one('SELECT COUNT(*) AS n FROM sealed_ballots WHERE meeting_id = ?', meetingId)).toBe(codes.length);
    expect(one("SELECT COUNT(*) AS n FROM codes WHERE meeting_id = ? AND state = 'used'", meetingId)).toBe(codes.length);
    expect(one('SELECT COUNT(*) AS n FROM retry_links WHERE meeting_id = ?', meetingId)).toBe(codes.length);
    expect(new Set(receipts.values()).size).toBe(codes.length);
    // Each code's sealed link gives back exactly the receipt its tablet got, to that tablet's key.
    for (const [code, receipt] of receipts) {
      const session = await t.tablet('/api/tablet/session', { code, submissionKey: submissionKeyFor(code) });
      expect(session.body.value?.receipt).toBe(receipt);
    }
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  }, 60_000);

  it('takes a burst larger than one batch whole, and the chair\'s last turnout event counts every ballot', async () => {
    const { meetingId, officials, recipients } = await openDemoMeeting(t, 40);
    const codes = [...officials, ...recipients];
    const turnouts: number[] = [];
    t.host.core.events.subscribe((event) => {
      if (event.type === 'turnout' && event.meetingId === meetingId) turnouts.push(event.turnout.reduce((n, g) => n + g.ballots, 0));
    });
    const definition = (await t.tablet('/api/tablet/session', { code: codes[0] })).body.value as BallotDefinition;
    // Each tablet from its own address, as in a room: from one address, more than the server's
    // per-address cap (64) of these connections may be open at once on a loaded machine, and the
    // rest are refused by design (tablet-server.ts capConnections), which is not what this tests.
    const answers = await Promise.all(codes.map((code, n) => postJson(`${t.tabletBase}/api/tablet/ballot`, { code, ballot: fullBallot(definition, (o, i) => (n + o + i) % 4) }, { localAddress: tabletAddress(n) })));
    expect(answers.map((a) => a.status)).toEqual(codes.map(() => 200));
    expect(new Set(answers.map((a) => (a.body?.value as { receipt: string }).receipt)).size).toBe(codes.length);
    // Turnout is sent a few times a second, not per batch, but the last state always follows;
    // how many events came before it is a performance property, measured in the bench, not here.
    await expect.poll(() => turnouts.at(-1)).toBe(codes.length);
    // Never more than the ballots stored (a count never goes down or repeats a step backwards).
    expect(turnouts.every((n, i) => i === 0 || n >= (turnouts[i - 1] ?? 0))).toBe(true);
  }, 30_000);

  it('stores each ballot sent on a half-closed connection exactly once; any answer that gets through carries its receipt, and a retry gets the same', async () => {
    const { meetingId, officials, recipients } = await openDemoMeeting(t);
    const codes = [...officials, ...recipients];
    const definition = (await t.tablet('/api/tablet/session', { code: codes[0] })).body.value as BallotDefinition;
    const bodies = codes.map((code, n) => JSON.stringify({ code, submissionKey: submissionKeyFor(code), ballot: fullBallot(definition, (o, i) => (n + o + i) % 4) }));
    // Each ballot twice on half-closed connections, all at once. Whether Node still writes the
    // answer after the client's FIN is a race; that the ballot is stored, once, is not.
    const halves = await Promise.all([...bodies, ...bodies].map((body) => halfClosedPost(t.host.tablet.port, '/api/tablet/ballot', body)));
    const db = t.host.core.store.db;
    expect(db.prepare('SELECT COUNT(*) AS n FROM sealed_ballots WHERE meeting_id = ?').get(meetingId)).toEqual({ n: codes.length });
    expect(db.prepare("SELECT COUNT(*) AS n FROM codes WHERE meeting_id = ? AND state = 'used'").get(meetingId)).toEqual({ n: codes.length });
    // The tablet that heard nothing retries on a whole connection: the same receipt, no second ballot.
    const retries = await Promise.all(bodies.map((body) => t.tablet('/api/tablet/ballot', JSON.parse(body) as unknown)));
    expect(retries.map((r) => r.status)).toEqual(codes.map(() => 200));
    halves.forEach((half, i) => {
      if (half.status !== 0) expect([half.status, half.body.value.receipt]).toEqual([200, retries[i % codes.length]?.body.value.receipt]);
    });
    // One receipt per ballot: receipts are sealed apart from content while voting, so count the answers'.
    expect(new Set(retries.map((r) => r.body.value.receipt)).size).toBe(codes.length);
    expect(db.prepare('SELECT COUNT(*) AS n FROM sealed_ballots WHERE meeting_id = ?').get(meetingId)).toEqual({ n: codes.length });
  });

  it('stores nothing for a request cut off half-way; the code stays unused until the whole ballot arrives', async () => {
    const { meetingId, officials } = await openDemoMeeting(t);
    const code = officials[0] ?? '';
    const definition = (await t.tablet('/api/tablet/session', { code })).body.value as BallotDefinition;
    proxy = await startFaultyProxy(t.host.tablet.port, () => 'cut-request');
    const body = Buffer.from(JSON.stringify({ code, submissionKey: submissionKeyFor(code), ballot: fullBallot(definition, () => 1) }));
    for (let i = 0; i < 5; i += 1) expect(await postJson(`http://127.0.0.1:${proxy.port}/api/tablet/ballot`, body).catch(() => null)).toBeNull();
    const db = t.host.core.store.db;
    // The server is still answering, and nothing of the five halves was kept.
    expect((await t.tablet('/api/tablet/session', { code })).status).toBe(200);
    expect(db.prepare('SELECT COUNT(*) AS n FROM sealed_ballots WHERE meeting_id = ?').get(meetingId)).toEqual({ n: 0 });
    expect(db.prepare("SELECT COUNT(*) AS n FROM codes WHERE meeting_id = ? AND state = 'used'").get(meetingId)).toEqual({ n: 0 });
    const whole = await t.tablet('/api/tablet/ballot', JSON.parse(body.toString()) as unknown);
    expect(whole.status).toBe(200);
    expect(db.prepare('SELECT COUNT(*) AS n FROM sealed_ballots WHERE meeting_id = ?').get(meetingId)).toEqual({ n: 1 });
  }, 30_000);
});
