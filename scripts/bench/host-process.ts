/** Starts the built host as a child process and measures how long until it accepts ballots. */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { postJson } from './http-client';

export interface BenchHost {
  child: ChildProcess;
  tabletBase: string;
  /** From spawn to the first successful tablet session answer. */
  readyMs: number;
}

export async function startHost(dist: string, dataDir: string, probeCode: string, port = 0): Promise<BenchHost> {
  const t0 = performance.now();
  const child = spawn(process.execPath, [join(dist, 'electron', 'host.cjs'), '--data', dataDir, '--port', String(port), '--lan-host', '127.0.0.1', '--no-demo'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const ready = await new Promise<{ tabletPort: number }>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const line = /PINGYI_READY (.*)/.exec(output);
      if (line?.[1]) resolve(JSON.parse(line[1]) as { tabletPort: number });
    });
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`host exited (${code}):\n${output}`)));
  });
  const tabletBase = `http://127.0.0.1:${ready.tabletPort}`;
  for (;;) {
    const answer = await postJson(`${tabletBase}/api/tablet/session`, { code: probeCode }).catch(() => null);
    if (answer?.status === 200) break;
    await new Promise((r) => setTimeout(r, 5));
  }
  return { child, tabletBase, readyMs: performance.now() - t0 };
}

export function kill(child: ChildProcess, signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill(signal);
  });
}
