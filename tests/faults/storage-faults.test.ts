/**
 * The disk refuses to write: a read-only database and a full disk, through real HTTP and a real
 * SQLite file. No acknowledgement, no code burned, a clear error on the tablet (storage_failed,
 * which the tablet retries) and an alarm on the chair's event stream; once the disk is back,
 * the retries are counted exactly once.
 *
 * How "read-only" is made real here, as root (chmod does not stop root, and a mounted
 * filesystem is not allowed in tests):
 * - while running: the store's connection is swapped for a `{ readonly: true }` connection to the
 *   same file, so every write the ballot writer makes is refused by SQLite itself
 *   (SQLITE_READONLY), exactly as when the file turns read-only under an open app;
 * - at start: the built host is run as an unprivileged user (setpriv, as root) on a folder and
 *   file it may read but not write, so the operating system refuses the writes.
 * A full disk is SQLite's max_page_count: the file may not grow by a single page.
 */
import Database from 'better-sqlite3';
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { chairAlarms, fullBallot, openDemoMeeting, startTestHost, tempDir, type TestHost } from '../support/running-host';
import { readableHostCopy } from '../support/readable-copy';
import { createCore } from '../../electron/core/core';
import type { Db } from '../../electron/core/store/database';
import type { BallotDefinition } from '../../shared/api/tablet-schemas';
import { errorWords } from '../../shared/i18n/error-words';

let t: TestHost | null = null;
afterEach(async () => {
  await t?.stop();
  t = null;
});

function counts(db: Db, meetingId: string): { ballots: number; used: number } {
  const n = (sql: string) => (db.prepare(sql).get(sql.includes('@m') ? { m: meetingId } : meetingId) as { n: number }).n;
  return {
    // While voting is open the ballots are sealed; after close they are in the clear.
    ballots: n('SELECT (SELECT COUNT(*) FROM ballots WHERE meeting_id = @m) + (SELECT COUNT(*) FROM sealed_ballots WHERE meeting_id = @m) AS n'),
    used: n("SELECT COUNT(*) AS n FROM codes WHERE meeting_id = ? AND state = 'used'"),
  };
}

