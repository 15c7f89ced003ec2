/**
 * Every sheet rendered to PDF by the host's own path (chair API renderPdf → local Chromium →
 * the built print route), read back with pdftotext and compared with the sheet's data:
 * page counts, "第 x 页 共 y 页", repeated table headers, no row split across pages.
 * Needs `npm run build` (dist/console) and poppler-utils; set PINGYI_PRINT_PNGS=DIR to get PNGs.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHost, tempDir, type TestHost } from '../../../support/running-host';
import type { RankingSheet, WorstSheet } from '../../../../shared/api/chair/printing';
import type { Result } from '../../../../shared/domain/result';
import { errorWords } from '../../../../shared/i18n/error-words';
import { createPrintFixture, createRound, createWorstMeeting, fixtureObjects, type PrintFixture } from './fixture';
import { maskDates, pagesText, pdfText, pngsForLooking, savePdf, squash } from './pdf-tools';

let t: TestHost;
let fixture: PrintFixture;
let out: string;

beforeAll(async () => {
  t = await startTestHost({ demo: false });
  fixture = await createPrintFixture(t);
  out = tempDir('pingyi-pdf-');
}, 120_000);

afterAll(async () => {
  await t?.stop();
});

/** Renders through the chair API and writes the PDF for poppler. */
async function render(
  name: string,
  target: Parameters<TestHost['chair']>[1] & object,
): Promise<{ file: string; pages: string[]; savedTo: string | null; pagesReported: number; fileName: string }> {
  const pdf = await t.chair('renderPdf', target as never);
  const file = savePdf(out, name, pdf.base64);
  pngsForLooking(file, name);
  return { file, pages: pagesText(file), savedTo: pdf.savedTo, pagesReported: pdf.pages, fileName: pdf.fileName };
}

function expectPageFooters(pages: readonly string[]): void {
  pages.forEach((text, i) => expect(text).toMatch(new RegExp(`第\\s*${i + 1}\\s*页\\s*共\\s*${pages.length}\\s*页`)));
}

describe('ranking sheet (评议结果排序表), 105 objects', () => {
  let data: RankingSheet;
  let pages: string[];

  beforeAll(async () => {
    data = (await t.chair('printData', { meetingId: fixture.socialId, sheet: 'ranking' })) as RankingSheet;
    const rendered = await render('ranking', { meetingId: fixture.socialId, sheet: 'ranking' });
    pages = rendered.pages;
    expect(rendered.pagesReported).toBe(pages.length);
    expect(rendered.savedTo).not.toBeNull();
    expect(existsSync(rendered.savedTo ?? '')).toBe(true);
    // Named like the sheet: campaign and round, 本轮综合排序表, draft, then the time stamp.
    expect(rendered.fileName).toMatch(/^2026年度最难办事科室群众评第三季度-本轮综合排序表-初步结果（未确认）-\d{8}-\d{6}\.pdf$/u);
  }, 60_000);

  it('combines self and social points 50 + 50 as the worked rule says', () => {
    expect(data.mode).toBe('round');
    expect(data.rows).toHaveLength(105);
    // Object 0: cadres 100 → 50.00; officials 100, recipients 80 → social 86 → 43.00; total 93.00.
    const first = fixture.objects[0];
    const row = data.rows.find((r) => r.name === first?.name && r.department === first.department);
    expect(row).toMatchObject({ selfPoints: '50.00', socialPoints: '43.00', total: '93.00' });
    const vetoed = data.rows.find((r) => r.name === fixture.vetoed.name && r.department === fixture.vetoed.department);
    expect(vetoed?.notes).toBe('一票否决：经查实存在吃拿卡要问题');
    expect(vetoed?.rank).toBe(105);
    expect(data.fingerprint).toMatch(/^[0-9A-F]{4}( [0-9A-F]{4}){4}$/);
  });

  it('counts 应到 / 实到 / cast / valid / blank per group', () => {
    const recipients = data.counts.find((c) => c.kind === 'social' && c.group === 'recipients');
    expect(recipients).toMatchObject({ expected: 21, present: 21, cast: 21, valid: 20, blank: 1 });
    expect(data.counts.find((c) => c.kind === 'self')).toMatchObject({ group: 'all', expected: 12, cast: 12, valid: 12, blank: 0 });
  });

  it('prints every row whole on exactly one page, with the table header and page numbers on each page', () => {
    expect(pages.length).toBeGreaterThanOrEqual(4);
    expectPageFooters(pages);
    const pagesWithRows = new Set<string>();
    for (const row of data.rows) {
      const line = new RegExp(`^\\s*${row.rank ?? '—'}\\s+${row.name}\\s+${row.department}\\s+${row.selfPoints}\\s+${row.socialPoints}\\s+${row.total}(\\s|$)`, 'm');
      const found = pages.filter((page) => line.test(page));
      expect(found, `${row.name} (${row.department})`).toHaveLength(1);
      for (const page of found) pagesWithRows.add(page);
    }
    // Every page that carries rows repeats the table header (the counts and signatures may
    // start a page of their own, which has no table).
    expect(pagesWithRows.size).toBeGreaterThanOrEqual(4);
    for (const page of pagesWithRows) expect(page).toMatch(/名次\s+评议对象\s+所属单位/);
  });

  it('ends with the counts, four signature lines with dates and the fingerprint', () => {
    const first = squash(pages[0] ?? '');
    // A round's totals are titled by campaign and round (本轮综合排序表); the basis line names both meetings.
    expect(first).toContain('2026年度最难办事科室群众评 第三季度');
    expect(first).toContain('本轮综合排序表');
    expect(first).toContain('第三季度社会测评大会');
    expect(first).toContain('时间：2026-09-28 地点：区行政中心一楼大会议室');
    const last = squash(pages.at(-1) ?? '');
    for (const role of ['主持人：', '监票人：', '计票人：', '单位主要负责人：']) expect(last).toContain(role);
    expect(last.match(/日期： 年 月 日/g)?.length ?? squash(last).split('年').length - 1).toBeGreaterThanOrEqual(4);
    expect(last).toContain(`选票数据指纹（SHA-256）：${data.fingerprint}`);
    // 应到 实到 投出选票 其中纸质 (i17p) 有效票 空白票 无效票 (i17p).
    expect(last).toMatch(/社会测评 服务对象 21 21 21 0 20 1 0/);
  });
});

