/**
 * Printing from the console in browser mode, through the built host: the 打印 tab lists the
 * sheets, 预览 / 打印 opens the print route in a new tab of the console's origin (the browser's
 * own print), 下载 PDF downloads the PDF the host rendered, and code slips go from the Voting
 * tab to the print route through the one-time hand-off. Set PINGYI_SHOTS=DIR for screenshots.
 */
import { test, expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import QRCode from 'qrcode';
import { execFileSync } from 'node:child_process';
import type { BallotDefinition } from '../../shared/api/tablet-schemas';
import { chairCall, gradedBallot, tabletPost } from './support/clients';
import { startHostProcess, type HostProcess } from './support/host-process';

let host: HostProcess;

/** Page-side script (this file is compiled without the DOM types): whether two images have the same pixels. */
const SAME_PIXELS = `async (a, b) => {
  const pixels = async (src) => {
    const image = new Image();
    image.src = src;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = image.width;
    canvas.height = image.height;
    const context = canvas.getContext('2d');
    context.drawImage(image, 0, 0);
    return Array.from(context.getImageData(0, 0, image.width, image.height).data).join(',');
  };
  return (await pixels(a)) === (await pixels(b));
}`;

test.beforeEach(async () => {
  host = await startHostProcess();
});

test.afterEach(async () => {
  await host.stop();
});

async function shot(page: Page, name: string): Promise<void> {
  const dir = process.env['PINGYI_SHOTS'];
  if (dir) await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true });
}

test('the sign-in sheet previews from the 打印 tab and downloads as the host-rendered PDF', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  const chair = await context.newPage();
  await chair.goto(host.chairUrl);
  await chair.getByRole('tab', { name: '打印' }).click();
  const list = chair.getByTestId('printing');
  await expect(list.locator('li[data-sheet=signin]')).toContainText('签到表');
  // Before voting closes the result sheets cannot be printed.
  await expect(list.locator('li[data-sheet=ranking]').getByRole('button', { name: '预览 / 打印' })).toBeDisabled();
  await shot(chair, 'printing-tab');

  const [preview] = await Promise.all([context.waitForEvent('page'), list.locator('li[data-sheet=signin]').getByRole('button', { name: '预览 / 打印' }).click()]);
  await expect(preview.locator('body')).toHaveAttribute('data-ready', 'true');
  await expect(preview.getByRole('heading', { name: '评议代表签到表' })).toBeVisible();
  await expect(preview.locator('table.rows tbody tr')).toHaveCount(30);
  await expect(preview.getByRole('button', { name: '打印' })).toBeEnabled();
  await shot(preview, 'signin-preview');

  const [download] = await Promise.all([chair.waitForEvent('download'), list.locator('li[data-sheet=signin]').getByRole('button', { name: '下载 PDF' }).click()]);
  expect(download.suggestedFilename()).toMatch(/签到表-\d{8}-\d{6}\.pdf$/);
  const pdf = readFileSync(await download.path());
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  await expect(list.getByRole('status')).toContainText('PDF 已保存');
  await context.close();
});

test('排序表及明细表 downloads from the 打印 tab as one PDF: the ranking, then every object\'s detail page', async ({ browser }) => {
  // The demo meeting, a few ballots through the tablet API, voting closed.
  const [meeting] = await chairCall(host, 'listMeetings', {});
  if (!meeting) throw new Error('no demo meeting');
  const codes = await chairCall(host, 'generateCodes', { meetingId: meeting.id, spares: 0 });
  await chairCall(host, 'openVoting', { meetingId: meeting.id });
  for (const [n, code] of codes.slice(0, 6).entries()) {
    const definition = (await tabletPost(host.tabletUrl, '/api/tablet/session', { code: code.code })).body.value as BallotDefinition;
    const answer = await tabletPost(host.tabletUrl, '/api/tablet/ballot', { code: code.code, ballot: gradedBallot(definition, (o) => (o + n) % 4) });
    expect(answer.status).toBe(200);
  }
  await chairCall(host, 'closeVoting', { meetingId: meeting.id });
  const objects = (await chairCall(host, 'meetingSetup', { meetingId: meeting.id })).objects.length;
  // The two sheets printed apart, for their page counts.
  const rankingPages = (await chairCall(host, 'renderPdf', { meetingId: meeting.id, sheet: 'ranking' })).pages;
  const detailPages = (await chairCall(host, 'renderPdf', { meetingId: meeting.id, sheet: 'detail' })).pages;
  expect(detailPages).toBe(objects);

  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  const chair = await context.newPage();
  await chair.goto(host.chairUrl);
  await chair.getByRole('tab', { name: '打印' }).click();
  const row = chair.getByTestId('printing').locator('li[data-sheet=rankingAndDetail]');
  await expect(row).toContainText('排序表及明细表（一个文件，供签字）');
  await expect(row.getByRole('button', { name: '下载 PDF' })).toBeEnabled();
  await row.scrollIntoViewIfNeeded();
  await shot(chair, 'printing-tab-signing-set');

  // The preview: the ranking, then the detail pages, in one print page.
  const [preview] = await Promise.all([context.waitForEvent('page'), row.getByRole('button', { name: '预览 / 打印' }).click()]);
  await expect(preview.locator('body')).toHaveAttribute('data-ready', 'true');
  await expect(preview.locator('article.sheet')).toHaveCount(1 + objects);
  await expect(preview.locator('article.sheet').first().getByRole('heading', { name: '评议结果排序表' })).toBeVisible();
  await expect(preview.getByTestId('set-detail').locator('article.sheet.detail')).toHaveCount(objects);
  await shot(preview, 'signing-set-preview');
  await preview.close();

  const [download] = await Promise.all([chair.waitForEvent('download'), row.getByRole('button', { name: '下载 PDF' }).click()]);
  expect(download.suggestedFilename()).toMatch(/-排序表及明细表-初步结果（未确认）-\d{8}-\d{6}\.pdf$/u);
  const file = await download.path();
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  const pages = Number(/Pages:\s+(\d+)/u.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);
  // The ranking's pages, then one detail page per object.
  expect(pages).toBe(rankingPages + detailPages);
  expect(text.indexOf('评议结果排序表')).toBeGreaterThanOrEqual(0);
  expect(text.indexOf('评议得分明细表')).toBeGreaterThan(text.indexOf('单位主要负责人'));
  expect(text).toMatch(new RegExp(`第\\s*${pages}\\s*页\\s*共\\s*${pages}\\s*页`, 'u'));
  await expect(row.getByRole('status')).toContainText('PDF 已保存');
  await context.close();
});

