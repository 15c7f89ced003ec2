/**
 * From tablet ballots to the results screen, through real parts: the built host as a process,
 * Chromium for the chair and one tablet; the other ballots go through the tablet HTTP API.
 * Checks the ranking, one object's formula line, export → re-tally (button and command),
 * a veto and marking the results official; then the worst-first order and the per-category
 * rankings as the chair switches them.
 */
import { submissionKeyFor } from '../../scripts/bench/submission-key';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { test, expect, type Page } from '@playwright/test';
import { chairCall } from './support/clients';
import { startHostProcess, type HostProcess } from './support/host-process';

const run = promisify(execFile);
const RETALLY = fileURLToPath(new URL('../../dist/electron/retally.cjs', import.meta.url));
let host: HostProcess;

test.beforeEach(async () => {
  host = await startHostProcess();
});
test.afterEach(async () => {
  await host.stop();
});

type Grade = number | null;
/** Officials: object 0 → 100, object 1 → 80, others 60. Recipients: object 0 → 80, object 1 → 100, others 0. */
const official = (o: number): Grade => (o === 0 ? 0 : o === 1 ? 1 : 2);
const recipient = (o: number): Grade => (o === 0 ? 1 : o === 1 ? 0 : 3);

async function voteByApi(code: string, grade: (o: number, i: number) => Grade): Promise<void> {
  const post = (path: string, body: unknown) =>
    fetch(`${host.tabletUrl.replace(/\/$/u, '')}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const session = (await (await post('/api/tablet/session', { code })).json()) as { value: { objects: { id: string; indicatorSetId: string }[]; indicatorSets: { id: string; indicators: { id: string }[] }[] } };
  const answers: Record<string, Record<string, Grade>> = {};
  session.value.objects.forEach((object, o) => {
    const set = session.value.indicatorSets.find((s) => s.id === object.indicatorSetId);
    answers[object.id] = Object.fromEntries((set?.indicators ?? []).map((indicator, i) => [indicator.id, grade(o, i)]));
  });
  const answer = await post('/api/tablet/ballot', { code, submissionKey: submissionKeyFor(code), ballot: { type: 'graded', answers } });
  expect(answer.status).toBe(200);
}

async function voteOnTablet(page: Page, code: string): Promise<void> {
  await page.goto(host.tabletUrl);
  await page.getByLabel('请输入评议码').fill(code);
  await page.getByRole('button', { name: '下一步' }).click();
  const rows = page.getByRole('radiogroup');
  await expect(rows.first()).toBeVisible();
  expect(await rows.count()).toBe(40);
  const labels = ['满意', '比较满意', '基本满意', '不满意'];
  for (let row = 0; row < 40; row += 1) {
    const o = Math.floor(row / 5);
    // This recipient abstains on 业务素质 of object 1.
    const label = o === 1 && row % 5 === 0 ? '弃权' : (labels[recipient(o) ?? 0] ?? '满意');
    await rows.nth(row).getByRole('radio', { name: label, exact: true }).click();
  }
  await page.getByRole('button', { name: '检查并提交' }).click();
  await page.getByRole('button', { name: '确认提交' }).click();
  await expect(page.getByTestId('receipt')).toBeVisible();
}

test('tablet ballots → results screen with the formula, re-tally, veto and official', async ({ browser }) => {
  const chairContext = await browser.newContext({ viewport: { width: 1400, height: 1000 }, acceptDownloads: true });
  const chair = await chairContext.newPage();
  chair.on('dialog', (dialog) => void dialog.accept());
  await chair.goto(host.chairUrl);
  await expect(chair.getByRole('heading', { name: '第四季度社会测评大会（演示）' })).toBeVisible();
  // A draft meeting opens on the setup tab; codes and voting are on 投票.
  await chair.getByRole('tab', { name: '投票', exact: true }).click();
  await chair.getByRole('button', { name: '生成评议码' }).click();
  // The codes appear once the call has returned; read them only then.
  await expect(chair.locator('[data-testid=codes] li').first()).toBeVisible();
  const officials = await chair.locator('[data-testid=codes] li[data-group=officials] code').allTextContents();
  const recipients = await chair.locator('[data-testid=codes] li[data-group=recipients] code').allTextContents();
  await chair.getByRole('button', { name: '开始投票' }).click();
  await expect(chair.getByTestId('meeting-status')).toHaveText('投票中');

  const tabletContext = await browser.newContext({ viewport: { width: 600, height: 960 } });
  await voteOnTablet(await tabletContext.newPage(), recipients[0] ?? '');
  await tabletContext.close();
  for (const code of officials.slice(0, 5)) await voteByApi(code, official);
  for (const code of recipients.slice(1, 6)) await voteByApi(code, recipient);
  await expect(chair.getByTestId('ballots-total')).toHaveText('11');

  await chair.getByRole('button', { name: '结束投票' }).click();
  await expect(chair.getByTestId('meeting-status')).toHaveText('投票已结束');
  await chair.getByRole('tab', { name: '结果' }).click();
  const rows = chair.getByTestId('results').locator('tbody tr');
  await expect(rows).toHaveCount(8);
  await expect(rows.nth(0).locator('.rank')).toHaveText('1');
  await expect(rows.nth(0).locator('.name')).toHaveText('价格监督检查科');
  await expect(rows.nth(0).locator('.score')).toHaveText('94.00');
  await expect(rows.nth(1).locator('.score')).toHaveText('86.00');

  await rows.nth(0).click();
  const formula = chair.getByTestId('formula');
  await expect(formula).toContainText('服务对象·业务素质 500÷5 = 100.00（弃权1）');
  await expect(formula).toContainText('社会测评 = 0.30×80.00 + 0.70×100.00 = 94.00');
  await chair.screenshot({ path: test.info().outputPath('results.png'), fullPage: true });

  // Export the ballots, re-tally with the command and with the button.
  const downloading = chair.waitForEvent('download');
  await chair.getByTestId('export-ballots').click();
  const download = await downloading;
  const file = join(host.dataDir, download.suggestedFilename());
  await download.saveAs(file);
  const command = await run(process.execPath, [RETALLY, file, '--data', host.dataDir]);
  expect(command.stdout).toContain('MATCH');
  expect(command.stdout).toContain('价格监督检查科  94.00');
  await chair.getByTestId('retally-file').setInputFiles(file);
  await expect(chair.getByTestId('retally-report')).toContainText('一致：按文件重新计票的结果与系统中的结果完全相同（11 张选票）');

  // Veto the best object: it drops to the last place with its reason.
  await chair.getByLabel('理由（将印在结果表上）').fill('经查实存在吃拿卡要问题');
  await chair.getByRole('button', { name: '一票否决该对象' }).click();
  await expect(rows.nth(7).locator('.name')).toHaveText('价格监督检查科');
  await expect(rows.nth(7)).toContainText('经查实存在吃拿卡要问题');
  await expect(rows.nth(0).locator('.name')).toHaveText('许可科');
  // The exported file no longer matches: the veto came after the export.
  await chair.getByTestId('retally-file').setInputFiles(file);
  await expect(chair.getByTestId('retally-report')).toContainText('不一致');

  await chair.getByRole('button', { name: '确认为正式结果' }).click();
  await expect(chair.getByTestId('meeting-status')).toHaveText('结果已确认');
  await expect(chair.getByText('结果已确认为正式结果，不能再修改。')).toBeVisible();
  await expect(chair.getByRole('button', { name: '撤销一票否决' })).toHaveCount(0);
  await chair.getByRole('button', { name: '本轮合计（自评 + 测评）' }).click();
  await expect(chair.getByTestId('round-results')).toBeVisible();
  await chair.screenshot({ path: test.info().outputPath('round.png'), fullPage: true });
  await chairContext.close();
});

test('worst-first order and categories ranked separately, as the chair switches them on the results screen', async ({ browser }) => {
  // Before voting: two of the eight sections become the category 科长 (through the chair API).
  const [meeting] = await chairCall(host, 'listMeetings', {});
  if (!meeting) throw new Error('no demo meeting');
  const setup = await chairCall(host, 'meetingSetup', { meetingId: meeting.id });
  for (const object of setup.objects.slice(0, 2)) {
    await chairCall(host, 'updateObject', { objectId: object.id, name: object.name, department: object.department, category: '科长' });
  }
  const codes = await chairCall(host, 'generateCodes', { meetingId: meeting.id, spares: 0 });
  await chairCall(host, 'openVoting', { meetingId: meeting.id });
  for (const code of codes.filter((c) => c.group === 'officials').slice(0, 5)) await voteByApi(code.code, official);
  for (const code of codes.filter((c) => c.group === 'recipients').slice(0, 6)) await voteByApi(code.code, recipient);
  await chairCall(host, 'closeVoting', { meetingId: meeting.id });

  const chair = await (await browser.newContext({ viewport: { width: 1400, height: 1000 } })).newPage();
  await chair.goto(host.chairUrl);
  await chair.getByRole('tab', { name: '结果' }).click();
  const tables = chair.getByTestId('results');
  await expect(tables.locator('tbody tr')).toHaveCount(8);
  await expect(tables.locator('tbody tr').first().locator('.score')).toHaveText('94.00');

  // Worst first (最难办事): the six sections at 18.00 share the first place, the best is last.
  await chair.getByRole('combobox').selectOption({ label: '从低到高（最难办事）' });
  const rows = tables.locator('tbody tr');
  await expect(rows.first().locator('.score')).toHaveText('18.00');
  await expect(rows.first().locator('.rank')).toHaveText('1');
  await expect(rows.nth(5).locator('.rank')).toHaveText('1');
  await expect(rows.nth(6).locator('.score')).toHaveText('86.00');
  await expect(rows.nth(6).locator('.rank')).toHaveText('7');
  await expect(rows.nth(7).locator('.score')).toHaveText('94.00');

  // Each category ranked on its own: two tables under their category, each starting at 1.
  await chair.getByLabel('按类别分别排名').check();
  await expect(tables).toHaveCount(2);
  await expect(chair.getByRole('heading', { name: '类别：科长' })).toBeVisible();
  await expect(chair.getByRole('heading', { name: '类别：科室' })).toBeVisible();
  const chiefs = chair.locator('.ranking', { has: chair.getByRole('heading', { name: '类别：科长' }) }).locator('tbody tr');
  await expect(chiefs).toHaveCount(2);
  await expect(chiefs.first().locator('.rank')).toHaveText('1');
  await expect(chiefs.first().locator('.score')).toHaveText('86.00');
  await expect(chiefs.nth(1).locator('.score')).toHaveText('94.00');
  const sections = chair.locator('.ranking', { has: chair.getByRole('heading', { name: '类别：科室' }) }).locator('tbody tr');
  await expect(sections).toHaveCount(6);
  await expect(sections.locator('.rank')).toHaveText(['1', '1', '1', '1', '1', '1']);
  await chair.screenshot({ path: test.info().outputPath('by-category.png'), fullPage: true });
});

test('at 1,366 px the headers stay on one line and 明细 opens right under its row', async ({ browser }) => {
  const [meeting] = await chairCall(host, 'listMeetings', {});
  if (!meeting) throw new Error('no demo meeting');
  const codes = await chairCall(host, 'generateCodes', { meetingId: meeting.id, spares: 0 });
  await chairCall(host, 'openVoting', { meetingId: meeting.id });
  for (const code of codes.filter((c) => c.group === 'officials').slice(0, 5)) await voteByApi(code.code, official);
  for (const code of codes.filter((c) => c.group === 'recipients').slice(0, 6)) await voteByApi(code.code, recipient);
  await chairCall(host, 'closeVoting', { meetingId: meeting.id });

  const chair = await (await browser.newContext({ viewport: { width: 1366, height: 768 } })).newPage();
  chair.on('dialog', (dialog) => void dialog.accept());
  await chair.goto(host.chairUrl);
  await chair.getByRole('tab', { name: '结果' }).click();
  const table = chair.getByTestId('results');
  await expect(table.locator('tbody tr')).toHaveCount(8);
  // 名次 on one line: the header cell is no taller than one line of its text plus padding.
  const rankHeader = table.locator('thead th').first();
  await expect(rankHeader).toHaveText('名次');
  const lineHeight = await rankHeader.evaluate((el) => {
    const style = el.ownerDocument.defaultView?.getComputedStyle(el);
    return parseFloat(style?.lineHeight ?? '') || parseFloat(style?.fontSize ?? '16') * 1.5;
  });
  const headerBox = await rankHeader.boundingBox();
  expect(headerBox?.height ?? 0).toBeLessThan(lineHeight * 2);

  const row = table.locator('tbody tr').nth(6);
  await row.getByRole('button', { name: '明细' }).click();
  const detail = chair.getByTestId('object-detail');
  await expect(detail).toBeVisible();
  const rowBox = await row.boundingBox();
  const detailBox = await detail.boundingBox();
  // The detail starts right under the row it belongs to, not under the whole table.
  expect((detailBox?.y ?? 1e9) - ((rowBox?.y ?? 0) + (rowBox?.height ?? 0))).toBeLessThan(40);
  await expect(table.locator('tbody tr').nth(7)).toHaveClass(/detail-row/u);
  await chair.screenshot({ path: test.info().outputPath('detail-next-to-row.png'), fullPage: true });

  // 当场公布: only once official, the official ranking on the projector.
  await expect(chair.getByTestId('announce')).toHaveCount(0);
  await chair.getByRole('button', { name: '确认为正式结果' }).click();
  const [projector] = await Promise.all([chair.waitForEvent('popup'), chair.getByTestId('announce').click()]);
  const shown = projector.getByTestId('projector-ranking');
  await expect(shown.locator('tbody tr')).toHaveCount(8);
  await expect(shown.locator('tbody tr').first()).toContainText('94.00');
  await expect(projector.getByTestId('projector-status')).toHaveText('正式结果');
  await projector.screenshot({ path: test.info().outputPath('projector-official.png') });
});
