/**
 * 排序表及明细表 (i13, docs/performance.md change 22): the ranking and every object's detail page
 * rendered as ONE PDF by the host's own path (chair API renderPdf → the kept Chromium → the built
 * print route). Read back with pdftotext and compared page by page with the two sheets rendered
 * apart: the same pages in the same order (ranking first), each part under its own running
 * header, page numbers running through the set, and no half set when a part cannot be printed.
 * Needs `npm run build` (dist/console) and poppler-utils; PINGYI_PRINT_PNGS=DIR for PNGs.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHost, tempDir, type TestHost } from '../../../support/running-host';
import type { Result } from '../../../../shared/domain/result';
import type { DetailSheet } from '../../../../shared/api/chair/printing';
import { createPrintFixture, type PrintFixture } from './fixture';
import { maskDates, pagesText, pngsForLooking, savePdf, squash } from './pdf-tools';

let t: TestHost;
let fixture: PrintFixture;
let out: string;

beforeAll(async () => {
  t = await startTestHost({ demo: false });
  fixture = await createPrintFixture(t);
  out = tempDir('pingyi-set-pdf-');
}, 120_000);

afterAll(async () => {
  await t?.stop();
});

async function render(name: string, sheet: 'ranking' | 'detail' | 'rankingAndDetail') {
  const pdf = await t.chair('renderPdf', { meetingId: fixture.socialId, sheet });
  const file = savePdf(out, name, pdf.base64);
  pngsForLooking(file, name);
  return { ...pdf, pagesReported: pdf.pages, file, pages: pagesText(file) };
}

/** A page at 40 dpi in grey, without the top and bottom margins (running header, page numbers). */
function bodyPixels(file: string, page: number): Buffer {
  const root = join(out, `body-${Math.random().toString(36).slice(2)}`);
  execFileSync('pdftoppm', ['-f', String(page), '-l', String(page), '-r', '40', '-gray', '-x', '0', '-y', '40', '-W', '331', '-H', '380', '-singlefile', file, root]);
  return readFileSync(`${root}.pgm`);
}

const FOOTER = /第\s*(\d+)\s*页\s*共\s*(\d+)\s*页/;
/** A page's text without its footer's numbers and the print time: what must match between set and sheet. */
const content = (page: string) => squash(maskDates(page).replace(FOOTER, '第 x 页 共 y 页'));
/** The running header: the page's first line. */
const headerLine = (page: string) => page.split('\n').find((line) => line.trim() !== '')?.trim() ?? '';

describe('排序表及明细表: the ranking and the detail sheets in one PDF', () => {
  let set: Awaited<ReturnType<typeof render>>;
  let ranking: Awaited<ReturnType<typeof render>>;
  let detail: Awaited<ReturnType<typeof render>>;

  beforeAll(async () => {
    ranking = await render('ranking', 'ranking');
    detail = await render('detail', 'detail');
    set = await render('set', 'rankingAndDetail');
  }, 120_000);

  it('holds the ranking pages, then the detail pages, each as the sheet printed alone', async () => {
    // Every object's detail starts a page (two meetings each here: the self and the social one).
    expect(detail.pages.length).toBeGreaterThanOrEqual(fixture.objects.length);
    expect(set.pages).toHaveLength(ranking.pages.length + detail.pages.length);
    expect(set.pages.slice(0, ranking.pages.length).map(content)).toEqual(ranking.pages.map(content));
    expect(set.pages.slice(ranking.pages.length).map(content)).toEqual(detail.pages.map(content));
    // In order: the signatures close the ranking part; the first object opens the detail part.
    const first = ((await t.chair('printData', { meetingId: fixture.socialId, sheet: 'detail' })) as DetailSheet).objects[0];
    expect(squash(set.pages[ranking.pages.length - 1] ?? '')).toContain('单位主要负责人');
    expect(squash(set.pages[ranking.pages.length] ?? '')).toContain(`${first?.name}（${first?.department}） 名次：1`);
    // One watermark a page, as on the detail sheet alone: pdftotext drops text drawn twice in the
    // same place, the pixels do not (a second 13 % red layer darkens it). Between the running
    // header and the footer, whose page numbers differ, the two pages are the same image.
    expect(bodyPixels(set.file, ranking.pages.length + 1).equals(bodyPixels(detail.file, 1))).toBe(true);
    expect(bodyPixels(set.file, ranking.pages.length + 1).equals(bodyPixels(set.file, ranking.pages.length + 2))).toBe(false);
  });

  it('gives each part its own running header and numbers the pages through the set', () => {
    const rankingHeaders = set.pages.slice(0, ranking.pages.length).map(headerLine);
    const detailHeaders = set.pages.slice(ranking.pages.length).map(headerLine);
    for (const line of rankingHeaders) expect(squash(line)).toBe(squash(headerLine(ranking.pages[0] ?? '')));
    for (const line of detailHeaders) expect(squash(line)).toBe(squash(headerLine(detail.pages[0] ?? '')));
    expect(squash(rankingHeaders[0] ?? '')).toContain('本轮综合排序表');
    expect(squash(detailHeaders[0] ?? '')).toContain('评议得分明细表');
    set.pages.forEach((page, i) => expect(FOOTER.exec(page)?.slice(1, 3)).toEqual([String(i + 1), String(set.pages.length)]));
  });

  it('is one file, named and saved like the result sheets', () => {
    expect(set.pagesReported).toBe(set.pages.length);
    expect(set.fileName).toMatch(/-排序表及明细表-初步结果（未确认）-\d{8}-\d{6}\.pdf$/u);
    expect(set.savedTo).not.toBeNull();
    expect(existsSync(set.savedTo ?? '')).toBe(true);
  });
});

describe('排序表及明细表 that cannot be printed', () => {
  it('refuses as a whole while a part is refused (voting still open): no PDF, nothing saved', async () => {
    const meeting = await t.chair('createMeeting', { roundId: fixture.roundId, title: '未结束的会议', kind: 'social', ballotType: 'graded', heldOn: '2026-09-30', place: '会议室' });
    const exports = join(t.host.core.dataDir, 'exports');
    const before = existsSync(exports) ? readdirSync(exports).length : 0;
    const ask = (sheet: string) =>
      fetch(`${t.chairBase}/api/chair/renderPdf`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-pingyi-token': t.host.chair.token },
        body: JSON.stringify({ meetingId: meeting.id, sheet }),
      }).then((r) => r.json() as Promise<Result<unknown>>);
    const alone = await ask('ranking');
    const asSet = await ask('rankingAndDetail');
    if (alone.ok || asSet.ok) throw new Error('an open meeting printed results');
    expect(asSet.error.code).toBe(alone.error.code);
    expect((existsSync(exports) ? readdirSync(exports) : []).filter((name) => name.includes('未结束的会议'))).toEqual([]);
    expect(existsSync(exports) ? readdirSync(exports).length : 0).toBe(before);
  }, 60_000);
});