describe('a disk that refuses the write', () => {
  it('read-only database while voting: storage_failed, no code burned, the chair\'s alarm; a receipt can still be fetched; retries count once the disk is back', async () => {
    t = await startTestHost();
    const host = t;
    const { meetingId, officials, recipients } = await openDemoMeeting(host);
    const definition = (await host.tablet('/api/tablet/session', { code: officials[0] })).body.value as BallotDefinition;
    const ballotOf = (n: number) => fullBallot(definition, (o, i) => (n + o + i) % 4);
    const early = await host.tablet('/api/tablet/ballot', { code: officials[0], ballot: ballotOf(0) });
    expect(early.status).toBe(200);
    const chair = await chairAlarms(host);

    const store = host.host.core.store as { db: Db; file: string };
    const writable = store.db;
    const readonly = new Database(store.file, { readonly: true, fileMustExist: true });
    store.db = readonly;
    try {
      const codes = [...officials.slice(1, 5), ...recipients.slice(0, 4)];
      const answers = await Promise.all(codes.map((code, n) => host.tablet('/api/tablet/ballot', { code, ballot: ballotOf(n + 1) })));
      for (const answer of answers) {
        expect(answer.status).toBe(503);
        expect(answer.body.error.code).toBe('storage_failed');
        expect(answer.body.error.message).toMatch(/自动重试/);
      }
      expect(counts(writable, meetingId)).toEqual({ ballots: 1, used: 1 });
      // A tablet that lost its receipt gets it back: that needs no write.
      const again = await host.tablet('/api/tablet/ballot', { code: officials[0], ballot: ballotOf(0) });
      expect([again.status, again.body.value?.receipt]).toEqual([200, early.body.value.receipt]);
      // Sessions still open (reading works), so a tablet can keep its ballot on screen.
      expect((await host.tablet('/api/tablet/session', { code: recipients[0] })).status).toBe(200);
      await expect.poll(() => chair.alarms.length).toBeGreaterThan(0);
      expect(chair.alarms[0]).toMatchObject({ type: 'alarm', kind: 'storage' });
      // A code with params; worded as the console shows it in Chinese.
      expect(chair.alarms[0]).toMatchObject({ code: 'storage_write_failed', params: { detail: expect.any(String) } });
      expect(chair.alarms.every((a) => a.type === 'alarm' && /磁盘|数据文件夹/.test(errorWords(a, 'zh')))).toBe(true);
    } finally {
      store.db = writable;
      readonly.close();
      chair.close();
    }

    const codes = [...officials.slice(1, 5), ...recipients.slice(0, 4)];
    const retries = await Promise.all(codes.map((code, n) => host.tablet('/api/tablet/ballot', { code, ballot: ballotOf(n + 1) })));
    expect(retries.map((r) => r.status)).toEqual(codes.map(() => 200));
    expect(counts(writable, meetingId)).toEqual({ ballots: 9, used: 9 });
    expect(writable.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('full disk under a burst: no acknowledgement without its ballot, no code burned, and every retry is then counted once', async () => {
    t = await startTestHost();
    const host = t;
    const { meetingId, officials, recipients } = await openDemoMeeting(host);
    const codes = [...officials, ...recipients];
    const definition = (await host.tablet('/api/tablet/session', { code: codes[0] })).body.value as BallotDefinition;
    const db = host.host.core.store.db;
    db.pragma(`max_page_count = ${Number(db.pragma('page_count', { simple: true }))}`);
    const ballots = codes.map((_, n) => fullBallot(definition, (o, i) => (n * 7 + o + i) % 4));
    const answers = await Promise.all(codes.map((code, n) => host.tablet('/api/tablet/ballot', { code, ballot: ballots[n] })));
    const refused = answers.filter((a) => a.status === 503 && a.body.error.code === 'storage_failed').length;
    const taken = answers.filter((a) => a.status === 200).length;
    // Free pages may hold a few ballots; everything else is refused, and nothing else is possible.
    expect(refused + taken).toBe(codes.length);
    expect(refused).toBeGreaterThan(0);
    expect(counts(db, meetingId)).toEqual({ ballots: taken, used: taken });

    db.pragma('max_page_count = 1073741823');
    const retries = await Promise.all(codes.map((code, n) => host.tablet('/api/tablet/ballot', { code, ballot: ballots[n] })));
    expect(retries.map((r) => r.status)).toEqual(codes.map(() => 200));
    answers.forEach((a, n) => {
      if (a.status === 200) expect(retries[n]?.body.value.receipt).toBe(a.body.value.receipt);
    });
    expect(counts(db, meetingId)).toEqual({ ballots: codes.length, used: codes.length });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  const isRoot = process.getuid?.() === 0;
  const canDropPrivileges = isRoot && spawnSync('setpriv', ['--version']).status === 0;

  it.skipIf(process.platform === 'win32')('read-only data folder at start: the host refuses to start, says why, and changes nothing', async () => {
    // chmod does not stop root: without setpriv to drop to nobody this test could prove nothing,
    // so it fails and says so (it never skips).
    if (isRoot && !canDropPrivileges) throw new Error('running as root without setpriv (util-linux): cannot run the host as an unprivileged user');
    // nobody must be able to read the host it runs, wherever the repository lives (/root is not).
    const copy = isRoot ? readableHostCopy() : null;
    const hostEntry = copy?.hostEntry ?? new URL('../../dist/electron/host.cjs', import.meta.url).pathname;
    const dataDir = tempDir('pingyi-readonly-');
    chmodSync(dataDir, 0o755);
    const core = createCore({ dataDir, demo: true });
    core.close();
    const file = join(dataDir, 'pingyi.sqlite');
    const digest = () => createHash('sha256').update(readFileSync(file)).digest('hex');
    const before = digest();
    // Readable by everyone, writable by no one but root; as root the host runs as nobody.
    chmodSync(dataDir, 0o555);
    chmodSync(file, 0o444);
    const command = canDropPrivileges ? 'setpriv' : process.execPath;
    const prefix = canDropPrivileges ? ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath] : [];
    const child = spawn(command, [...prefix, hostEntry, '--data', dataDir, '--port', '0', '--lan-host', '127.0.0.1'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => {
      const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
      child.once('exit', (exitCode) => {
        clearTimeout(timer);
        resolve(exitCode);
      });
    });
    chmodSync(dataDir, 0o755);
    copy?.cleanup();
    expect(output).not.toContain('PINGYI_READY'); // never listened: no tablet can get an acknowledgement
    expect(code).not.toBe(0);
    expect(output).toMatch(/could not start|无法启动/);
    expect(output).toMatch(/readonly|read-only|只读/i);
    // It says what to do: the folder, and how to choose another one.
    expect(output).toContain('数据文件夹不能写入');
    expect(output).toContain('--data');
    expect(digest()).toBe(before);
  }, 30_000);
});