test('code slips print from the Voting tab through the one-time hand-off, with the tablet address as text and in the QR, and then leave the screen', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const chair = await context.newPage();
  chair.on('dialog', (dialog) => void dialog.accept());
  await chair.goto(host.chairUrl);
  await chair.getByRole('tab', { name: '投票' }).click();
  await chair.getByRole('button', { name: '生成评议码' }).click();
  // The codes appear once the call has returned; read them only then.
  await expect(chair.locator('[data-testid=codes] li').first()).toBeVisible();
  const shown = await chair.locator('[data-testid=codes] li code').allTextContents();
  expect(shown.length).toBeGreaterThan(0);

  const [slips] = await Promise.all([context.waitForEvent('page'), chair.getByRole('button', { name: '打印评议码条' }).click()]);
  await expect(slips.locator('body')).toHaveAttribute('data-ready', 'true');
  await expect(slips.locator('.slip')).toHaveCount(shown.length);
  await expect(slips.locator('.slip img.qr').first()).toBeVisible();
  const printed = await slips.locator('.slip-code').allTextContents();
  expect(printed.sort()).toEqual([...shown].sort());
  // The tablet address is printed as text on every slip, and the QR carries it with the code:
  // the first slip's QR has the same pixels as a QR of `<tablet address>#<code>` made here.
  const address = new URL(host.tabletUrl).href;
  const addresses = await slips.getByTestId('slip-address').allTextContents();
  expect(addresses).toHaveLength(shown.length);
  expect(new Set(addresses)).toEqual(new Set([address]));
  const firstCode = (await slips.locator('.slip-code').first().textContent()) ?? '';
  const expected = await QRCode.toDataURL(`${address}#${firstCode.replaceAll('-', '')}`, { margin: 0, width: 240, errorCorrectionLevel: 'M' });
  const printedSrc = (await slips.locator('.slip img.qr').first().getAttribute('src')) ?? '';
  const same = await slips.evaluate(`(${SAME_PIXELS})(${JSON.stringify(printedSrc)}, ${JSON.stringify(expected)})`);
  expect(same).toBe(true);
  await shot(slips, 'slips-preview');

  // Printed codes leave the chair's screen; 显示评议码 brings them back only after a confirmation.
  await expect(chair.getByTestId('codes')).toHaveCount(0);
  await expect(chair.getByTestId('codes-hidden')).toContainText('已打印');
  chair.removeAllListeners('dialog');
  chair.once('dialog', (dialog) => void dialog.dismiss());
  await chair.getByTestId('show-codes').click();
  await expect(chair.getByTestId('codes')).toHaveCount(0);
  chair.once('dialog', (dialog) => {
    expect(dialog.message()).toContain('投影');
    void dialog.accept();
  });
  await chair.getByTestId('show-codes').click();
  await expect(chair.locator('[data-testid=codes] li code')).toHaveText(shown);
  await chair.getByRole('button', { name: '隐藏评议码' }).click();
  await expect(chair.getByTestId('codes')).toHaveCount(0);

  // The hand-off is gone: reloading the slips page prints nothing and says what to do.
  await slips.reload();
  await expect(slips.getByRole('alert')).toContainText('再点一次“打印评议码条”');
  await context.close();
});
