/** Looking at processes from tests: the Chromium a process started, and waiting for a condition. */
import { execFileSync } from 'node:child_process';

/** Chromium's main processes among the children of `parentPid` (its renderers carry --type=). */
export function chromiumChildren(parentPid: number): number[] {
  let out = '';
  try {
    out = execFileSync('ps', ['-o', 'pid=,args=', '--ppid', String(parentPid)], { encoding: 'utf8' });
  } catch {
    return []; // ps exits 1 when there is no child at all
  }
  return out
    .split('\n')
    .map((line) => /^\s*(\d+)\s+(.*)$/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null && /chrom/i.test(m[2] ?? '') && !/--type=/.test(m[2] ?? ''))
    .map((m) => Number(m[1]));
}

/** True once `check()` holds, false if it still does not after `ms`. */
export async function until(check: () => boolean, ms = 10_000): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (check()) return true;
    await new Promise((done) => setTimeout(done, 50));
  }
  return check();
}

/** Whether a process with this id still exists. */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
