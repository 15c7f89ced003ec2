/**
 * Preparing a meeting through the console from files, as the secretary does: campaign, round and
 * meeting from the tree; objects from an .xlsx with a bad row (previewed, then skipped); a GBK CSV
 * roster one short of the 30 % / 70 % rule, fixed live; a custom indicator set (a 90 % total is
 * refused live); a setting. Then the host restarts on the same data folder and everything is back.
 * With PINGYI_SCREENSHOTS=<folder> each setup screen is also saved as a PNG to look at.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { test, expect, type Locator, type Page } from '@playwright/test';
import { startHostProcess, type HostProcess } from './support/host-process';

const SHOTS = process.env['PINGYI_SCREENSHOTS'];
if (SHOTS) mkdirSync(SHOTS, { recursive: true });

async function shot(target: Page | Locator, name: string): Promise<void> {
  if (SHOTS) await target.screenshot({ path: join(SHOTS, `${name}.png`), ...('goto' in target ? { fullPage: true } : {}) });
}

async function objectsXlsx(dir: string): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('评议对象');
  sheet.addRow(['2026年度民主评议对象名单']);
  sheet.addRow(['序号', '单位', '评议对象', '类别']);
  const rows: [string, string, string][] = [
    ['发展和改革局', '许可科', '科室'],
    ['发展和改革局', '价格监督检查科', '科室'],
    ['市场监督管理局', '登记注册科', '科室'],
    ['市场监督管理局', '', '科室'],
    ['自然资源局', '王建国', '科长'],
    ['自然资源局', '李秀英', '科长'],
  ];
  rows.forEach((r, i) => sheet.addRow([i + 1, ...r]));
  const file = join(dir, '评议对象.xlsx');
  writeFileSync(file, Buffer.from(await workbook.xlsx.writeBuffer()));
  return file;
}

/** 9 officials and 19 recipients: 28 people, the rule asks for 2 more recipients. */
function rosterGbkCsv(dir: string): string {
  const lines = ['序号,姓名,工作单位,代表类别'];
  const officials = ['人大代表', '政协委员', '分管领导'];
  for (let i = 0; i < 9; i++) lines.push(`${lines.length},代表${i + 1},区人大常委会,${officials[i % 3]}`);
  for (let i = 0; i < 19; i++) lines.push(`${lines.length},企业代表${i + 1},第${i + 1}有限公司,服务对象`);
  const file = join(dir, '代表名单.csv');
  writeFileSync(file, iconv.encode(lines.join('\r\n') + '\r\n', 'gbk'));
  return file;
}

let host: HostProcess;

test.afterEach(async () => {
  await host.stop();
});