describe('detail sheet (评议得分明细表)', () => {
  it('shows groups, indicators, n, abstentions and the formula with the numbers', async () => {
    const object = fixture.objects[0];
    if (!object) throw new Error('no object');
    const { pages } = await render('detail', { meetingId: fixture.socialId, sheet: 'detail', objectId: object.id });
    // One object: both meetings' tables and formulas, on at most two pages.
    expect(pages.length).toBeLessThanOrEqual(2);
    expectPageFooters(pages);
    const text = squash(pages.join('\n'));
    expect(text).toContain(`${object.name}（${object.department}）`);
    expect(text).toContain('名次：1 得分：93.00');
    // Recipients: 21 ballots, 20 answered, the blank one abstained on every indicator.
    expect(text).toMatch(/业务素质 20 9 0 100\.00 20 1 80\.00/);
    expect(text).toContain('人大代表、政协委员、分管领导 (100.00×20 + 100.00×20 + 100.00×20 + 100.00×20 + 100.00×20)÷100 = 100.00');
    expect(text).toContain('社会测评 = 0.30×100.00 + 0.70×80.00 = 86.00');
    expect(text).toContain('社会测评得分 = 50×86.00÷100 = 43.00');
    expect(text).toContain('总分 = 50.00 + 43.00 = 93.00');
  }, 60_000);
});

describe('worst-list publication sheet (评差结果公布表)', () => {
  it('lists the top 10 with their position and main problems, no rates (DOMAIN.md: the rates stay internal)', async () => {
    const meetingId = await createWorstMeeting(t, fixture);
    const data = (await t.chair('printData', { meetingId, sheet: 'worst' })) as WorstSheet;
    expect(data.rows.map((r) => r.rank)).toEqual([1, 1, 1, 1, 1, 1, 1, 8, 8, 8]);
    const { pages } = await render('worst', { meetingId, sheet: 'worst' });
    expect(pages).toHaveLength(1);
    const text = pages[0] ?? '';
    for (const row of data.rows) expect(text).toMatch(new RegExp(`^\\s*${row.rank}\\s+${row.name}\\s+${row.department}\\s+${row.problems}`, 'm'));
    expect(squash(text)).toContain('冷、懒、推');
    // No published figure a group's count could be solved from: no rate in the table.
    for (const row of data.rows) if (row.rate !== null) expect(text).not.toContain(`${row.rate}%`);
    for (const excluded of fixture.objects.slice(0, 3)) expect(text).not.toContain(`${excluded.name} ${excluded.department}`);
  }, 60_000);

  it('refuses the ranking sheet for a worst-list meeting and says which sheet to print', async () => {
    const meetings = t.host.core.store.db.prepare("SELECT id FROM meetings WHERE ballot_type = 'worst'").all() as { id: string }[];
    const answer = await fetch(`${t.chairBase}/api/chair/printData`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-pingyi-token': t.host.chair.token },
      body: JSON.stringify({ meetingId: meetings[0]?.id, sheet: 'ranking' }),
    }).then((r) => r.json() as Promise<Result<unknown>>);
    if (answer.ok) throw new Error('the ranking sheet of a worst-list meeting should be refused');
    expect(answer.error).toMatchObject({ code: 'wrong_sheet', params: { kind: 'worst' } });
    // As the console words it in Chinese.
    expect(errorWords(answer.error, 'zh')).toContain('评差结果公布表');
  });
});

