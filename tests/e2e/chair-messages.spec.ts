/**
 * Messages appear next to the control that caused them and stay until read: a text file renamed
 * .xlsx, picked for the roster import far down the 准备 page, is refused beside the import button
 * (not in a banner at the top, out of sight) with the real reason, and stays after other actions
 * succeed until the chair dismisses it.
 */
import { test, expect } from '@playwright/test';
import { startHostProcess, type HostProcess } from './support/host-process';

let host: HostProcess;
test.beforeEach(async () => {
  host = await startHostProcess();
});
test.afterEach(async () => {
  await host.stop();
});

test('an import error shows beside the import button, names the real problem, and stays until dismissed', async ({ browser }) => {
  const chair = await (await browser.newContext({ viewport: { width: 1366, height: 768 } })).newPage();
  await chair.goto(host.chairUrl);
  await chair.getByRole('tab', { name: '准备' }).click();
  const roster = chair.getByTestId('setup-roster');
  // The chair scrolls down to the import button (about 2,000 px on a long setup page) and picks the file.
  await roster.locator('.file-pick').scrollIntoViewIfNeeded();
  await roster.getByLabel('从文件导入代表名单…').setInputFiles({ name: '代表名单.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: Buffer.from('会议通知\n请各位代表于下午三点到会。\n', 'utf8') });
  const message = roster.getByTestId('error-import-roster');
  await expect(message).toContainText('这不是 Excel 文件');
  await expect(message).toContainText('会议通知');
  await expect(message).not.toContainText('缺少必需的列');
  // Where the chair is looking: in the viewport, beside the import button; no banner at the top.
  await expect(message).toBeInViewport();
  await expect(chair.locator('.error-banner')).toHaveCount(0);

  // Another action succeeds elsewhere: the message is still there, until 知道了.
  await chair.getByTestId('setup-details').getByRole('button', { name: '保存会议信息' }).click();
  await expect(chair.getByTestId('setup-details').getByRole('status')).toContainText('已保存');
  await expect(message).toBeVisible();
  await message.getByRole('button', { name: '知道了' }).click();
  await expect(message).toHaveCount(0);
});
