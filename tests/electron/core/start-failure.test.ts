/**
 * When the host cannot start, the chair reads what to do, not only a stack trace: a taken port
 * (a real second listener) and a full disk each get their own advice, in Chinese and English.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { startFailureMessage } from '../../../electron/core/start-failure';

const hostEntry = fileURLToPath(new URL('../../../dist/electron/host.cjs', import.meta.url));
const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe('start failures', () => {
  it('a tablet port already taken: the host exits and says to close the other Pingyi or pick --port', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const address = blocker.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const dataDir = mkdtempSync(join(tmpdir(), 'pingyi-port-'));
    dirs.push(dataDir);
    try {
      const child = spawn(process.execPath, [hostEntry, '--data', dataDir, '--port', String(port), '--lan-host', '127.0.0.1', '--no-demo'], { stdio: ['ignore', 'pipe', 'pipe'] });
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
      expect(code).not.toBe(0);
      expect(output).not.toContain('PINGYI_READY');
      expect(output).toContain('端口已被其他程序占用');
      expect(output).toContain('--port');
      expect(output).toContain('EADDRINUSE');
    } finally {
      blocker.close();
    }
  }, 30_000);

  it('names the cause and keeps the technical line', () => {
    const full = Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
    expect(startFailureMessage(full, '/data')).toMatch(/磁盘已满[\s\S]*\/data[\s\S]*database or disk is full$/);
    const denied = Object.assign(new Error("EACCES: permission denied, mkdir '/x'"), { code: 'EACCES' });
    expect(startFailureMessage(denied, '/x')).toContain('数据文件夹不能写入：/x');
    expect(startFailureMessage(new Error('something else'), '/d')).toMatch(/技术人员[\s\S]*something else$/);
  });
});
