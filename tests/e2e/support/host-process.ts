/**
 * Starts the built host (dist/electron/host.cjs) as a child process on free loopback ports with
 * its own data folder, exactly as `npm run host` does, and reads its ready line.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface HostProcess {
  readonly pid: number;
  readonly dataDir: string;
  readonly chairUrl: string;
  readonly token: string;
  readonly chairPort: number;
  readonly tabletUrl: string;
  readonly tabletPort: number;
  readonly output: () => string;
  /** SIGTERM and wait for exit. */
  stop(): Promise<void>;
  /** SIGKILL: the crash case. */
  kill(): Promise<void>;
}

export const HOST_ENTRY = fileURLToPath(new URL('../../../dist/electron/host.cjs', import.meta.url));

export function freshDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'pingyi-e2e-'));
}

export async function startHostProcess(options: { dataDir?: string; args?: string[] } = {}): Promise<HostProcess> {
  const dataDir = options.dataDir ?? freshDataDir();
  const child: ChildProcess = spawn(process.execPath, [HOST_ENTRY, '--data', dataDir, '--port', '0', '--lan-host', '127.0.0.1', ...(options.args ?? [])], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const ready = await new Promise<Record<string, string | number>>((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`host did not start within 15 s:\n${output}`)), 15_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const line = /PINGYI_READY (.*)/.exec(output);
      if (line?.[1]) {
        clearTimeout(timer);
        done(JSON.parse(line[1]) as Record<string, string | number>);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`host exited with ${code}:\n${output}`));
    });
  });
  return {
    pid: child.pid ?? 0,
    dataDir,
    chairUrl: String(ready['chairUrl']),
    token: String(ready['token']),
    chairPort: Number(ready['chairPort']),
    tabletUrl: String(ready['tabletUrl']),
    tabletPort: Number(ready['tabletPort']),
    output: () => output,
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
    async kill() {
      child.kill('SIGKILL');
      await exited;
    },
  };
}
