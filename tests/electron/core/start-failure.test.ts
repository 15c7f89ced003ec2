/**
 * When the host cannot start, the chair reads what to do, not only a stack trace: a taken port
 * (a real second listener) and a full disk each get their own advice, in Chinese and English.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { isNativeModuleMismatch, startFailureMessage } from '../../../electron/core/start-failure';
import { openStore } from '../../../electron/core/store/database';

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

  it('better-sqlite3 built for another ABI: says so and how to start, instead of "tell the technical staff"', () => {
    // Electron 41 loading node_modules' Node build, as the shell reported it before npm start kept an Electron build apart.
    const mismatch = Object.assign(
      new Error(
        "The module '/p/node_modules/better-sqlite3/build/Release/better_sqlite3.node'\nwas compiled against a different Node.js version using\nNODE_MODULE_VERSION 115. This version of Node.js requires\nNODE_MODULE_VERSION 145. Please try re-compiling or re-installing",
      ),
      { code: 'ERR_DLOPEN_FAILED' },
    );
    expect(isNativeModuleMismatch(mismatch)).toBe(true);
    const message = startFailureMessage(mismatch, '/d');
    expect(message).toContain('数据库组件（better-sqlite3）不是为这个程序的运行环境编译的');
    expect(message).toContain('npm start');
    expect(message).not.toContain('技术人员');
    expect(isNativeModuleMismatch(new Error('database or disk is full'))).toBe(false);
  });

  it('a real unloadable binding passed through openStore\'s nativeBinding is recognised as the module problem', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pingyi-binding-'));
    dirs.push(dir);
    const fake = join(dir, 'better_sqlite3.node');
    writeFileSync(fake, 'not a shared object');
    let thrown: unknown;
    try {
      openStore(join(dir, 'x.sqlite'), { nativeBinding: fake });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(Error);
    expect(isNativeModuleMismatch(thrown)).toBe(true);
    expect(startFailureMessage(thrown, dir)).toContain('better-sqlite3');
    // node_modules' own build still opens through the same option.
    const own = fileURLToPath(new URL('../../../node_modules/better-sqlite3/build/Release/better_sqlite3.node', import.meta.url));
    const store = openStore(join(dir, 'y.sqlite'), { nativeBinding: own });
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    store.close();
  });
});
