/**
 * The meeting itself in real Chromium against the real host: check-in, codes, the attendance
 * rule, voiding, the projector, several tablets of which one loses its Wi-Fi mid-ballot and one
 * is reloaded, and the two alarms (guessed codes, a disk that refuses the write) on the chair's screen.
 */
import { test, expect, type Browser, type Page } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import { startHostProcess, freshDataDir, type HostProcess } from './support/host-process';
import { chairCall, gradedBallot, tabletPost } from './support/clients';
import { startHost, type RunningHost } from '../../electron/core/host';
import { checkCharacter } from '../../shared/codes/code-format';
import type { BallotDefinition } from '../../shared/api/tablet-schemas';

const TABLET = { width: 600, height: 960 };

async function openTablet(browser: Browser, url: string): Promise<Page> {
  const context = await browser.newContext({ viewport: TABLET, hasTouch: true });
  const page = await context.newPage();
  await page.goto(url);
  return page;
}

async function enterCode(tablet: Page, code: string): Promise<void> {
  await tablet.getByLabel('请输入评议码').fill(code);
  await tablet.getByRole('button', { name: '下一步' }).click();
}

/** Answers rows [from, to) of the ballot: grade `label` everywhere. */
async function answer(tablet: Page, label: string, from = 0, to = 40): Promise<void> {
  const rows = tablet.getByRole('radiogroup');
  await expect(rows.first()).toBeVisible();
  expect(await rows.count()).toBe(40);
  for (let i = from; i < to; i += 1) await rows.nth(i).getByRole('radio', { name: label, exact: true }).click();
}

async function submit(tablet: Page): Promise<void> {
  await tablet.getByRole('button', { name: '检查并提交' }).click();
  await expect(tablet.getByRole('heading', { name: '请核对您的选票' })).toBeVisible();
  await tablet.getByRole('button', { name: '确认提交' }).click();
}