test('prepares a meeting from files through the console and finds it again after a restart', async ({ browser }) => {
  const files = mkdtempSync(join(tmpdir(), 'pingyi-setup-files-'));
  host = await startHostProcess({ args: ['--no-demo'] });
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  const page = await context.newPage();
  page.on('dialog', (dialog) => void dialog.accept());
  await page.goto(host.chairUrl);
  const tree = page.getByTestId('meeting-tree');
  await expect(tree.getByText('还没有评议活动')).toBeVisible();

  // Campaign → round → meeting from the tree; an empty name is refused with a message.
  await tree.getByRole('button', { name: '新建评议活动' }).click();
  await tree.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('alert')).toContainText('“评议活动名称”不能为空');
  await tree.getByLabel('评议活动名称').fill('2026年度群众评科长');
  await tree.getByRole('button', { name: '保存' }).click();
  await tree.getByRole('button', { name: '新建轮次' }).click();
  await tree.getByLabel('轮次名称').fill('第四季度');
  await tree.getByRole('button', { name: '保存' }).click();
  await tree.getByRole('button', { name: '新建会议' }).click();
  await tree.getByLabel('会议名称').fill('第四季度社会测评大会');
  await shot(tree, '01-tree-new-meeting');
  await tree.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('heading', { name: '第四季度社会测评大会' })).toBeVisible();
  await expect(page.getByRole('tab', { name: '准备' })).toHaveAttribute('aria-selected', 'true');

  // Details.
  const details = page.getByTestId('setup-details');
  await details.getByLabel('会议日期').fill('2026-12-20');
  await details.getByLabel('会议地点').fill('区政务服务中心三楼会议室');
  await details.getByRole('button', { name: '保存会议信息' }).click();
  await expect(details.getByText('已保存')).toBeVisible();
  await shot(page, '02-setup-top');

  // Objects from .xlsx: the preview names the bad row; nothing is saved until confirmed.
  const objects = page.getByTestId('setup-objects');
  await objects.getByLabel('从文件导入评议对象…').setInputFiles(await objectsXlsx(files));
  const objectsPreview = objects.getByTestId('import-preview');
  await expect(objectsPreview).toContainText('共 6 行，可导入 5 行。');
  await expect(objectsPreview.getByTestId('preview-problems')).toContainText('第 6 行：评议对象名称为空');
  await expect(objects.getByTestId('objects-table').locator('tbody tr')).toHaveText(/还没有评议对象/);
  await expect(objectsPreview.getByRole('button', { name: '确认导入 5 行' })).toBeDisabled();
  await shot(objects, '03-objects-preview');
  await objectsPreview.getByLabel('跳过有错误的行，只导入正确的行').check();
  await objectsPreview.getByRole('button', { name: '确认导入 5 行' }).click();
  await expect(objects.getByTestId('objects-table').locator('tbody tr')).toHaveCount(5);
  // Reorder: the last object moves up one.
  await objects.getByTestId('objects-table').locator('tbody tr').nth(4).getByRole('button', { name: '上移' }).click();
  await expect(objects.getByTestId('objects-table').locator('tbody tr').nth(3)).toContainText('李秀英');
  await shot(objects, '04-objects-table');

  // A custom indicator set: 90 % is refused live, 100 % saves; 科长 are graded on it.
  const sets = page.getByTestId('setup-sets');
  await sets.getByRole('button', { name: '新建指标体系' }).click();
  const editor = sets.getByTestId('set-editor');
  await editor.getByLabel('指标体系名称').fill('科长履职评议');
  for (const [n, name] of ['依法行政', '服务群众', '工作效率', '廉洁自律', '团结协作'].entries()) {
    await editor.getByLabel(`第 ${n + 1} 项指标名称`).fill(name);
  }
  await editor.getByLabel('第 5 项指标权重').fill('10');
  await expect(editor.getByTestId('weight-total')).toHaveText('指标权重合计为 90%，应为 100%（还差 10%）');
  await shot(sets, '05-set-editor-90');
  await editor.getByRole('button', { name: '保存指标体系' }).click();
  await expect(page.getByRole('alert')).toContainText('指标权重合计为 90%');
  await editor.getByLabel('第 5 项指标权重').fill('20');
  await expect(editor.getByTestId('weight-total')).toHaveText('权重合计 100%');
  await editor.getByRole('button', { name: '保存指标体系' }).click();
  await expect(sets.locator('[data-set="科长履职评议"]')).toBeVisible();
  await sets.getByLabel('“科长”使用的指标体系').selectOption({ label: '科长履职评议' });
  await expect(objects.getByTestId('objects-table').locator('tbody tr', { hasText: '王建国' })).toContainText('科长履职评议');
  await shot(sets, '06-indicator-sets');

  // Roster from a GBK CSV: the preview shows the composition it would give, then the live panel.
  const roster = page.getByTestId('setup-roster');
  await roster.getByLabel('从文件导入代表名单…').setInputFiles(rosterGbkCsv(files));
  const rosterPreview = roster.getByTestId('import-preview');
  await expect(rosterPreview).toContainText('CSV（GBK 编码）');
  await expect(rosterPreview.getByTestId('composition-fix')).toHaveText('➜ 再增加 2 名服务对象代表');
  await shot(roster, '07-roster-preview');
  await rosterPreview.getByRole('button', { name: '确认导入 28 行' }).click();
  await expect(roster.getByTestId('roster-table').locator('tbody tr')).toHaveCount(28);
  await expect(roster.getByTestId('composition').first()).toContainText('再增加 2 名服务对象代表');
  await roster.getByTestId('override').getByRole('textbox').fill('两名企业代表因故缺席，经研究按 28 人召开');
  await roster.getByRole('button', { name: '保存理由' }).click();
  await expect(roster.getByText('已记录例外理由')).toBeVisible();
  await shot(roster, '08-roster-override');
  const add = roster.getByTestId('add-person');
  for (const name of ['赵企业', '钱企业']) {
    await add.getByLabel('姓名').fill(name);
    await add.getByLabel('工作单位').fill('辖区企业');
    await add.getByRole('button', { name: '添加代表' }).click();
    await expect(roster.getByTestId('roster-table')).toContainText(name);
  }
  await expect(roster.getByTestId('composition').first()).toContainText('符合“不少于 30 人、官员类代表占 30%”的要求');
  // The last one added moves up one place (the sign-in sheet follows the roster's order).
  const rosterRows = roster.getByTestId('roster-table').locator('tbody tr');
  await rosterRows.nth(29).getByRole('button', { name: '上移' }).click();
  await expect(rosterRows.nth(28)).toContainText('钱企业');
  await expect(rosterRows.nth(29)).toContainText('赵企业');
  await shot(roster, '09-roster-ok');

  // Settings: the defaults are shown; K changes.
  const settings = page.getByTestId('setup-settings');
  await expect(settings).toContainText('默认：30 / 70');
  await expect(settings).toContainText('默认：满意 100 / 比较满意 80 / 基本满意 60 / 不满意 0');
  await settings.getByLabel('评差最多可选').fill('8');
  await settings.getByRole('button', { name: '保存设置' }).click();
  await expect(settings.getByText('已保存')).toBeVisible();
  await shot(settings, '10-settings');
  // The round's component points: its own setting, saved on its own; a wrong total is worded by the console.
  const points = settings.getByTestId('round-points');
  await points.getByLabel('单位自评').fill('40');
  await points.getByRole('button', { name: '保存本轮总分构成' }).click();
  await expect(points).toContainText('“总分构成”合计为 90，应为 100（单位自评 + 社会测评），请调整后再保存。');
  await shot(settings, '10-settings-points-refused');
  await points.getByLabel('社会测评').fill('60');
  await points.getByRole('button', { name: '保存本轮总分构成' }).click();
  await expect(points.getByText('已保存')).toBeVisible();

  // English is available.
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByTestId('setup-roster')).toContainText('Meets the rule');
  await shot(page, '11-setup-english');
  await page.getByRole('button', { name: '中文' }).click();
  await context.close();

  // Restart on the same data folder: everything prepared is back.
  const dataDir = host.dataDir;
  await host.stop();
  host = await startHostProcess({ dataDir, args: ['--no-demo'] });
  const again = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  await again.goto(host.chairUrl);
  await expect(again.getByRole('heading', { name: '第四季度社会测评大会' })).toBeVisible();
  await expect(again.getByTestId('setup-objects').getByTestId('objects-table').locator('tbody tr')).toHaveCount(5);
  await expect(again.getByTestId('setup-objects').locator('tbody tr', { hasText: '王建国' })).toContainText('科长履职评议');
  await expect(again.getByTestId('setup-roster').getByTestId('roster-table').locator('tbody tr')).toHaveCount(30);
  await expect(again.getByTestId('setup-roster').getByTestId('roster-table').locator('tbody tr').nth(28)).toContainText('钱企业');
  await expect(again.getByTestId('setup-roster').getByTestId('override').getByRole('textbox')).toHaveValue('两名企业代表因故缺席，经研究按 28 人召开');
  await expect(again.getByTestId('setup-settings').getByLabel('评差最多可选')).toHaveValue('8');
  await expect(again.getByTestId('round-points').getByLabel('社会测评')).toHaveValue('60');
  await expect(again.getByTestId('setup-details').getByLabel('会议地点')).toHaveValue('区政务服务中心三楼会议室');
  await again.close();
});
