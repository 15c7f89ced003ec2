/**
 * Paper ballots keyed in twice in the console (issue 17 part 1), through real parts: the built
 * host as a process, Chromium for the console, two tablet ballots through the tablet API. After
 * close, one paper is keyed alike twice (counted at once), one differently (settled field by
 * field), one with two grades ticked (kept as 无效票 with its reason); the reconciliation per
 * group follows on screen, and the printed reconciliation, blank ballot and ranking sheet show
 * the same counts. Every screen and sheet is screenshotted into the test's output folder.
 */
import { submissionKeyFor } from '../../scripts/bench/submission-key';
import { test, expect, type Page } from '@playwright/test';
import { chairCall } from './support/clients';
import { startHostProcess, type HostProcess } from './support/host-process';

let host: HostProcess;
test.beforeEach(async () => {
  host = await startHostProcess();
});
test.afterEach(async () => {
  await host.stop();
});

async function voteByApi(code: string, grade: number): Promise<void> {
  const post = (path: string, body: unknown) =>
    fetch(`${host.tabletUrl.replace(/\/$/u, '')}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const session = (await (await post('/api/tablet/session', { code })).json()) as { value: { objects: { id: string; indicatorSetId: string }[]; indicatorSets: { id: string; indicators: { id: string }[] }[] } };
  const answers: Record<string, Record<string, number>> = {};
  for (const object of session.value.objects) {
    const set = session.value.indicatorSets.find((s) => s.id === object.indicatorSetId);
    answers[object.id] = Object.fromEntries((set?.indicators ?? []).map((indicator) => [indicator.id, grade]));
  }
  expect((await post('/api/tablet/ballot', { code, submissionKey: submissionKeyFor(code), ballot: { type: 'graded', answers } })).status).toBe(200);
}

/** Keys the first object's five items into the given entry form; the other objects stay 弃权. */
async function key(page: Page, form: 'first' | 'second', grades: readonly string[]): Promise<void> {
  const selects = page.getByTestId(`paper-form-${form}`).locator('.paper-entry-grid select');
  for (const [index, label] of grades.entries()) await selects.nth(index).selectOption({ label });
}

function row(page: Page, group: string) {
  return page.getByTestId('paper-reconciliation').locator(`tr[data-group=${group}]`);
}

test('paper ballots: double entry, a difference settled field by field, a 无效票, the reconciliation on screen and on paper', async ({ browser }, testInfo) => {
  const [meeting] = await chairCall(host, 'listMeetings', {});
  if (!meeting) throw new Error('no demo meeting');
  const meetingId = meeting.id;
  const codes = await chairCall(host, 'generateCodes', { meetingId, spares: 0 });
  await chairCall(host, 'openVoting', { meetingId });
  await voteByApi(codes.find((c) => c.group === 'officials')?.code ?? '', 0);
  await voteByApi(codes.find((c) => c.group === 'recipients')?.code ?? '', 1);
  await chairCall(host, 'closeVoting', { meetingId });

  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  const page = await context.newPage();
  page.on('dialog', (dialog) => void dialog.accept());
  await page.goto(host.chairUrl);
  await page.getByRole('tab', { name: '投票', exact: true }).click();
  const panel = page.getByTestId('paper-panel');
  await expect(panel).toBeVisible();
  await expect(row(page, 'officials').locator('[data-col=not-returned]')).toHaveText('8');
  await panel.screenshot({ path: testInfo.outputPath('1-paper-panel-empty.png') });

  // 1. The first paper, an official's: keyed alike by 张三 and 李四 — counted at once.
  await page.getByLabel('代表类别', { exact: true }).selectOption({ label: '人大代表、政协委员、分管领导' });
  await page.getByLabel('录入人（第一次录入一张纸质票）').fill('张三');
  await key(page, 'first', ['满意', '满意', '比较满意', '满意', '满意']);
  await page.getByRole('button', { name: '保存第一次录入' }).click();
  await expect(page.getByTestId('paper-notice')).toContainText('编为第 1 张');
  await expect(row(page, 'officials').locator('[data-col=paper-pending]')).toHaveText('1');
  await panel.screenshot({ path: testInfo.outputPath('2-first-entry-saved.png') });
  const entry1 = panel.locator('li[data-label="1"]');
  await entry1.getByRole('button', { name: '第二次录入' }).click();
  // The second form starts blank: the first entry is not shown.
  await expect(page.getByTestId('paper-form-second').locator('.paper-entry-grid select').first()).toHaveValue('');
  await expect(page.getByTestId('paper-form-second').getByTestId('paper-whole')).toHaveValue('');
  await page.getByLabel('录入人（第二次录入）').fill('张三');
  await expect(entry1.getByText('两次录入是同一个录入人')).toBeVisible();
  await page.getByLabel('录入人（第二次录入）').fill('李四');
  await key(page, 'second', ['满意', '满意', '比较满意', '满意', '满意']);
  await panel.screenshot({ path: testInfo.outputPath('3-second-entry.png') });
  await page.getByRole('button', { name: '保存第二次录入' }).click();
  await expect(page.getByTestId('paper-notice')).toHaveText('两次录入一致，已计入。');
  await expect(row(page, 'officials').locator('[data-col=paper-valid]')).toHaveText('1');
  await expect(row(page, 'officials').locator('[data-col=not-returned]')).toHaveText('7');

  // 2. A recipient's paper read differently on one item: shown, settled, then counted.
  await page.getByLabel('代表类别', { exact: true }).selectOption({ label: '服务对象代表' });
  await page.getByLabel('录入人（第一次录入一张纸质票）').fill('张三');
  await key(page, 'first', ['基本满意', '基本满意', '基本满意', '基本满意', '基本满意']);
  await page.getByRole('button', { name: '保存第一次录入' }).click();
  await expect(page.getByTestId('paper-notice')).toContainText('编为第 1 张');
  const entry = panel.locator('li[data-stage=awaiting-second]');
  await entry.getByRole('button', { name: '第二次录入' }).click();
  await page.getByLabel('录入人（第二次录入）').fill('李四');
  await key(page, 'second', ['基本满意', '基本满意', '不满意', '基本满意', '基本满意']);
  await page.getByRole('button', { name: '保存第二次录入' }).click();
  await expect(page.getByTestId('paper-notice')).toContainText('两次录入不一致');
  const differences = page.getByTestId('differences-1');
  await expect(differences.locator('tbody tr')).toHaveCount(1);
  await expect(differences).toContainText('服务态度');
  await expect(row(page, 'recipients').locator('[data-col=paper-valid]')).toHaveText('0');
  await panel.screenshot({ path: testInfo.outputPath('4-conflict.png') });
  await differences.getByRole('radio', { name: /不满意（2）/u }).check();
  await differences.getByRole('button', { name: '按所选确认这张纸质票' }).click();
  await expect(page.getByTestId('paper-notice')).toHaveText('两次录入一致，已计入。');
  await expect(row(page, 'recipients').locator('[data-col=paper-valid]')).toHaveText('1');

  // 3. A paper with two grades ticked on one item: a 无效票, kept with its reason.
  await page.getByLabel('录入人（第一次录入一张纸质票）').fill('张三');
  await key(page, 'first', ['无法辨认 / 多选']);
  await page.getByRole('button', { name: '保存第一次录入' }).click();
  await panel.locator('li[data-stage=awaiting-second]').getByRole('button', { name: '第二次录入' }).click();
  await page.getByLabel('录入人（第二次录入）').fill('李四');
  await key(page, 'second', ['无法辨认 / 多选']);
  await page.getByRole('button', { name: '保存第二次录入' }).click();
  await expect(page.getByTestId('paper-notice')).toContainText('已作为无效票保存');
  await expect(page.getByTestId('paper-invalid')).toContainText('所选等次不在评分等次中');
  await expect(row(page, 'recipients').locator('[data-col=paper-invalid]')).toHaveText('1');
  // 21 present − 1 electronic − 1 paper − 1 invalid.
  await expect(row(page, 'recipients').locator('[data-col=not-returned]')).toHaveText('18');
  await expect(panel.locator('li[data-stage]')).toHaveCount(0);

  // 4. An official's paper that cannot be read at all: both clerks key it as 无效票 as a whole.
  await page.getByLabel('代表类别', { exact: true }).selectOption({ label: '人大代表、政协委员、分管领导' });
  await page.getByLabel('录入人（第一次录入一张纸质票）').fill('张三');
  await page.getByTestId('paper-form-first').getByTestId('paper-whole').selectOption({ label: '无效票：整张无法辨认' });
  await expect(page.getByTestId('paper-form-first').getByTestId('paper-whole-rule')).toContainText('整张评议表无法辨认');
  await page.getByTestId('paper-form-first').screenshot({ path: testInfo.outputPath('4b-whole-invalid-form.png') });
  await page.getByRole('button', { name: '保存第一次录入' }).click();
  await panel.locator('li[data-stage=awaiting-second]').getByRole('button', { name: '第二次录入' }).click();
  await page.getByLabel('录入人（第二次录入）').fill('李四');
  await page.getByTestId('paper-form-second').getByTestId('paper-whole').selectOption({ label: '无效票：整张无法辨认' });
  await page.getByRole('button', { name: '保存第二次录入' }).click();
  await expect(page.getByTestId('paper-notice')).toContainText('已作为无效票保存');
  await expect(page.getByTestId('paper-invalid')).toContainText('整张评议表无法辨认');
  await expect(row(page, 'officials').locator('[data-col=paper-invalid]')).toHaveText('1');
  // 9 present − 1 electronic − 1 paper − 1 invalid.
  await expect(row(page, 'officials').locator('[data-col=not-returned]')).toHaveText('6');
  await panel.screenshot({ path: testInfo.outputPath('5-reconciled.png') });

  // The results screen counts the paper ballots and names the 无效票 beside them.
  await page.getByRole('tab', { name: '结果', exact: true }).click();
  await expect(page.getByText('有效选票 4 张')).toBeVisible();
  await expect(page.getByTestId('invalid-ballots')).toContainText('无效票（2 张）');
  await page.screenshot({ path: testInfo.outputPath('5b-results.png') });

  // The sheets count the same: the printed reconciliation, the ranking sheet's counts.
  const printUrl = (sheet: string) => new URL(`../print/index.html?sheet=${sheet}&meeting=${meetingId}`, page.url()).href;
  await page.goto(printUrl('paperReconciliation'));
  await expect(page.locator('body[data-ready=true]')).toBeAttached();
  await expect(page.locator('tr[data-group=recipients]')).toContainText('18');
  await expect(page.locator('.paper-reconciliation')).toContainText('无效票（2 张）');
  await expect(page.locator('.paper-reconciliation')).toContainText('整张评议表无法辨认');
  await page.screenshot({ path: testInfo.outputPath('6-sheet-reconciliation.png'), fullPage: true });
  await page.goto(printUrl('ranking'));
  await expect(page.locator('body[data-ready=true]')).toBeAttached();
  await expect(page.getByTestId('invalid-count')).toHaveText(['1', '1']);
  await page.screenshot({ path: testInfo.outputPath('7-sheet-ranking.png'), fullPage: true });
  await page.goto(printUrl('paperBallot'));
  await expect(page.locator('body[data-ready=true]')).toBeAttached();
  await expect(page.getByTestId('paper-group')).toHaveText(['人大代表、政协委员、分管领导', '服务对象']);
  await page.screenshot({ path: testInfo.outputPath('8-sheet-paper-ballot.png'), fullPage: true });
  await context.close();
});
