/**
 * The fingerprint a scrutineer can check: `retally FILE…` prints the ballot-set fingerprint of
 * docs/fingerprint.md for one file (a meeting's sheet) or for the self and social files of a round
 * together (the round's sheet), exactly as the sheets print it; `--expect` exits 1 on a mismatch;
 * and the built command's output arrives whole through a pipe (process.exit used to cut it at
 * 64 KiB). The pipe test needs `npm run build` (dist/electron/retally.cjs).
 */
import { spawn } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHost, tempDir, type TestHost } from '../../support/running-host';
import type { RankingSheet } from '../../../shared/api/chair/printing';
import { runRetally } from '../../../electron/host/retally';
import { errorWords } from '../../../shared/i18n/error-words';
import { createRound, fixtureObjects, voteMeeting } from '../core/printing/fixture';

const CLI = join(process.cwd(), 'dist/electron/retally.cjs');

let t: TestHost;
let socialFile: string;
let selfFile: string;
let socialId: string;
let dir: string;

async function exported(meetingId: string, name: string): Promise<string> {
  const file = await t.chair('exportBallots', { meetingId, format: 'csv' });
  const path = join(dir, name);
  writeFileSync(path, Buffer.from(file.base64, 'base64'));
  return path;
}

beforeAll(async () => {
  t = await startTestHost({ demo: false });
  dir = tempDir('pingyi-retally-cli-');
  const round = await createRound(t, fixtureObjects());
  socialId = round.socialId;
  await voteMeeting(t, round.selfId, false);
  await voteMeeting(t, round.socialId, true);
  socialFile = await exported(round.socialId, 'social.csv');
  selfFile = await exported(round.selfId, 'self.csv');
}, 120_000);

afterAll(async () => {
  await t?.stop();
});

async function run(argv: readonly string[]): Promise<{ code: number; lines: string[] }> {
  const lines: string[] = [];
  const code = await runRetally(argv, (line) => lines.push(line));
  return { code, lines };
}

describe('the fingerprint', () => {
  it('of both files of the round is the one the round sheet prints, whatever the order of the files', async () => {
    const sheet = (await t.chair('printData', { meetingId: socialId, sheet: 'ranking' })) as RankingSheet;
    expect(sheet.mode).toBe('round');
    const both = await run([socialFile, selfFile]);
    expect(both.code).toBe(0);
    expect(both.lines.join('\n')).toContain(`（2 场会议，SHA-256）：${sheet.fingerprint}`);
    const reversed = await run([selfFile, socialFile]);
    expect(reversed.lines.join('\n')).toContain(sheet.fingerprint);
    // One file alone is a different ballot set.
    const one = await run([socialFile]);
    expect(one.lines.join('\n')).not.toContain(sheet.fingerprint);
  }, 60_000);

  it('--expect: exit 0 with the printed fingerprint, 1 with another; a malformed value never matches', async () => {
    const sheet = (await t.chair('printData', { meetingId: socialId, sheet: 'ranking' })) as RankingSheet;
    expect((await run([socialFile, selfFile, '--expect', sheet.fingerprint])).code).toBe(0);
    expect((await run([socialFile, selfFile, '--expect', sheet.fingerprint.toLowerCase().replace(/ /gu, '')])).code).toBe(0);
    const wrong = `${sheet.fingerprint.startsWith('0') ? '1' : '0'}${sheet.fingerprint.slice(1)}`;
    const mismatch = await run([socialFile, selfFile, '--expect', wrong]);
    expect(mismatch.code).toBe(1);
    expect(mismatch.lines.join('\n')).toContain('FINGERPRINT DIFFERENT');
    expect((await run([socialFile, '--expect', 'abc'])).code).toBe(1);
    expect((await run([socialFile, '--expect'])).code).toBe(2);
    expect((await run([socialFile, socialFile])).code).toBe(2);
  }, 60_000);
});

describe('a file the command cannot read', () => {
  it('is refused in the Chinese sentence the console shows, not as a code with params', async () => {
    const empty = join(dir, 'empty.csv');
    writeFileSync(empty, '');
    const refused = await run([empty]);
    expect(refused.code).toBe(2);
    expect(refused.lines).toEqual([`${empty}：${errorWords({ code: 'import_empty', message: '', params: { file: 'empty.csv' } }, 'zh')}`]);
    expect(refused.lines[0]).toContain('文件“empty.csv”是空的');
    expect(refused.lines[0]).not.toContain('import_empty');
  });
});

describe('the built command through a pipe', () => {
  it('writes all of a long output (more than 64 KiB) and its exit code', async () => {
    if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run npm run build first`);
    const child = spawn(process.execPath, [CLI, socialFile, selfFile], { stdio: ['ignore', 'pipe', 'pipe'] });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    const text = Buffer.concat(chunks).toString('utf8');
    expect(Buffer.byteLength(text)).toBeGreaterThan(64 * 1024);
    expect(code).toBe(0);
    expect(text.trimEnd().split('\n').at(-1)).toMatch(/^ {2}full: [0-9a-f]{64}$/u);
  }, 60_000);
});
