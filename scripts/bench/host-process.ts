/** Starts the built host as a child process and measures how long until it accepts ballots. */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { postJson } from './http-client';

export interface BenchHost {
  child: ChildProcess;
  tabletBase: string;
  /** The chair server on 127.0.0.1 and this run's token, from the host's ready line. */
  chairPort: number;
  token: string;
  /** Everything the host printed so far. */
  output: () => string;
  /** From spawn to the first successful tablet session answer. */
  readyMs: number;
}

/**
 * Spawns dist/electron/host.cjs on loopback and polls the session endpoint with a real code
 * until it answers 200: "accepting ballots" means the database is open and the server listens.
 * `nodeArgs` lets the benchmark profile the host (`--cpu-prof`).
 */
export async function startHost(
  dist: string,
  dataDir: string,
  probeCode: string | null,
  options: { port?: number; nodeArgs?: string[]; demo?: boolean; env?: NodeJS.ProcessEnv } = {},
): Promise<BenchHost> {
  const t0 = performance.now();
  const args = [...(options.nodeArgs ?? []), join(dist, 'electron', 'host.cjs'), '--data', dataDir, '--port', String(options.port ?? 0), '--lan-host', '127.0.0.1', ...(options.demo === true ? [] : ['--no-demo'])];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...options.env } });
  let output = '';
  const ready = await new Promise<{ tabletPort: number; chairPort: number; token: string }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`host did not start within 30 s:\n${output}`)), 30_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const line = /PINGYI_READY (.*)/.exec(output);
      if (line?.[1]) {
        clearTimeout(timer);
        resolve(JSON.parse(line[1]) as { tabletPort: number; chairPort: number; token: string });
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (process.env['PINGYI_BENCH_HOST_STDERR']) process.stderr.write(chunk);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`host exited (${code}):\n${output}`));
    });
  });
  const tabletBase = `http://127.0.0.1:${ready.tabletPort}`;
  for (let tries = 0; probeCode !== null; tries += 1) {
    const answer = await postJson(`${tabletBase}/api/tablet/session`, { code: probeCode }).catch(() => null);
    if (answer?.status === 200) break;
    if (tries > 6000) throw new Error(`host never accepted the probe code (last status ${answer?.status ?? 'none'})`);
    await new Promise((r) => setTimeout(r, 5));
  }
  return { child, tabletBase, chairPort: ready.chairPort, token: ready.token, output: () => output, readyMs: performance.now() - t0 };
}

/** Sends a signal and resolves once the process has exited. */
export function kill(child: ChildProcess, signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill(signal);
  });
}
