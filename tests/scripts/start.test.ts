/**
 * `npm start`'s decisions, driven through the real script with a fake Electron binary: a shell
 * script that behaves as Node when run with ELECTRON_RUN_AS_NODE (as Electron does), and
 * otherwise records how it was started and exits as told (normally, by SIGTRAP as on Ubuntu 24.04,
 * or with the shell's "database module" code). Browser mode is a fake host entry that records
 * its arguments. The Electron-ABI binding comes through the real prebuild-install from a
 * mirror on loopback (npm_config_better_sqlite3_binary_host), serving node_modules' own build
 * under Electron's name: the fake Electron, being Node, loads it.
 */
import { spawn, execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, cpSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const startScript = join(root, 'scripts', 'start.mjs');
const sqliteVersion = (JSON.parse(readFileSync(join(root, 'node_modules/better-sqlite3/package.json'), 'utf8')) as { version: string }).version;
const electronVersion = (JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')) as { version: string }).version;
const abi = readFileSync(join(root, 'node_modules/electron/abi_version'), 'utf8').trim();

let work = '';
let mirror: Server;
let mirrorUrl = '';
let downloads = 0;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'pingyi-start-'));
  writeFileSync(
    join(work, 'electron'),
    [
      '#!/bin/sh',
      `if [ -n "$ELECTRON_RUN_AS_NODE" ]; then exec ${JSON.stringify(process.execPath)} "$@"; fi`,
      'echo "electron binding=$PINGYI_SQLITE_BINDING args=$*" >> "$FAKE_LOG"',
      'case "$FAKE_MODE" in trap) kill -TRAP $$ ;; abi) exit 78 ;; *) exit 0 ;; esac',
      '',
    ].join('\n'),
  );
  chmodSync(join(work, 'electron'), 0o755);
  writeFileSync(join(work, 'host.cjs'), "require('fs').appendFileSync(process.env.FAKE_LOG, 'host args=' + process.argv.slice(2).join(' ') + '\\n');\n");
  // The prebuilt tarball as prebuild-install expects it: build/Release/better_sqlite3.node.
  const pack = join(work, 'pack');
  mkdirSync(join(pack, 'build', 'Release'), { recursive: true });
  cpSync(join(root, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node'), join(pack, 'build', 'Release', 'better_sqlite3.node'));
  const tarball = join(work, 'prebuild.tar.gz');
  execFileSync('tar', ['czf', tarball, '-C', pack, 'build']);
  const expected = `/v${sqliteVersion}/better-sqlite3-v${sqliteVersion}-electron-v${abi}-${process.platform}-${process.arch}.tar.gz`;
  mirror = createServer((request, response) => {
    if (request.url === expected) {
      downloads += 1;
      response.end(readFileSync(tarball));
    } else response.writeHead(404).end();
  });
  await new Promise<void>((done) => mirror.listen(0, '127.0.0.1', done));
  const address = mirror.address();
  mirrorUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});

afterAll(async () => {
  await new Promise((done) => mirror.close(done));
  rmSync(work, { recursive: true, force: true });
});

interface Run {
  code: number | null;
  output: string;
  log: string;
}

