/**
 * Browser mode (`npm start`'s fallback, `npm run host`) without --port: 8787 taken (held here on
 * every address, or already taken by someone else) → the host starts on the next free port and
 * prints that address. With --port the start-failure test shows the opposite: a clear error.
 * Needs `npm run build`.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const hostEntry = fileURLToPath(new URL('../../../dist/electron/host.cjs', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'pingyi-host-port-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('browser mode tablet port', () => {
  it('moves off a taken 8787 when no --port is given, and prints the port it bound', async () => {
    const blocker: Server | null = await new Promise((done) => {
      const server = createServer();
      server.once('error', () => done(null));
      server.listen(8787, '0.0.0.0', () => done(server));
    });
    const child = spawn(process.execPath, [hostEntry, '--data', dir, '--lan-host', '127.0.0.1', '--no-demo'], { stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      const ready = await new Promise<{ tabletUrl: string; tabletPort: number }>((done, fail) => {
        let out = '';
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          const line = /PINGYI_READY (.*)/.exec(out);
          if (line?.[1]) done(JSON.parse(line[1]) as { tabletUrl: string; tabletPort: number });
        });
        child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
        child.once('exit', () => fail(new Error(`host exited: ${out}`)));
      });
      expect(ready.tabletPort).toBeGreaterThan(8787);
      expect(ready.tabletPort).toBeLessThanOrEqual(8807);
      expect(ready.tabletUrl).toBe(`http://127.0.0.1:${ready.tabletPort}/`);
    } finally {
      child.kill('SIGTERM');
      await new Promise((done) => (child.exitCode !== null ? done(null) : child.once('exit', done)));
      blocker?.close();
    }
  });
});