test.describe('with the host process', () => {
  let host: HostProcess;
  test.beforeEach(async () => {
    host = await startHostProcess();
  });
  test.afterEach(async () => {
    await host.stop();
  });

  test('check-in, codes, attendance, projector, and three tablets — one offline mid-ballot, one reloaded — all counted', async ({ browser }) => {
    const chair = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    chair.on('dialog', (dialog) => void dialog.accept());
    await chair.goto(host.chairUrl);

    // 签到: find a person, mark them absent: 实到 drops, and opening needs a written reason.
    await chair.getByRole('tab', { name: '签到' }).click();
    const summary = chair.getByTestId('checkin-summary');
    await expect(summary.locator('[data-group=recipients]')).toContainText('实到 21 / 应到 21');
    await chair.getByLabel('按姓名或单位查找').fill('周芳');
    await expect(chair.getByTestId('checkin-list').locator('tbody tr')).toHaveCount(1);
    await chair.getByRole('button', { name: '撤销签到' }).click();
    await expect(summary.locator('[data-group=recipients]')).toContainText('实到 20 / 应到 21');
    await chair.getByLabel('按姓名或单位查找').fill('');
    await chair.getByLabel('只看未签到').check();
    await expect(chair.getByTestId('checkin-list').locator('tbody tr')).toHaveCount(1);

    await chair.getByRole('tab', { name: '投票' }).click();
    await chair.getByRole('button', { name: '生成评议码' }).click();
    // The codes appear once the call has returned; read them only then.
    await expect(chair.locator('[data-testid=codes] li').first()).toBeVisible();
    const officials = await chair.locator('[data-testid=codes] li[data-group=officials] code').allTextContents();
    const recipients = await chair.locator('[data-testid=codes] li[data-group=recipients] code').allTextContents();
    expect(officials).toHaveLength(12);
    expect(recipients).toHaveLength(24);
    await chair.getByRole('button', { name: '开始投票' }).click();
    const warning = chair.getByTestId('attendance-warning');
    await expect(warning).toContainText('不足 30 人');
    await expect(warning).toContainText('再增加 1 名服务对象代表');
    await expect(chair.getByTestId('meeting-status')).toHaveText('准备中');
    await chair.getByLabel('如确需照常开始').fill('一名代表因病缺席，经领导小组同意照常进行');
    await chair.getByRole('button', { name: '写明理由并开始投票' }).click();
    await expect(chair.getByTestId('meeting-status')).toHaveText('投票中');
    await expect(warning).toHaveCount(0);

    // Void one spare slip by typing it.
    await chair.getByLabel('输入纸条上的评议码').fill(recipients[23] ?? '');
    await chair.getByRole('button', { name: '作废这一个' }).click();
    await expect(chair.getByTestId('voided-total')).toHaveText('1');

    // The projector: no controls, live turnout.
    const popup = chair.waitForEvent('popup');
    await chair.getByRole('button', { name: '打开投影屏幕' }).click();
    const projector = await popup;
    await expect(projector.getByTestId('projector-status')).toHaveText('投票进行中');
    await expect(projector.getByTestId('projector-url')).toHaveText(host.tabletUrl);
    await expect(projector.getByRole('button')).toHaveCount(0);

    // Tablet A votes plainly.
    const a = await openTablet(browser, host.tabletUrl);
    await enterCode(a, officials[0] ?? '');
    await answer(a, '满意');
    await submit(a);
    await expect(a.getByTestId('receipt')).toHaveText(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);

    // Tablet B loses its Wi-Fi after reviewing; its submission waits and is retried by itself.
    const b = await openTablet(browser, host.tabletUrl);
    await enterCode(b, recipients[0] ?? '');
    await answer(b, '比较满意');
    await b.getByRole('button', { name: '检查并提交' }).click();
    await b.context().setOffline(true);
    await b.getByRole('button', { name: '确认提交' }).click();
    await expect(b.getByText(/网络中断，选票已保存在本机，正在自动重试/)).toBeVisible();
    await expect(chair.getByTestId('ballots-total')).toHaveText('1');
    await b.context().setOffline(false);
    await expect(b.getByTestId('receipt')).toHaveText(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/, { timeout: 20_000 });

    // Tablet C is reloaded halfway: the answers so far survive, the code is not asked again.
    const c = await openTablet(browser, host.tabletUrl);
    await enterCode(c, recipients[1] ?? '');
    await answer(c, '不满意', 0, 20);
    await c.reload();
    await expect(c.getByText('已评 20 / 40 项')).toBeVisible();
    await answer(c, '基本满意', 20, 40);
    await submit(c);
    await expect(c.getByTestId('receipt')).toBeVisible();
    // After the receipt the tablet forgets the ballot: a reload shows the code screen again.
    await c.reload();
    await expect(c.getByLabel('请输入评议码')).toBeVisible();

    await expect(chair.getByTestId('ballots-total')).toHaveText('3');
    await expect(chair.locator('[data-testid=turnout] tr[data-group=recipients] .ballots')).toHaveText('2');
    await expect(projector.locator('[data-group=recipients] [data-testid=projector-count]')).toContainText('2 / 20');
    await expect(projector.locator('[data-group=officials] [data-testid=projector-count]')).toContainText('1 / 9');
    await expect(projector.getByText('投票结束前不显示任何结果')).toBeVisible();

    const view = await chairCall(host, 'getMeeting', { meetingId: (await chairCall(host, 'listMeetings', {}))[0]?.id ?? '' });
    expect(view.turnout.map((g) => [g.group, g.ballots, g.codesUsed, g.codesVoided])).toEqual([
      ['officials', 1, 1, 0],
      ['recipients', 2, 2, 1],
    ]);

    // Closing voting: the projector follows, says 投票已结束 with the count, and no longer says results are withheld.
    await chair.getByRole('button', { name: '结束投票' }).click();
    await expect(projector.getByTestId('projector-status')).toHaveText('投票已结束');
    await expect(projector.getByTestId('projector-ended')).toContainText('共收到选票 3 张');
    await expect(projector.getByText('投票结束前不显示任何结果')).toHaveCount(0);
    await expect(projector.getByTestId('projector-url')).toHaveCount(0);
  });

  test('guessing codes on a tablet raises the alarm on the chair\'s screen', async ({ browser }) => {
    const chair = await (await browser.newContext()).newPage();
    await chair.goto(host.chairUrl);
    const [meeting] = await chairCall(host, 'listMeetings', {});
    await chairCall(host, 'generateCodes', { meetingId: meeting?.id ?? '', spares: 0 });
    await chairCall(host, 'openVoting', { meetingId: meeting?.id ?? '' });
    await expect(chair.getByTestId('meeting-status')).toHaveText('投票中');
    const tablet = await openTablet(browser, host.tabletUrl);
    for (let i = 0; i < 10; i += 1) {
      const data = `ZZZZZZZZZZ${'0123456789'.charAt(i)}Z`;
      await enterCode(tablet, data + checkCharacter(data));
      await expect(tablet.getByRole('alert')).toContainText('没有这个评议码');
    }
    await expect(chair.getByRole('alert').filter({ hasText: '连续输入了多个无效评议码' })).toBeVisible();
    await enterCode(tablet, 'ZZZZZZZZZZZZ' + checkCharacter('ZZZZZZZZZZZZ'));
    await expect(tablet.getByRole('alert')).toContainText('尝试次数过多');
  });
});

/** The host in this process (built pages from dist/), for tests that must reach into its database. */
function startInProcess(): Promise<RunningHost> {
  const dist = (path: string) => fileURLToPath(new URL(`../../dist/${path}`, import.meta.url));
  return startHost({ dataDir: freshDataDir(), lanHost: '127.0.0.1', port: 0, chairPort: 0, tabletAssets: dist('tablet'), consoleAssets: dist('console') });
}

