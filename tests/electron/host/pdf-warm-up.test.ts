/**
 * Browser mode's host starts Chromium for the PDFs before anyone asks for one: when voting
 * closes, and when it starts again with a closed meeting waiting to be printed. It never does
 * while a meeting votes, and no Chromium outlives the host. (How much time this saves is the
 * benchmark's business: docs/performance.md.)
 */
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { chairCall } from '../../e2e/support/clients';
import { startHostProcess, type HostProcess } from '../../e2e/support/host-process';

const hosts: HostProcess[] = [];
afterAll(async () => {
  for (const host of hosts) await host.stop().catch(() => undefined);
  for (const host of hosts) rmSync(host.dataDir, { recursive: true, force: true });
});

/** The host's child processes that are Chromium. */
function chromiumChildren(pid: number): number[] {
  let out = '';
  try {
    out = execFileSync('pgrep', ['-P', String(pid)], { encoding: 'utf8' });
  } catch {
    return []; // pgrep exits 1 when there is none
  }
  return out
    .split('\n')
    .filter(Boolean)
    .map(Number)
    .filter((child) => {
      try {
        return /chrom/i.test(execFileSync('ps', ['-o', 'comm=', '-p', String(child)], { encoding: 'utf8' }));
      } catch {
        return false;
      }
    });
}

async function waitFor(check: () => boolean, ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (check()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return check();
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe.skipIf(process.platform === 'win32')('PDF warm-up in browser mode', () => {
  it('starts Chromium when voting closes and after a restart with a closed meeting, never while voting; none outlives the host', async () => {
    const host = await startHostProcess();
    hosts.push(host);
    const [meeting] = await chairCall(host, 'listMeetings', {});
    if (!meeting) throw new Error('no demo meeting');
    await chairCall(host, 'generateCodes', { meetingId: meeting.id, spares: 0 });
    await chairCall(host, 'openVoting', { meetingId: meeting.id });
    await new Promise((r) => setTimeout(r, 1500));
    expect(chromiumChildren(host.pid)).toEqual([]); // voting: the cores belong to the ballots

    await chairCall(host, 'closeVoting', { meetingId: meeting.id });
    expect(await waitFor(() => chromiumChildren(host.pid).length > 0, 20_000)).toBe(true);
    const first = chromiumChildren(host.pid);
    await host.stop();
    expect(await waitFor(() => first.every((pid) => !alive(pid)), 10_000)).toBe(true);

    const again = await startHostProcess({ dataDir: host.dataDir });
    hosts.push(again);
    expect(await waitFor(() => chromiumChildren(again.pid).length > 0, 20_000)).toBe(true);
    const second = chromiumChildren(again.pid);
    await again.stop();
    expect(await waitFor(() => second.every((pid) => !alive(pid)), 10_000)).toBe(true);
  }, 90_000);
});
