/**
 * Export → re-tally: the exported ballot file (CSV and .xlsx) carries the definition and the
 * ballots in canonical order, and re-tallying it (chair API and the CLI's runRetally) reproduces
 * the stored results exactly; a changed ballot or veto is found and named.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestHost, tempDir, type TestHost } from '../../../../support/running-host';
import { readTable, writeTable } from '../../../../../electron/core/import';
import { runRetally } from '../../../../../electron/host/retally';
import { demoMeeting, graded, openMeeting, vote } from './helpers';
import { raw } from '../setup/helpers';
import { errorFallback, type Result } from '../../../../../shared/domain/result';
import { errorWords } from '../../../../../shared/i18n/error-words';
import { retallyDifferenceWords } from '../../../../../shared/i18n/retally-words';

let t: TestHost;
beforeEach(async () => {
  t = await startTestHost();
});
afterEach(async () => {
  await t.stop();
});

async function closedDemo(): Promise<{ meetingId: string; receipts: string[] }> {
  const { meetingId } = demoMeeting(t);
  const codes = await openMeeting(t, meetingId);
  const receipts: string[] = [];
  // Varied ballots so that sorting, abstentions and ties all matter.
  for (const [n, code] of [...codes.officials.slice(0, 6), ...codes.recipients.slice(0, 9)].entries()) {
    receipts.push(await vote(t, code, graded((o, i) => ((o * 7 + i * 3 + n) % 9 === 0 ? null : (o + i + n) % 4))));
  }
  await t.chair('closeVoting', { meetingId });
  return { meetingId, receipts };
}

async function tableOf(base64: string, name: string) {
  const table = await readTable(Buffer.from(base64, 'base64'), name);
  if (!table.ok) throw new Error(table.error.message);
  return table.value;
}

describe('export and re-tally', () => {
  it('exports the definition and ballots in canonical order, without receipts or ids', async () => {
    const { meetingId, receipts } = await closedDemo();
    const file = await t.chair('exportBallots', { meetingId, format: 'csv' });
    expect(file.warning).toBeNull();
    const text = Buffer.from(file.base64, 'base64').toString('utf8');
    for (const receipt of receipts) expect(text).not.toContain(receipt);
    const ids = t.host.core.store.db.prepare('SELECT id FROM ballots').all() as { id: string }[];
    for (const { id } of ids) expect(text).not.toContain(id);

    const table = await tableOf(file.base64, file.fileName);
    const records = table.rows.map((r) => r[0]);
    expect(records.slice(0, 3)).toEqual(['format', 'meeting', 'settings']);
    expect(records.filter((r) => r === 'object')).toHaveLength(8);
    const ballots = table.rows.filter((r) => r[0] === 'ballot');
    expect(ballots).toHaveLength(15);
    expect(ballots.map((r) => r[1])).toEqual(ballots.map((_, i) => String(i + 1)));
    // Canonical order: officials first, then recipients; within a group by content text.
    const keys = ballots.map((r) => `${r[2] === 'officials' ? 0 : 1}|${r[3]}`);
    expect(keys).toEqual([...keys].sort());
  });

  it('re-tallies the CSV and the .xlsx export to exactly the stored results, through the chair API', async () => {
    const { meetingId } = await closedDemo();
    const objectId = (await t.chair('results', { meetingId })).rows[3]?.objectId ?? '';
    await t.chair('setVeto', { meetingId, objectId, reason: '经查实吃拿卡要' });
    const stored = await t.chair('results', { meetingId });
    for (const format of ['csv', 'xlsx'] as const) {
      const file = await t.chair('exportBallots', { meetingId, format });
      const report = await t.chair('retally', { fileName: file.fileName, base64: file.base64 });
      expect(report).toMatchObject({ meetingId, ballots: 15, compared: true, matches: true, differences: [] });
      expect(report.results.rows).toEqual(stored.rows);
    }
    const audit = t.host.core.store.db.prepare("SELECT COUNT(*) AS n FROM audit WHERE action = 'retally'").get() as { n: number };
    expect(audit.n).toBe(2);
  });

  it('names the difference when a ballot in the file was changed, or a veto added after export', async () => {
    const { meetingId } = await closedDemo();
    const file = await t.chair('exportBallots', { meetingId, format: 'csv' });
    const table = await tableOf(file.base64, file.fileName);
    // Turn every grade of the first ballot into 不满意: the file stays valid, the results change.
    const rows = table.rows.map((r) => [...r]);
    const first = rows.find((r) => r[0] === 'ballot');
    if (!first) throw new Error('no ballot row');
    first[3] = (first[3] ?? '').replace(/:[0-3]([,}])/gu, ':3$1');
    const changed = await writeTable({ headers: table.headers, rows }, 'csv');
    const report = await t.chair('retally', { fileName: 'changed.csv', base64: Buffer.from(changed).toString('base64') });
    expect(report.matches).toBe(false);
    expect(report.differences.length).toBeGreaterThan(0);
    // Facts, worded as the console and the command line word them in Chinese.
    expect(report.differences[0]).toMatchObject({ kind: 'standing' });
    expect(retallyDifferenceWords(report.differences[0] ?? { kind: 'only_stored', name: '' }, 'zh')).toMatch(/^“.+”：文件 名次 \d+，\d+\.\d\d；系统 名次 \d+，\d+\.\d\d。$/u);

    const objectId = (await t.chair('results', { meetingId })).rows[0]?.objectId ?? '';
    await t.chair('setVeto', { meetingId, objectId, reason: '经查实吃拿卡要' });
    const afterVeto = await t.chair('retally', { fileName: file.fileName, base64: file.base64 });
    expect(afterVeto.matches).toBe(false);
    expect(afterVeto.differences.map((d) => retallyDifferenceWords(d, 'zh')).join('')).toContain('一票否决（经查实吃拿卡要）');
    expect(afterVeto.differences.map((d) => retallyDifferenceWords(d, 'en')).join('')).toContain('vetoed (经查实吃拿卡要)');

    // CSV doubles the quotes inside a quoted cell.
    const broken = Buffer.from(Buffer.from(file.base64, 'base64').toString('utf8').replace('""type"":""graded""', '""type"":""gradedx""')).toString('base64');
    const refused = await fetch(`${t.chairBase}/api/chair/retally`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-pingyi-token': t.host.chair.token },
      body: JSON.stringify({ fileName: 'broken.csv', base64: broken }),
    });
    const answer = (await refused.json()) as Result<unknown>;
    expect(answer).toMatchObject({ ok: false, error: { code: 'bad_ballot_file', params: { line: expect.any(Number) } } });
    // As the console words it in Chinese.
    if (!answer.ok) expect(errorWords(answer.error, 'zh')).toMatch(/^选票文件第 \d+ 行/u);

    // A well-formed ballot that breaks the meeting's rules (a grade off the scale): the rule is a
    // param (shared ballotIssue's code and facts), worded as the tablet words it.
    const offScale = Buffer.from(
      Buffer.from(file.base64, 'base64')
        .toString('utf8')
        .split('\n')
        .map((line, i, all) => (i === all.findIndex((l) => l.startsWith('ballot,')) ? line.replace(/"":\d([,}])/u, '"":9$1') : line))
        .join('\n'),
    ).toString('base64');
    const unfit = await raw(t, 'retally', { fileName: 'off-scale.csv', base64: offScale });
    expect(unfit).toMatchObject({ ok: false, error: { code: 'bad_ballot_file', params: { part: 'fit', issue: 'grade_off_scale', position: expect.any(Number) } } });
    if (!unfit.ok) {
      // Core wrote no sentence: its message is the code and params (the object's name is data).
      expect(unfit.error.message).toBe(errorFallback('bad_ballot_file', unfit.error.params));
      expect(errorWords(unfit.error, 'zh')).toMatch(/^选票文件第 \d+ 行的选票与会议定义不符（第 \d+ 个评议对象“.+”的“.+”所选等次不在评分等次中。），文件可能被改动过。$/u);
      expect(errorWords(unfit.error, 'en')).toMatch(/^The ballot on line \d+ of the ballot file does not fit the meeting \(Object \d+ ".+": the grade for ".+" is not on the scale\.\)/u);
    }
  });

  it('the retally command reproduces the stored results from the file alone (exit 0), and exits 1 on a difference', async () => {
    const { meetingId } = await closedDemo();
    const dir = tempDir('pingyi-retally-');
    const file = await t.chair('exportBallots', { meetingId, format: 'xlsx' });
    const path = join(dir, file.fileName);
    writeFileSync(path, Buffer.from(file.base64, 'base64'));

    const lines: string[] = [];
    expect(await runRetally([path, '--data', t.dataDir], (l) => lines.push(l))).toBe(0);
    expect(lines.some((l) => l.startsWith('MATCH'))).toBe(true);
    const stored = await t.chair('results', { meetingId });
    // The printed ranking is the stored one, with each object's formula under it.
    for (const row of stored.rows) expect(lines.join('\n')).toContain(`${row.name}  ${row.score ?? '不完整'}`);
    expect(lines.join('\n')).toContain(stored.rows[0]?.formula.zh.at(-1) ?? '?');

    const json: string[] = [];
    expect(await runRetally([path, '--json'], (l) => json.push(l))).toBe(0);
    expect((JSON.parse(json.join('\n')) as { results: { rows: unknown } }).results.rows).toEqual(stored.rows);
    expect((JSON.parse(json.join('\n')) as { fingerprint: string }).fingerprint).toMatch(/^[0-9a-f]{64}$/u);

    await t.chair('setVeto', { meetingId, objectId: stored.rows[0]?.objectId ?? '', reason: '经查实吃拿卡要' });
    const after: string[] = [];
    expect(await runRetally([path, '--data', t.dataDir], (l) => after.push(l))).toBe(1);
    expect(after.join('\n')).toContain('DIFFERENT');
    expect(await runRetally([join(dir, 'missing.csv')], () => undefined)).toBe(2);
    expect(await runRetally([path, '--data', dir], () => undefined)).toBe(2);
  });
});
