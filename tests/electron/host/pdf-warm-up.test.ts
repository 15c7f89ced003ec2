/**
 * Browser mode's host starts Chromium for the PDFs before anyone asks for one: when voting
 * closes, and when it starts again with a closed meeting waiting to be printed. It never does
 * while a meeting votes, and no Chromium outlives the host. (How much time this saves is the
 * benchmark's business: docs/performance.md.)
 */
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { chairCall } from '../../e2e/support/clients';
import { startHostProcess, type HostProcess } from '../../e2e/support/host-process';
import { alive, chromiumChildren, until } from '../../support/processes';

const hosts: HostProcess[] = [];
afterAll(async () => {
  for (const host of hosts) await host.stop().catch(() => undefined);
  for (const host of hosts) rmSync(host.dataDir, { recursive: true, force: true });
});

describe.skipIf(process.platform === 'win32')('PDF warm-up in browser mode', () => {
  it('starts Chromium when voting closes and after a restart with a closed meeting, never while voting (nor after a restart while one votes); none outlives the host', async () => {
    const host = await startHostProcess();
    hosts.push(host);
    expect(await until(() => host.output().includes('PDF warm-up after start: no, nothing to print yet'))).toBe(true);
    const [meeting] = await chairCall(host, 'listMeetings', {});
    if (!meeting) throw new Error('no demo meeting');
    await chairCall(host, 'generateCodes', { meetingId: meeting.id, spares: 0 });
    await chairCall(host, 'openVoting', { meetingId: meeting.id });
    expect(chromiumChildren(host.pid)).toEqual([]); // voting: the cores belong to the ballots

    await chairCall(host, 'closeVoting', { meetingId: meeting.id });
    expect(await until(() => chromiumChildren(host.pid).length > 0, 20_000)).toBe(true);
    const first = chromiumChildren(host.pid);
    // A second meeting votes while the first waits to be printed.
    const second = await chairCall(host, 'createDemo', {});
    await chairCall(host, 'generateCodes', { meetingId: second.id, spares: 0 });
    await chairCall(host, 'openVoting', { meetingId: second.id });
    await host.stop();
    expect(await until(() => first.every((pid) => !alive(pid)), 10_000)).toBe(true);

    // Restarted while a meeting votes: the host says it will not warm up (a condition to wait
    // on, not a sleep), and no Chromium is there.
    const voting = await startHostProcess({ dataDir: host.dataDir });
    hosts.push(voting);
    expect(await until(() => voting.output().includes('PDF warm-up after start: no, a meeting is voting'))).toBe(true);
    expect(chromiumChildren(voting.pid)).toEqual([]);
    await chairCall(voting, 'closeVoting', { meetingId: second.id });
    expect(await until(() => chromiumChildren(voting.pid).length > 0, 20_000)).toBe(true);
    const third = chromiumChildren(voting.pid);
    await voting.stop();
    expect(await until(() => third.every((pid) => !alive(pid)), 10_000)).toBe(true);

    // Restarted with closed meetings only: it warms up on its own.
    const again = await startHostProcess({ dataDir: host.dataDir });
    hosts.push(again);
    expect(await until(() => again.output().includes('PDF warm-up after start: in '))).toBe(true);
    expect(await until(() => chromiumChildren(again.pid).length > 0, 20_000)).toBe(true);
    const fourth = chromiumChildren(again.pid);
    await again.stop();
    expect(await until(() => fourth.every((pid) => !alive(pid)), 10_000)).toBe(true);
  }, 90_000);
});