describe('sign-in sheet (签到表)', () => {
  it('lists the roster by voter group with a signature column, each person on one page', async () => {
    const { pages } = await render('signin', { meetingId: fixture.socialId, sheet: 'signin' });
    expect(pages.length).toBeGreaterThanOrEqual(2);
    expectPageFooters(pages);
    expect(squash(pages[0] ?? '')).toContain('人大代表、政协委员、分管领导（9人）');
    for (const page of pages) expect(page).toMatch(/序号\s+姓名\s+工作单位\s+类别\s+本人签名/);
    for (let i = 1; i <= 30; i += 1) {
      const name = `代表${String(i).padStart(2, '0')}`;
      expect(pages.filter((p) => new RegExp(`^\\s*\\d+\\s+${name}\\s+\\S+\\s+\\S+`, 'm').test(p)), name).toHaveLength(1);
    }
    expect(pages.some((p) => squash(p).includes('服务对象（21人）'))).toBe(true);
  }, 60_000);
});

describe('zero report and code slips, before voting opens', () => {
  let meetingId: string;
  let codes: { group: 'officials' | 'recipients' | 'all'; code: string; url: string }[];

  beforeAll(async () => {
    const round = await createRound(t, fixtureObjects().slice(0, 8));
    meetingId = round.socialId;
    codes = [...(await t.chair('generateCodes', { meetingId, spares: 2 }))];
  }, 60_000);

  it('prints the zero report with codes per group, 0 ballots, the time and three signatures', async () => {
    const { pages } = await render('zero', { meetingId, sheet: 'zero' });
    expect(pages).toHaveLength(1);
    const text = maskDates(squash(pages[0] ?? ''));
    expect(text).toContain('投前零票报告'.replace('投前', '投票前'));
    expect(text).toContain('打印时间：YYYY-MM-DD hh:mm。');
    // Whitespace-free: where the paragraph wraps depends on the fonts, not on the content.
    expect(text.replace(/\s/g, '')).toContain('选票数为0张');
    expect(text).toContain('人大代表、政协委员、分管领导 9 9 11 0 0');
    expect(text).toContain('服务对象 21 21 23 0 0');
    for (const role of ['主持人：', '监票人：', '计票人：']) expect(text).toContain(role);
  }, 60_000);

  it('refuses a zero report once ballots exist', async () => {
    await expect(t.chair('printData', { meetingId: fixture.socialId, sheet: 'zero' })).rejects.toThrow(/零票报告只能在第一张选票之前打印/);
  });

  it('prints 10 slips a page with QR, typed code and group, no names; the hand-off works once and nothing is saved', async () => {
    const { handoff } = await t.chair('stashSlips', { meetingId, codes });
    const rendered = await render('slips', { meetingId, sheet: 'slips', handoff });
    expect(rendered.savedTo).toBeNull();
    expect(rendered.pages).toHaveLength(Math.ceil(codes.length / 10));
    const all = rendered.pages.join('\n');
    for (const code of codes) expect(all.split(code.code).length - 1, code.code).toBe(1);
    expect(all).not.toMatch(/代表\d\d/);
    expect(squash(rendered.pages[0] ?? '')).toContain('人大代表、政协委员、分管领导');
    await expect(t.chair('renderPdf', { meetingId, sheet: 'slips', handoff })).rejects.toThrow(/已经用于一次打印/);
    // No code is written anywhere in the data folder (database, WAL, exports).
    const files = readdirSync(t.dataDir, { recursive: true, withFileTypes: true }).filter((f) => f.isFile());
    for (const f of files) {
      const bytes = readFileSync(join(f.parentPath, f.name)).toString('latin1');
      for (const code of codes) expect(bytes.includes(code.code.replace(/-/g, '')) || bytes.includes(code.code), `${f.name} holds a code`).toBe(false);
    }
  }, 60_000);

  it('the PDF text of a slip page matches its codes in order', async () => {
    // Its own hand-off and PDF: this test does not read what the one above left on disk.
    const { handoff } = await t.chair('stashSlips', { meetingId, codes });
    const rendered = await render('slips-order', { meetingId, sheet: 'slips', handoff });
    const text = pdfText(rendered.file, 1);
    const onPage = codes.slice(0, 10).map((c) => c.code);
    const positions = onPage.map((c) => text.indexOf(c));
    expect(positions.every((p) => p >= 0)).toBe(true);
    // In order: each code of the page after the one before it, and only the first 10 on page 1.
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    for (const c of codes.slice(10)) expect(text.includes(c.code), c.code).toBe(false);
  }, 60_000);
});
