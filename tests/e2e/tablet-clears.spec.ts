/**
 * The tablet clears itself 20 s after showing the receipt, ready for the next person: driven by
 * Playwright's fake clock in the page (no 20 s sleep), against the real host and real Chromium.
 * At 19 s the receipt is still there; at 20 s it is gone, the code field is back and empty, and
 * nothing of the ballot is left in the page's storage.
 */
import { test, expect } from '@playwright/test';
import { startHostProcess, type HostProcess } from './support/host-process';
import { chairCall } from './support/clients';

let host: HostProcess;
test.beforeEach(async () => {
  host = await startHostProcess();
});
test.afterEach(async () => {
  await host.stop();
});

test('the receipt stays 19 s and is cleared at 20 s: code field back, empty, nothing stored', async ({ browser }) => {
  const [meeting] = await chairCall(host, 'listMeetings', {});
  if (!meeting) throw new Error('no demo meeting');
  const codes = await chairCall(host, 'generateCodes', { meetingId: meeting.id, spares: 0 });
  await chairCall(host, 'openVoting', { meetingId: meeting.id });

  const context = await browser.newContext({ viewport: { width: 600, height: 960 }, hasTouch: true });
  const tablet = await context.newPage();
  await tablet.clock.install();
  await tablet.goto(host.tabletUrl);
  await tablet.getByLabel('请输入评议码').fill(codes[0]?.code ?? '');
  await tablet.getByRole('button', { name: '下一步' }).click();
  const rows = tablet.getByRole('radiogroup');
  await expect(rows.first()).toBeVisible();
  const count = await rows.count();
  for (let i = 0; i < count; i += 1) await rows.nth(i).getByRole('radio').first().click();
  await tablet.getByRole('button', { name: '检查并提交' }).click();
  await tablet.getByRole('button', { name: '确认提交' }).click();
  const receipt = tablet.getByTestId('receipt');
  await expect(receipt).toHaveText(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);

  await tablet.clock.runFor(19_000);
  await expect(receipt).toBeVisible();
  await tablet.clock.runFor(1_000);
  await expect(receipt).toHaveCount(0);
  await expect(tablet.getByLabel('请输入评议码')).toBeVisible();
  await expect(tablet.getByLabel('请输入评议码')).toHaveValue('');
  // The page's own globals, typed loosely: this file is type-checked as Node code.
  const stored = await tablet.evaluate(() => {
    const page = globalThis as unknown as { localStorage: { length: number }; sessionStorage: { length: number } };
    return { local: page.localStorage.length, session: page.sessionStorage.length };
  });
  expect(stored).toEqual({ local: 0, session: 0 });
  await context.close();
});
