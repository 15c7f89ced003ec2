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
