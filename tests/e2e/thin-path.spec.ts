/**
 * The walking skeleton's thin path, through real parts: the built host in browser mode, a chair
 * context and two tablet contexts in Chromium. Codes are generated, voting opens, both tablets
 * vote, the chair sees the count rise (pushed, not polled: the console's clock is paused and it
 * makes no request meanwhile), voting closes, results appear.
 */
import { test, expect, type Page } from '@playwright/test';
import { startHostProcess, type HostProcess } from './support/host-process';
import { CODE_ALPHABET, checkCharacter, formatCode } from '../../shared/codes/code-format';

let host: HostProcess;

test.beforeEach(async () => {
  host = await startHostProcess();
});

test.afterEach(async () => {
  await host.stop();
});

/** Answers every indicator of every object: grade `pick(i)` for the i-th row, or 弃权 when null. */
async function fillBallot(tablet: Page, pick: (row: number) => string): Promise<void> {
  const rows = tablet.getByRole('radiogroup');
  await expect(rows.first()).toBeVisible();
  const count = await rows.count();
  expect(count).toBe(40); // 8 objects × 5 indicators in the demo meeting
  for (let i = 0; i < count; i += 1) await rows.nth(i).getByRole('radio', { name: pick(i), exact: true }).click();
}

test('two tablets vote and the chair sees them counted, pushed: no console timer runs and no console request is made meanwhile', async ({ browser }) => {
  const chairContext = await browser.newContext();
  const chair = await chairContext.newPage();
  chair.on('dialog', (dialog) => void dialog.accept());
  // A fake clock in the console: paused while the tablets vote, so no timer (no poll) can run
  // there; a count that still rises was pushed.
  await chair.clock.install();
  await chair.goto(host.chairUrl);
  await expect(chair.getByRole('heading', { name: '第四季度社会测评大会（演示）' })).toBeVisible();
  // The token left the address bar at once.
  expect(chair.url()).not.toContain('token');

  // A draft meeting opens on the setup tab; codes and voting are on 投票.
  await chair.getByRole('tab', { name: '投票', exact: true }).click();
  await chair.getByRole('button', { name: '生成评议码' }).click();
  // The codes appear once the call has returned; read them only then.
  await expect(chair.locator('[data-testid=codes] li').first()).toBeVisible();
  const officials = await chair.locator('[data-testid=codes] li[data-group=officials] code').allTextContents();
  const recipients = await chair.locator('[data-testid=codes] li[data-group=recipients] code').allTextContents();
  expect(officials).toHaveLength(9 + 3);
  expect(recipients).toHaveLength(21 + 3);

  await chair.getByRole('button', { name: '开始投票' }).click();
  await expect(chair.getByTestId('meeting-status')).toHaveText('投票中');
  await expect(chair.getByTestId('tablet-url')).toHaveText(host.tabletUrl);

  // From here the console's timers stand still, and we note every request it makes.
  await chair.clock.pauseAt(new Date(Date.now() + 60_000));
  const chairRequests: string[] = [];
  chair.on('request', (request) => chairRequests.push(new URL(request.url()).pathname));
  const votes: [code: string, pick: (row: number) => string][] = [
    [officials[0] ?? '', () => '满意'],
    [recipients[0] ?? '', (row) => (row % 5 === 0 ? '弃权' : '比较满意')],
  ];
  for (const [index, [code, pick]] of votes.entries()) {
    const context = await browser.newContext({ viewport: { width: 600, height: 960 } });
    const tablet = await context.newPage();
    await tablet.goto(host.tabletUrl);
    await tablet.getByLabel('请输入评议码').fill(code);
    await tablet.getByRole('button', { name: '下一步' }).click();
    await fillBallot(tablet, pick);
    await tablet.getByRole('button', { name: '检查并提交' }).click();
    await expect(tablet.getByRole('heading', { name: '请核对您的选票' })).toBeVisible();
    await tablet.getByRole('button', { name: '确认提交' }).click();
    await expect(tablet.getByTestId('receipt')).toHaveText(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    // The count rises on the chair's screen without any reload, any timer or any request of its own.
    await expect(chair.getByTestId('ballots-total')).toHaveText(String(index + 1));
    await context.close();
  }
  expect(chairRequests.filter((path) => path.startsWith('/api/chair/') && path !== '/api/chair/events')).toEqual([]);
  await chair.clock.resume();
  await expect(chair.locator('[data-testid=turnout] tr[data-group=officials] .ballots')).toHaveText('1');
  await expect(chair.locator('[data-testid=turnout] tr[data-group=recipients] .ballots')).toHaveText('1');
  await chair.getByRole('tab', { name: '结果' }).click();
  await expect(chair.getByTestId('results')).toHaveCount(0);
  await expect(chair.getByText('投票结束前不显示任何结果。')).toBeVisible();
  await chair.getByRole('tab', { name: '投票' }).click();

  await chair.getByRole('button', { name: '结束投票' }).click();
  await expect(chair.getByTestId('meeting-status')).toHaveText('投票已结束');
  await chair.getByRole('tab', { name: '结果' }).click();
  const results = chair.getByTestId('results');
  await expect(results.locator('tbody tr')).toHaveCount(8);
  // Officials gave 100 everywhere; recipients 80 on four indicators and abstained on the fifth
  // of each object: social = 0.3·100 + 0.7·80 = 86.00 for every object, all sharing rank 1.
  await expect(results.locator('tbody tr').first()).toContainText('86.00');
  for (const row of await results.locator('tbody tr').all()) {
    await expect(row.locator('td').first()).toHaveText('1');
    await expect(row.locator('td').nth(3)).toHaveText('86.00');
  }
  await chairContext.close();
});

test('a tablet catches a mistyped code before asking the server', async ({ page }) => {
  await page.goto(host.tabletUrl);
  const data = 'ABCDEFGHJKMN';
  const wrongCheck = CODE_ALPHABET.charAt((CODE_ALPHABET.indexOf(checkCharacter(data)) + 1) % 32);
  await page.getByLabel('请输入评议码').fill(formatCode(data + wrongCheck));
  await page.getByRole('button', { name: '下一步' }).click();
  await expect(page.getByRole('alert')).toContainText('评议码有一位输入错误');
});
