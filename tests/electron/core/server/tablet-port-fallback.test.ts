/**
 * The desktop app's tablet port: where the one asked for is taken (8787 is also RStudio
 * Server's default), the next free one is bound, and the join URL (console, QR, slips) names the
 * port really bound. Real listeners on loopback; the blockers hold a run of ports.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createCore } from '../../../../electron/core/core';
import { bindTabletServer } from '../../../../electron/core/server/tablet-binding';

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function listen(port: number): Promise<Server | null> {
  return new Promise((done) => {
    const server = createServer();
    server.once('error', () => done(null));
    server.listen(port, '127.0.0.1', () => done(server));
  });
}

/** Two consecutive ports held by blockers; returns them and the blockers. */
async function takenPair(): Promise<{ first: number; blockers: Server[] }> {
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const a = await listen(0);
    if (!a) continue;
    const first = (a.address() as { port: number }).port;
    const b = first < 65000 ? await listen(first + 1) : null;
    if (b) return { first, blockers: [a, b] };
    a.close();
  }
  throw new Error('no two consecutive free ports on loopback');
}

describe('tablet port fallback', () => {
  it('binds the next free port when the asked one and the one after are taken, and publishes that port', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pingyi-port-'));
    dirs.push(dir);
    const core = createCore({ dataDir: dir, demo: false });
    const { first, blockers } = await takenPair();
    try {
      const binding = await bindTabletServer(core, { host: '127.0.0.1', port: first, nextFreePorts: 20 });
      expect(binding.server.port).toBeGreaterThan(first + 1);
      expect(binding.server.port).toBeLessThanOrEqual(first + 20);
      expect(core.tabletUrl).toBe(`http://127.0.0.1:${binding.server.port}/`);
      await binding.close();
    } finally {
      blockers.forEach((b) => b.close());
      core.close();
    }
  });

  it('without fallback (an explicit --port) a taken port is still an EADDRINUSE', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pingyi-port-'));
    dirs.push(dir);
    const core = createCore({ dataDir: dir, demo: false });
    const { first, blockers } = await takenPair();
    try {
      await expect(bindTabletServer(core, { host: '127.0.0.1', port: first })).rejects.toMatchObject({ code: 'EADDRINUSE' });
      await expect(bindTabletServer(core, { host: '127.0.0.1', port: first, nextFreePorts: 1 })).rejects.toMatchObject({ code: 'EADDRINUSE' });
    } finally {
      blockers.forEach((b) => b.close());
      core.close();
    }
  });
});
