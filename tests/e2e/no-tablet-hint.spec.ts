/**
 * The chair learns when tablets cannot reach the laptop (a firewall on a Public venue network,
 * the wrong Wi-Fi): a minute after voting opens with no request at the tablet server, the voting
 * tab says so; once a tablet has reached it, the hint never shows. The page's clock is Playwright's
 * (page.clock), fast-forwarded: no real minute is waited.
 */
import { test, expect, type Page } from '@playwright/test';
import { startHostProcess, type HostProcess } from './support/host-process';

let host: HostProcess;
test.beforeEach(async () => {
  host = await startHostProcess();
});
test.afterEach(async () => {
  await host.stop();
});

async function openVoting(chair: Page): Promise<void> {
  chair.on('dialog', (dialog) => void dialog.accept());
  await chair.getByRole('tab', { name: '投票' }).or(chair.getByText('投票', { exact: true }).first()).first().click();
  await chair.getByRole('button', { name: '生成评议码' }).click();
  await expect(chair.getByText('已发评议码')).toBeVisible();
  await chair.getByRole('button', { name: '开始投票' }).click();
  await expect(chair.getByRole('button', { name: '暂停投票' })).toBeVisible();
}

test('no tablet a minute after voting opens: the voting tab says to check the network and the firewall', async ({ browser }) => {
  const chair = await (await browser.newContext({ viewport: { width: 1200, height: 900 } })).newPage();
  await chair.clock.install();
  await chair.goto(host.chairUrl);
  await openVoting(chair);
  const hint = chair.getByTestId('no-tablet-hint');
  await chair.clock.fastForward(30_000);
  await expect(hint).toHaveCount(0);
  await chair.clock.fastForward(31_000);
  await expect(hint).toContainText('还没有任何平板连接到本机');
  await expect(hint).toContainText('公用网络');
  await expect(hint).toContainText(host.tabletUrl);
});

test('a tablet that reached the laptop: no hint after the minute', async ({ browser }) => {
  const chair = await (await browser.newContext({ viewport: { width: 1200, height: 900 } })).newPage();
  await chair.clock.install();
  let serverInfoAnswers = 0;
  chair.on('response', (response) => {
    if (response.url().endsWith('/api/chair/serverInfo')) serverInfoAnswers += 1;
  });
  await chair.goto(host.chairUrl);
  const tablet = await (await browser.newContext()).newPage();
  await tablet.goto(host.tabletUrl);
  await openVoting(chair);
  await chair.clock.fastForward(61_000);
  // The check after the minute asks the host; wait for that answer to have been rendered.
  // The check after the minute asks the host again: wait for that answer, rendered, before looking.
  await expect.poll(() => serverInfoAnswers).toBeGreaterThan(1);
  await expect(chair.locator('[data-tablet-check="done"]')).toHaveCount(1);
  await expect(chair.getByTestId('no-tablet-hint')).toHaveCount(0);
});
