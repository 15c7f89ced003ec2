/**
 * The worst-list (评差) ballot on the tablet at 390×844 and 1024×768: the problems explained
 * (冷：态度冷漠…), the counter in view while scrolling, the K+1-th pick refused with a message,
 * a search box among the entries, and the review with number · department · object. And a graded
 * meeting whose settings require every item (requireAllAnswered, carried by the BallotDefinition).
 */
import { test, expect } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import { startHost, type RunningHost } from '../../electron/core/host';
import { freshDataDir } from './support/host-process';
import { chairCall } from './support/clients';
import { PHONE, TABLET } from './support/tablet-meeting';

let running: RunningHost;
let codes: string[] = [];

test.beforeEach(async () => {
  const dist = (path: string) => fileURLToPath(new URL(`../../dist/${path}`, import.meta.url));
  running = await startHost({ dataDir: freshDataDir(), lanHost: '127.0.0.1', port: 0, chairPort: 0, tabletAssets: dist('tablet'), consoleAssets: dist('console') });
  const access = { chairPort: running.chair.port, token: running.chair.token };
  const [meeting] = await chairCall(access, 'listMeetings', {});
  const meetingId = meeting?.id ?? '';
  // A 评差 meeting with K = 2, set in the real database before voting opens.
  running.core.store.db.prepare("UPDATE meetings SET ballot_type = 'worst', settings_json = ? WHERE id = ?").run(JSON.stringify({ worstK: 2 }), meetingId);
  codes = (await chairCall(access, 'generateCodes', { meetingId, spares: 0 })).map((c) => c.code);
  await chairCall(access, 'openVoting', { meetingId });
});
test.afterEach(async () => {
  await running.stop();
});

for (const [size, viewport] of [['390×844', PHONE], ['1024×768', TABLET]] as const) {
  test(`worst-list at ${size}: problems explained, sticky counter, the K+1-th pick refused with a message, search, review`, async ({ browser }) => {
    const page = await (await browser.newContext({ viewport })).newPage();
    await page.goto(`${running.core.tabletUrl}#${codes[0] ?? ''}`);
    const legend = page.getByTestId('tag-legend');
    await expect(legend).toContainText('冷');
    await expect(legend).toContainText('态度冷漠，门难进、脸难看、话难听');
    await expect(legend).toContainText('以权谋私，吃拿卡要');

    const cards = page.locator('.object-card');
    await cards.nth(0).locator('.pick input').check();
    await cards.nth(1).locator('.pick input').check();
    await cards.nth(2).locator('.pick input').click();
    await expect(page.getByRole('alert')).toHaveText('最多只能选 2 个，请先取消一个再选择。');
    await expect(cards.nth(2).locator('.pick input')).not.toBeChecked();
    await cards.nth(1).getByLabel('推').check();

    // The counter stays in view at the end of the list.
    await page.evaluate('window.scrollTo(0, document.documentElement.scrollHeight)');
    await expect(page.getByTestId('worst-count')).toHaveText('已选 2 / 2');
    await expect(page.getByTestId('worst-count')).toBeInViewport();

    // Search: only matching entries (and the ones picked) stay listed.
    const visibleBefore = await cards.filter({ visible: true }).count();
    await page.getByPlaceholder('搜索科室或对象').fill('项目管理');
    await expect(cards.filter({ visible: true })).not.toHaveCount(visibleBefore);
    for (const name of await cards.filter({ visible: true }).locator('.pick > span').allTextContents()) {
      expect(name.includes('项目管理') || name.includes('许可科') || name.includes('价格监督检查科')).toBe(true);
    }
    await page.getByPlaceholder('搜索科室或对象').fill('');
    await expect(cards.filter({ visible: true })).toHaveCount(visibleBefore);

    await page.getByRole('button', { name: '检查并提交' }).click();
    const review = page.locator('ul.review li');
    await expect(review).toHaveCount(2);
    await expect(review.nth(0)).toContainText('1 · 发展和改革局 · 许可科');
    await expect(review.nth(1)).toContainText('（推）');
    await page.getByRole('button', { name: '确认提交' }).click();
    await expect(page.getByTestId('receipt')).toBeVisible();
  });
}

test('a meeting that requires every item: the tablet refuses blanks at 检查并提交 and shows the first gap', async ({ browser }) => {
  const dist = (path: string) => fileURLToPath(new URL(`../../dist/${path}`, import.meta.url));
  const strict = await startHost({ dataDir: freshDataDir(), lanHost: '127.0.0.1', port: 0, chairPort: 0, tabletAssets: dist('tablet'), consoleAssets: dist('console') });
  try {
    const access = { chairPort: strict.chair.port, token: strict.chair.token };
    const [meeting] = await chairCall(access, 'listMeetings', {});
    const meetingId = meeting?.id ?? '';
    strict.core.store.db.prepare('UPDATE meetings SET settings_json = ? WHERE id = ?').run(JSON.stringify({ requireAllAnswered: true }), meetingId);
    const strictCodes = (await chairCall(access, 'generateCodes', { meetingId, spares: 0 })).map((c) => c.code);
    await chairCall(access, 'openVoting', { meetingId });
    const page = await (await browser.newContext({ viewport: PHONE })).newPage();
    await page.goto(`${strict.core.tabletUrl}#${strictCodes[0] ?? ''}`);
    await expect(page.getByRole('radiogroup')).toHaveCount(40);
    await page.getByRole('button', { name: '检查并提交' }).click();
    await expect(page.getByRole('alert')).toContainText('还有 40 项未选择。本次会议要求每一项都选一个等级或“弃权”。');
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await expect(page.getByRole('heading', { name: '请核对您的选票' })).toHaveCount(0);
  } finally {
    await strict.stop();
  }
});