test('a worst-list ballot on the tablet: K is enforced with a clear message, problems are ticked, reviewed and counted', async ({ browser }) => {
  const running = await startInProcess();
  try {
    const access = { chairPort: running.chair.port, token: running.chair.token };
    const [meeting] = await chairCall(access, 'listMeetings', {});
    const meetingId = meeting?.id ?? '';
    // A 评差 meeting with K = 3, set up through the chair API before voting opens.
    const setup = await chairCall(access, 'meetingSetup', { meetingId });
    const { title, heldOn, place, kind } = setup.meeting;
    await chairCall(access, 'updateMeetingDetails', { meetingId, title, heldOn, place, kind, ballotType: 'worst' });
    await chairCall(access, 'updateSettings', { meetingId, settings: { ...setup.settings, worstK: 3 } });
    const codes = (await chairCall(access, 'generateCodes', { meetingId, spares: 0 })).map((c) => c.code);
    await chairCall(access, 'openVoting', { meetingId });

    const tablet = await openTablet(browser, running.core.tabletUrl);
    await enterCode(tablet, codes[0] ?? '');
    await expect(tablet.getByText('请选出最多 3 个最难办事的科室')).toBeVisible();
    const cards = tablet.locator('.object-card');
    await expect(cards).toHaveCount(8);
    for (let i = 0; i < 3; i += 1) await cards.nth(i).locator('.pick input').check();
    await cards.nth(3).locator('.pick input').click();
    await expect(tablet.getByRole('alert')).toHaveText('最多只能选 3 个，请先取消一个再选择。');
    await expect(cards.nth(3).locator('.pick input')).not.toBeChecked();
    await expect(tablet.getByText('已选 3 / 3')).toBeVisible();
    await cards.nth(0).getByLabel('冷').check();
    await cards.nth(0).getByLabel('贪').check();
    await tablet.getByRole('button', { name: '检查并提交' }).click();
    await expect(tablet.locator('ul.review li')).toHaveCount(3);
    await expect(tablet.locator('ul.review li').first()).toContainText('（冷、贪）');
    await tablet.getByRole('button', { name: '确认提交' }).click();
    await expect(tablet.getByTestId('receipt')).toBeVisible();

    // Sealed while voting is open: close, then read the ballot as it is stored for good.
    await chairCall(access, 'closeVoting', { meetingId });
    const stored = running.core.store.db.prepare('SELECT content_json FROM ballots').all() as { content_json: string }[];
    expect(stored).toHaveLength(1);
    const content = JSON.parse(stored[0]?.content_json ?? '{}') as { type: string; picks: { tags: string[] }[] };
    expect(content.type).toBe('worst');
    expect(content.picks).toHaveLength(3);
    expect(content.picks.flatMap((p) => p.tags).sort()).toEqual(['cold', 'greedy']);
  } finally {
    await running.stop();
  }
});

test('a disk that refuses the write: the chair sees the alarm, the tablet keeps retrying, and the ballot is counted once the disk is back', async ({ browser }) => {
  const running = await startInProcess();
  try {
    const access = { chairPort: running.chair.port, token: running.chair.token };
    const [meeting] = await chairCall(access, 'listMeetings', {});
    const meetingId = meeting?.id ?? '';
    const codes = (await chairCall(access, 'generateCodes', { meetingId, spares: 0 })).map((c) => c.code);
    await chairCall(access, 'openVoting', { meetingId });
    const chair = await (await browser.newContext()).newPage();
    await chair.goto(running.chair.url);
    await expect(chair.getByTestId('meeting-status')).toHaveText('投票中');

    const tablet = await openTablet(browser, running.core.tabletUrl);
    await enterCode(tablet, codes[0] ?? '');
    await answer(tablet, '满意');
    await tablet.getByRole('button', { name: '检查并提交' }).click();

    // The disk is full, for real: SQLite may not grow the file. Fill the free pages first.
    const db = running.core.store.db;
    db.pragma(`max_page_count = ${Number(db.pragma('page_count', { simple: true }))}`);
    const definition = (await tabletPost(running.core.tabletUrl, '/api/tablet/session', { code: codes[1] })).body.value as BallotDefinition;
    let status = 200;
    for (const code of codes.slice(1)) {
      status = (await tabletPost(running.core.tabletUrl, '/api/tablet/ballot', { code, ballot: gradedBallot(definition, () => 1) })).status;
      if (status !== 200) break;
    }
    expect(status).toBe(503);
    const storedBefore = (db.prepare('SELECT COUNT(*) AS n FROM sealed_ballots').get() as { n: number }).n;

    await tablet.getByRole('button', { name: '确认提交' }).click();
    await expect(tablet.getByText('选票未能保存')).toBeVisible();
    await expect(chair.getByRole('alert').filter({ hasText: '选票写入磁盘失败' }).first()).toBeVisible();
    expect((db.prepare('SELECT COUNT(*) AS n FROM sealed_ballots').get() as { n: number }).n).toBe(storedBefore);

    db.pragma('max_page_count = 1073741823');
    await expect(tablet.getByTestId('receipt')).toBeVisible({ timeout: 20_000 });
    expect((db.prepare('SELECT COUNT(*) AS n FROM sealed_ballots').get() as { n: number }).n).toBe(storedBefore + 1);
  } finally {
    await running.stop();
  }
});
