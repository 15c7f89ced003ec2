/**
 * The rehearsal (演练, issue 17 part 2) as the chair and a representative see it: one click in the
 * meeting tree makes the copy; the console, the tablet (from its ballot to its receipt) and the
 * projector show the banner; the real meeting's 开始投票 asks first while the rehearsal votes;
 * 清除演练 takes it away and the banner with it; the audit tab shows the one wipe line and an
 * intact chain. Screenshots of each screen land in the test's output folder.
 */
import { test, expect } from '@playwright/test';
import { startHostProcess, type HostProcess } from './support/host-process';
import { chairCall } from './support/clients';
import { openTablet } from './support/tablet-meeting';

let host: HostProcess;
test.beforeEach(async () => {
  host = await startHostProcess();
});
test.afterEach(async () => {
  await host.stop();
});

const NOTICE = '演练（试投）：不是正式评议，结果不作数';

test('the rehearsal banner on the console, the tablet and the projector; asking before the real meeting opens; the wipe', async ({ browser }) => {
  const chair = await (await browser.newContext({ viewport: { width: 1366, height: 768 } })).newPage();
  const dialogs: string[] = [];
  chair.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.accept();
  });
  await chair.goto(host.chairUrl);
  const [real] = await chairCall(host, 'listMeetings', {});
  if (!real) throw new Error('no demo meeting');
  await expect(chair.getByRole('heading', { level: 2, name: real.title })).toBeVisible();
  await expect(chair.getByTestId('rehearsal-banner')).toHaveCount(0);

  // One click: the copy is made and selected, with the banner.
  await chair.getByTestId('create-rehearsal').click();
  const banner = chair.getByTestId('rehearsal-banner');
  await expect(banner).toContainText(NOTICE);
  await expect(banner).toContainText(`正式会议：${real.title}`);
  await expect(chair.getByRole('heading', { level: 2, name: `演练 · ${real.title}` })).toBeVisible();
  await expect(chair.getByTestId('rehearsal-badge')).toHaveCount(1);
  const rehearsal = (await chairCall(host, 'listMeetings', {})).find((m) => m.rehearsalOf === real.id);
  if (!rehearsal) throw new Error('no rehearsal listed');
  await chair.screenshot({ path: test.info().outputPath('console-rehearsal.png') });

  const codes = await chairCall(host, 'generateCodes', { meetingId: rehearsal.id, spares: 0 });
  await chairCall(host, 'openVoting', { meetingId: rehearsal.id, override: '演练：几位同事试投' });
  await expect(chair.getByTestId('meeting-status')).toHaveText('投票中');

  // The tablet: the banner from the ballot on, the receipt included.
  const tablet = await openTablet(browser, `${host.tabletUrl}#${codes[0]?.code ?? ''}`, { width: 820, height: 1180 });
  const tabletBanner = tablet.getByTestId('rehearsal-banner');
  await expect(tabletBanner).toContainText('演练（试投）');
  await tablet.screenshot({ path: test.info().outputPath('tablet-rehearsal.png') });

  // The projector of the rehearsal.
  await chair.getByRole('tab', { name: '投票' }).click();
  const popup = chair.waitForEvent('popup');
  await chair.getByRole('button', { name: '打开投影屏幕' }).click();
  const projector = await popup;
  await projector.setViewportSize({ width: 1280, height: 720 });
  await expect(projector.getByTestId('projector-rehearsal')).toHaveText(NOTICE);
  await projector.screenshot({ path: test.info().outputPath('projector-rehearsal.png') });
  await projector.close();

  // The real meeting: 开始投票 asks first, and opens on yes.
  await chair.locator(`[data-meeting="${real.title}"]`).click();
  await expect(chair.getByRole('heading', { level: 2, name: real.title })).toBeVisible();
  await expect(banner).toHaveCount(0);
  await chair.getByRole('tab', { name: '投票' }).click();
  await chair.getByRole('button', { name: '生成评议码' }).click();
  await expect(chair.locator('[data-testid=codes] li').first()).toBeVisible();
  await chair.getByRole('button', { name: '开始投票' }).click();
  await expect(chair.getByTestId('meeting-status')).toHaveText('投票中');
  expect(dialogs.some((d) => d.includes(`演练“${rehearsal.title}”仍在投票`))).toBe(true);

  // 清除演练 from its banner: the banner goes, the real meeting is selected again.
  await chair.locator(`[data-meeting="${rehearsal.title}"]`).click();
  await expect(banner).toBeVisible();
  await chair.getByTestId('wipe-rehearsal').click();
  await expect(chair.getByRole('heading', { level: 2, name: real.title })).toBeVisible();
  await expect(banner).toHaveCount(0);
  await expect(chair.getByTestId('rehearsal-badge')).toHaveCount(0);
  expect(dialogs.some((d) => d.includes('只在审计记录中留下一行'))).toBe(true);

  // The audit tab: the wipe line, the confirmed opening, an intact chain.
  await chair.getByRole('tab', { name: '审计记录' }).click();
  await expect(chair.getByTestId('chain-state')).toContainText('哈希链完整');
  await expect(chair.locator('[data-testid=audit-lines] tr[data-action=wipe_rehearsal]')).toHaveCount(1);
  await expect(chair.locator('[data-testid=audit-lines] tr[data-action=open_despite_rehearsal]')).toHaveCount(1);
  await chair.getByTestId('audit-action').selectOption('open_voting');
  await expect(chair.locator('[data-testid=audit-lines] tbody tr')).toHaveCount(1);
  await chair.getByTestId('audit-action').selectOption('');
  await chair.screenshot({ path: test.info().outputPath('console-audit.png'), fullPage: true });

  // The tablet's next code step has no banner; the rehearsal's code is unknown now.
  await tablet.goto(host.tabletUrl);
  await tablet.getByLabel('请输入评议码').fill(codes[1]?.code ?? '');
  await tablet.getByRole('button', { name: '下一步' }).click();
  await expect(tablet.getByRole('alert')).toContainText('没有这个评议码');
  await expect(tabletBanner).toHaveCount(0);
});
