/**
 * The crash case with the built host process: SIGKILL in the middle of a burst of ballots, start
 * again on the same data folder. The meeting resumes exactly; every tablet's retry gets a
 * receipt (the same one where it had been acknowledged); nothing is lost, nothing doubled.
 * Whatever moment the kill lands on, these assertions hold: timing decides nothing.
 */
import { test, expect } from '@playwright/test';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { startHostProcess, type HostProcess } from './support/host-process';
import { chairCall, gradedBallot, tabletPost, type HttpAnswer } from './support/clients';
import type { BallotDefinition } from '../../shared/api/tablet-schemas';

let hosts: HostProcess[] = [];
test.afterEach(async () => {
  await Promise.allSettled(hosts.map((h) => h.stop()));
  hosts = [];
});

test('kill -9 mid-meeting, restart: the meeting resumes and every retry is counted exactly once', async () => {
  const first = await startHostProcess();
  hosts.push(first);
  const [meeting] = await chairCall(first, 'listMeetings', {});
  const meetingId = meeting?.id ?? '';
  const codes = (await chairCall(first, 'generateCodes', { meetingId, spares: 0 })).map((c) => c.code);
  await chairCall(first, 'openVoting', { meetingId });
  const definition = (await tabletPost(first.tabletUrl, '/api/tablet/session', { code: codes[0] })).body.value as BallotDefinition;
  const ballots = codes.map((_, n) => gradedBallot(definition, (o, i) => (n + o + i) % 5 === 4 ? null : (n + o + i) % 4));

  // Five ballots acknowledged before the crash.
  const receipts = new Map<number, string>();
  for (let n = 0; n < 5; n += 1) {
    const answer = await tabletPost(first.tabletUrl, '/api/tablet/ballot', { code: codes[n], ballot: ballots[n] });
    expect(answer.status).toBe(200);
    receipts.set(n, answer.body.value.receipt as string);
  }
  // A burst of twenty more, and the process killed while they are in flight.
  const burst = Array.from({ length: 20 }, (_, k) => k + 5).map((n) =>
    tabletPost(first.tabletUrl, '/api/tablet/ballot', { code: codes[n], ballot: ballots[n] }).then(
      (answer): [number, HttpAnswer | null] => [n, answer],
      (): [number, HttpAnswer | null] => [n, null],
    ),
  );
  await first.kill();
  for (const [n, answer] of await Promise.all(burst)) {
    if (answer?.status === 200) receipts.set(n, answer.body.value.receipt as string);
  }

  const second = await startHostProcess({ dataDir: first.dataDir });
  hosts.push(second);
  const view = await chairCall(second, 'getMeeting', { meetingId });
  expect(view.status).toBe('open');
  const before = view.turnout.reduce((n, g) => n + g.ballots, 0);
  // Every acknowledged ballot survived the kill.
  expect(before).toBeGreaterThanOrEqual(receipts.size);

  // Tablets retry everything they hold (the acknowledged ones too: a receipt may have been lost on the way).
  for (let n = 0; n < 25; n += 1) {
    const answer = await tabletPost(second.tabletUrl, '/api/tablet/ballot', { code: codes[n], ballot: ballots[n] });
    expect(answer.status, `retry ${n}`).toBe(200);
    const known = receipts.get(n);
    if (known) expect(answer.body.value.receipt).toBe(known);
    receipts.set(n, answer.body.value.receipt as string);
  }
  // The rest of the room votes on the restarted host.
  for (let n = 25; n < codes.length; n += 1) {
    expect((await tabletPost(second.tabletUrl, '/api/tablet/ballot', { code: codes[n], ballot: ballots[n] })).status).toBe(200);
  }
  const after = await chairCall(second, 'getMeeting', { meetingId });
  expect(after.turnout.map((g) => [g.group, g.ballots, g.codesUsed])).toEqual([
    ['officials', 9, 9],
    ['recipients', 21, 21],
  ]);
  await chairCall(second, 'closeVoting', { meetingId });
  await second.stop();

  // On disk: exactly one ballot per code, each with its own receipt, all receipts the tablets hold.
  const db = new Database(join(first.dataDir, 'pingyi.sqlite'), { readonly: true });
  try {
    // After close: the ballots in the clear, the receipts in their own table (no link between them).
    expect(db.prepare('SELECT COUNT(*) AS n FROM ballots WHERE meeting_id = ?').get(meetingId)).toEqual({ n: 30 });
    const stored = db.prepare('SELECT receipt FROM receipts WHERE meeting_id = ?').all(meetingId) as { receipt: string }[];
    expect(stored).toHaveLength(30);
    const storedReceipts = new Set(stored.map((b) => b.receipt));
    for (let n = 0; n < 25; n += 1) expect(storedReceipts.has(receipts.get(n) ?? '')).toBe(true);
    expect(db.prepare('SELECT COUNT(*) AS n FROM retry_links').get()).toEqual({ n: 0 });
  } finally {
    db.close();
  }
});
