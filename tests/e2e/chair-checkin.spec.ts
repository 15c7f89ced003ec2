/**
 * Check-in at the door with the keyboard only: two people of the same name are told apart by
 * 序号 and unit; typing narrows the list as you type, Enter checks in the highlighted match and
 * moves on to the next one not yet checked in, ↓ moves the highlight, and Ctrl+Z (or 撤销) undoes
 * the last check-in. 实到 follows each step.
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

test('the keyboard path: type, Enter, next match, undo', async ({ browser }) => {
  const [meeting] = await chairCall(host, 'listMeetings', {});
  const meetingId = meeting?.id ?? '';
  await chairCall(host, 'addRepresentative', { meetingId, name: '王晓燕', unit: '城关街道居民', category: 'recipient' });
  await chairCall(host, 'addRepresentative', { meetingId, name: '王晓燕', unit: '个体工商户', category: 'recipient' });
  await chairCall(host, 'addRepresentative', { meetingId, name: '王晓东', unit: '个体工商户', category: 'recipient' });

  const chair = await (await browser.newContext({ viewport: { width: 1366, height: 768 } })).newPage();
  await chair.goto(host.chairUrl);
  await chair.getByRole('tab', { name: '签到' }).click();
  const recipients = chair.getByTestId('checkin-summary').locator('[data-group=recipients]');
  await expect(recipients).toContainText('实到 21 / 应到 24');
  const list = chair.getByTestId('checkin-list');
  const search = chair.getByLabel('按姓名或单位查找');
  await expect(search).toBeFocused();

  // Typing narrows the list at once; the namesakes differ by 序号 and unit.
  await search.pressSequentially('王晓燕');
  await expect(list.locator('tbody tr')).toHaveCount(2);
  await expect(list.locator('tbody tr').nth(0)).toContainText('31王晓燕城关街道居民');
  await expect(list.locator('tbody tr').nth(1)).toContainText('32王晓燕个体工商户');
  await expect(list.locator('tr[aria-current=true]')).toContainText('城关街道居民');

  // ↓ picks the second namesake; Enter checks them in; the highlight moves back to the one left.
  await search.press('ArrowDown');
  await expect(list.locator('tr[aria-current=true]')).toContainText('个体工商户');
  await search.press('Enter');
  await expect(list.locator('tr[data-name=王晓燕]').nth(1)).toContainText('已到');
  await expect(recipients).toContainText('实到 22 / 应到 24');
  await expect(chair.getByTestId('checkin-last')).toContainText('王晓燕（个体工商户）已签到');

  // Ctrl+Z undoes it.
  await search.press('Control+z');
  await expect(list.locator('tr[data-name=王晓燕]').nth(1)).toContainText('未到');
  await expect(recipients).toContainText('实到 21 / 应到 24');
  await expect(chair.getByTestId('checkin-last')).toHaveCount(0);

  // The highlight is back on the person undone. Enter twice checks both in, one after the other
  // (the next match not yet checked in is the first namesake); then the search text is selected for the next name.
  await expect(list.locator('tr[aria-current=true]')).toContainText('个体工商户');
  await search.press('Enter');
  await expect(list.locator('tr[data-name=王晓燕]').nth(1)).toContainText('已到');
  await expect(list.locator('tr[aria-current=true]')).toContainText('城关街道居民');
  await search.press('Enter');
  await expect(list.locator('tr[data-name=王晓燕]').nth(0)).toContainText('已到');
  await expect(recipients).toContainText('实到 23 / 应到 24');
  await search.pressSequentially('33');
  await expect(search).toHaveValue('33');
  await expect(list.locator('tbody tr')).toHaveCount(1);
  await expect(list.locator('tbody tr')).toContainText('王晓东');
  await search.press('Enter');
  await expect(recipients).toContainText('实到 24 / 应到 24');
  // 撤销 as a button, too.
  await chair.getByTestId('checkin-last').getByRole('button', { name: '撤销' }).click();
  await expect(recipients).toContainText('实到 23 / 应到 24');
});