/** Runs scripts/start.mjs with the fakes; `cache` is its own cache folder. */
function start(name: string, env: Record<string, string>, args: string[] = []): Promise<Run> {
  const cache = join(work, `cache-${name}`);
  const log = join(work, `${name}.log`);
  return new Promise((done) => {
    const child = spawn(process.execPath, [startScript, ...args], {
      env: {
        PATH: process.env['PATH'] ?? '',
        HOME: work,
        npm_config_cache: join(work, 'npm-cache'),
        PINGYI_ELECTRON_BINARY: join(work, 'electron'),
        PINGYI_HOST_ENTRY: join(work, 'host.cjs'),
        PINGYI_CACHE_DIR: cache,
        FAKE_LOG: log,
        // Never the real internet: an unreachable mirror fails at once.
        ELECTRON_MIRROR: 'http://127.0.0.1:9/',
        PINGYI_ELECTRON_HEADERS_URL: 'http://127.0.0.1:9/',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => done({ code, output, log: existsSync(log) ? readFileSync(log, 'utf8') : '' }));
  });
}

const bindingPath = (name: string) =>
  join(work, `cache-${name}`, `better-sqlite3-${sqliteVersion}-electron-${electronVersion}-${process.platform}-${process.arch}`, 'build', 'Release', 'better_sqlite3.node');

describe('npm start (scripts/start.mjs) with a fake Electron', () => {
  it('downloads the Electron-ABI binding into its cache folder once, checks it in Electron, and hands that path to the shell', async () => {
    const first = await start('abi', { npm_config_better_sqlite3_binary_host: mirrorUrl }, ['--port', '9001']);
    expect(first.output).toContain(`ABI ${abi}`);
    expect(first.output).toContain(`mirror: ${mirrorUrl}`);
    expect(first.code, first.output).toBe(0);
    expect(first.log).toBe(`electron binding=${bindingPath('abi')} args=${root.replace(/\/$/, '')} --port 9001\n`);
    // The project's own (Node-ABI) build is untouched: tests and browser mode keep loading it.
    expect(bindingPath('abi')).not.toContain(join('node_modules', 'better-sqlite3', 'build'));
    // A second start uses the marked cache folder and downloads nothing.
    const second = await start('abi', { npm_config_better_sqlite3_binary_host: mirrorUrl });
    expect(second.code).toBe(0);
    expect(downloads).toBe(1);
    expect(second.output).not.toContain('Preparing better-sqlite3');
  }, 120_000);

  it('where the binding cannot be had: one clear line with the mirror hint, then browser mode', async () => {
    const run = await start('no-binding', { npm_config_better_sqlite3_binary_host: 'http://127.0.0.1:9' }, ['--data', '/tmp/x']);
    expect(run.output).toMatch(/better-sqlite3 for Electron's ABI \d+ could not be had/);
    expect(run.output).toContain('npm_config_better_sqlite3_binary_host=https://registry.npmmirror.com/-/binary/better-sqlite3');
    expect(run.log).toBe('host args=--open --data /tmp/x\n');
    expect(run.code).toBe(0);
  }, 300_000);

  it('Electron killed by SIGTRAP (AppArmor on Ubuntu 24.04): explains, falls back to browser mode, exits non-zero', async () => {
    const run = await start('trap', { npm_config_better_sqlite3_binary_host: mirrorUrl, FAKE_MODE: 'trap' });
    expect(run.output).toContain('Electron stopped with SIGTRAP');
    expect(run.output).toMatch(/AppArmor/);
    expect(run.output).toContain('--no-sandbox');
    expect(run.log).toMatch(/^electron binding=.*\nhost args=--open\n$/);
    expect(run.code).toBe(128 + 5);
  }, 120_000);

  it('the shell unable to load its database module (exit 78): browser mode, non-zero exit', async () => {
    const run = await start('abi-exit', { npm_config_better_sqlite3_binary_host: mirrorUrl, FAKE_MODE: 'abi' });
    expect(run.output).toContain('could not load its database module');
    expect(run.log).toMatch(/^electron .*\nhost args=--open\n$/);
    expect(run.code).toBe(78);
  }, 120_000);

  it('Electron missing: one download attempt through the mirror shown, then browser mode; the next start says how to retry', async () => {
    const env = { PINGYI_ELECTRON_BINARY: join(work, 'no-such-electron') };
    const first = await start('download', env);
    expect(first.output).toContain('downloading it once from http://127.0.0.1:9/');
    expect(first.output).toContain('ELECTRON_MIRROR=https://npmmirror.com/mirrors/electron/');
    expect(first.log).toBe('host args=--open\n');
    expect(existsSync(join(work, 'cache-download', 'electron-download-failed'))).toBe(true);
    const second = await start('download', env);
    expect(second.output).toMatch(/download failed \d+ h ago/);
    expect(second.output).toContain('npm start -- --retry-download');
    expect(second.output).not.toContain('downloading it once');
    const retry = await start('download', env, ['--retry-download']);
    expect(retry.output).toContain('downloading it once');
    expect(retry.log).toBe('host args=--open\nhost args=--open\nhost args=--open\n');
  }, 120_000);

  it('PINGYI_BROWSER_MODE=1 goes straight to browser mode', async () => {
    const run = await start('forced', { PINGYI_BROWSER_MODE: '1' }, ['--no-demo']);
    expect(run.log).toBe('host args=--open --no-demo\n');
  });
});
