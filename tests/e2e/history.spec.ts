/**
 * Rounds over time through real parts (issue 16): the built host as a process, Chromium for the
 * chair. A worst-list round is voted through the tablet API and confirmed; the chair copies it in
 * the console (objects keep their identity), the copy is voted and confirmed, and again; the 历次
 * tab then shows 连续2次前3名 with its rule (免去科室负责人职务) and the rounds named, the
 * results tab says the same as a suggestion, a commitment is recorded and shown in the next
 * round's setup, and the three sheets of rounds over time are printed.
 */
import { test, expect, type Page } from '@playwright/test';
import { chairCall, tabletPost } from './support/clients';
import { startHostProcess, type HostProcess } from './support/host-process';

let host: HostProcess;

test.beforeEach(async () => {
  host = await startHostProcess({ args: ['--no-demo'] });
});
test.afterEach(async () => {
  await host.stop();
});

const NAMES = ['行政审批科', '不动产登记科', '社保经办科', '城管执法中队', '市场监管所', '税务服务厅'];

async function worstMeetingOf(roundId: string): Promise<string> {
  const tree = await chairCall(host, 'setupTree', {});
  const meeting = tree.flatMap((c) => c.rounds).find((r) => r.id === roundId)?.meetings[0];
  if (!meeting) throw new Error('round without meeting');
  return meeting.id;
}

/** Everyone checked in, codes, every ballot naming `picked` with 冷, closed and confirmed: as the desk, the tablets and the chair do. */
async function voteRound(roundId: string, picked: readonly string[]): Promise<void> {
  const meetingId = await worstMeetingOf(roundId);
  for (const rep of await chairCall(host, 'checkInList', { meetingId })) {
    if (!rep.present) await chairCall(host, 'setCheckedIn', { meetingId, representativeId: rep.id, present: true });
  }
  const setup = await chairCall(host, 'meetingSetup', { meetingId });
  const ids = picked.map((name) => setup.objects.find((o) => o.name === name)?.id ?? '');
  const codes = await chairCall(host, 'generateCodes', { meetingId, spares: 0 });
  await chairCall(host, 'openVoting', { meetingId });
  for (const code of codes) {
    const answer = await tabletPost(host.tabletUrl, '/api/tablet/ballot', { code: code.code, ballot: { type: 'worst', picks: ids.map((objectId) => ({ objectId, tags: ['cold'] })) } });
    expect(answer.status).toBe(200);
  }
  await chairCall(host, 'closeVoting', { meetingId });
  await chairCall(host, 'markOfficial', { meetingId, confirm: true });
}

async function copyInConsole(chair: Page, from: string, name: string): Promise<string> {
  const round = chair.locator('.tree-round').filter({ has: chair.locator('.round-name', { hasText: from }) });
  await round.getByRole('button', { name: '复制', exact: true }).first().click();
  await chair.getByLabel('轮次名称').fill(name);
  await chair.locator('.tree-form').getByRole('button', { name: '复制', exact: true }).click();
  await expect(chair.locator('.round-name', { hasText: name })).toBeVisible();
  const tree = await chairCall(host, 'setupTree', {});
  const copied = tree.flatMap((c) => c.rounds).find((r) => r.name === name);
  if (!copied) throw new Error('copy not found');
  return copied.id;
}

async function printed(chair: Page, button: string, shot: string): Promise<Page> {
  const opening = chair.context().waitForEvent('page');
  await chair.getByRole('button', { name: button }).click();
  const sheet = await opening;
  await sheet.waitForSelector('body[data-ready=true]');
  await sheet.screenshot({ path: test.info().outputPath(shot), fullPage: true });
  return sheet;
}

test('copy a round, vote three rounds, see 连续2次前3名 with its rule', async ({ browser }) => {
  const campaign = await chairCall(host, 'createCampaign', { name: '2026年度最难办事科室群众评' });
  const first = await chairCall(host, 'createRound', { campaignId: campaign.id, name: '第一季度' });
  for (const name of NAMES) await chairCall(host, 'addObject', { roundId: first.id, name, department: '区政务服务管理局', category: '科室' });
  const meeting = await chairCall(host, 'createMeeting', { roundId: first.id, title: '最难办事科室群众评议会', kind: 'social', ballotType: 'worst', heldOn: '2026-03-30', place: '区行政中心大会议室' });
  const plan = [['npc', 3], ['cppcc', 3], ['leader', 3], ['recipient', 21]] as const;
  let n = 0;
  for (const [category, count] of plan) {
    for (let i = 0; i < count; i += 1) await chairCall(host, 'addRepresentative', { meetingId: meeting.id, name: `代表${(n += 1)}`, unit: '单位', category });
  }
  await voteRound(first.id, ['行政审批科', '不动产登记科', '社保经办科']);

  const context = await browser.newContext({ viewport: { width: 1500, height: 1000 } });
  const chair = await context.newPage();
  chair.on('dialog', (dialog) => void dialog.accept());
  await chair.goto(host.chairUrl);
  await chair.locator('[data-meeting="最难办事科室群众评议会"]').first().click();

  // The chair copies the round in the console; the copy's objects continue the same objects.
  const second = await copyInConsole(chair, '第一季度', '第二季度');
  await voteRound(second, ['行政审批科', '城管执法中队']);
  const third = await copyInConsole(chair, '第二季度', '第三季度');
  await voteRound(third, ['市场监管所']);

  // The second round's meeting, its 历次 tab.
  await chair.reload();
  const roundTwo = chair.locator('.tree-round').filter({ has: chair.locator('.round-name', { hasText: '第二季度' }) });
  await roundTwo.locator('.meeting-link').first().click();
  await chair.getByRole('tab', { name: '历次评议' }).click();
  const grid = chair.getByTestId('history-table');
  await expect(grid.locator('tbody tr')).toHaveCount(NAMES.length);
  await expect(grid.locator('thead')).toContainText('第一季度');
  await expect(grid.locator('thead')).toContainText('第三季度');
  // Sorted by the top-3 streak: 行政审批科 (2 in a row, ended by round 3) comes first among those with 2.
  const row = grid.locator('tbody tr', { hasText: '行政审批科' });
  await expect(row.locator('td.cell').nth(0)).toContainText('评差第1名（冷）');
  await expect(row.locator('td.cell').nth(1)).toContainText('⚑');
  await chair.screenshot({ path: test.info().outputPath('history-tab.png'), fullPage: true });
  await row.click();
  const panel = chair.getByTestId('history-object');
  await expect(panel).toContainText('连续2次前3名（第一季度、第二季度）');
  await expect(panel).toContainText('免去科室负责人职务');
  await expect(panel).toContainText('以下为按“结果运用规则表”列出的建议，不是处理决定。');

  // A commitment recorded for round 2 shows next to the object in round 3's setup.
  await panel.getByTestId('followup-text').fill('承诺窗口办件一次办结，三个月内整改到位');
  await panel.getByRole('button', { name: '添加记录' }).click();
  await expect(panel).toContainText('公开承诺：承诺窗口办件一次办结，三个月内整改到位');
  await chair.screenshot({ path: test.info().outputPath('history-object.png'), fullPage: true });

  // The results tab of round 2 says the same, as a suggestion.
  await chair.getByRole('tab', { name: '结果' }).click();
  const consequences = chair.getByTestId('round-consequences');
  await expect(consequences).toContainText('免去科室负责人职务（连续2次前3名（第一季度、第二季度））');
  await consequences.scrollIntoViewIfNeeded();
  await chair.screenshot({ path: test.info().outputPath('results-consequences.png'), fullPage: true });

  // The sheets.
  await chair.getByRole('tab', { name: '历次评议' }).click();
  const summary = await printed(chair, '打印历次评议汇总表', 'sheet-history.png');
  // Round 3 ended the streak: the sheet's 连续上榜 column is empty for it, the rounds say why.
  const summaryRow = summary.locator('.history-table tbody tr', { hasText: '行政审批科' });
  await expect(summaryRow.locator('td.cell')).toHaveText(['评差第1名（冷）', '评差第1名（冷）', '']);
  await expect(summaryRow.locator('td.streak')).toHaveText('');
  await expect(summary.locator('.history-table tbody tr', { hasText: '市场监管所' }).locator('td.cell')).toHaveText(['', '', '评差第1名（冷）']);
  await summary.close();
  const suggestion = await printed(chair, '打印评议结果运用建议表', 'sheet-consequences.png');
  await expect(suggestion.getByTestId('suggestion')).toHaveText('建议（供领导决策参考，不是处理决定）');
  await expect(suggestion.locator('table')).toContainText('连续2次前3名（第一季度、第二季度）');
  await suggestion.close();
  await grid.locator('tbody tr', { hasText: '行政审批科' }).click();
  const feedback = await printed(chair, '打印整改反馈表', 'sheet-rectification.png');
  await expect(feedback.locator('article')).toContainText('承诺窗口办件一次办结，三个月内整改到位');
  await feedback.close();

  const roundThree = chair.locator('.tree-round').filter({ has: chair.locator('.round-name', { hasText: '第三季度' }) });
  await roundThree.locator('.meeting-link').first().click();
  await chair.getByRole('tab', { name: '准备' }).click();
  await expect(chair.getByTestId('objects-table').locator('tr', { hasText: '行政审批科' }).getByTestId('followups-note')).toContainText('承诺与整改记录 1 条');
  await chair.screenshot({ path: test.info().outputPath('setup-followups.png'), fullPage: true });
  await context.close();
});

test('the next round’s objects imported in the console continue their objects, a rename once ticked', async ({ browser }) => {
  const campaign = await chairCall(host, 'createCampaign', { name: '2026年度群众评科长' });
  const first = await chairCall(host, 'createRound', { campaignId: campaign.id, name: '上半年' });
  for (const [department, name] of [['区财政局', '预算科'], ['区财政局', '国库科'], ['区人社局', '就业科']] as const) {
    await chairCall(host, 'addObject', { roundId: first.id, name, department, category: '科室' });
  }
  const second = await chairCall(host, 'createRound', { campaignId: campaign.id, name: '下半年' });
  await chairCall(host, 'createMeeting', { roundId: second.id, title: '下半年社会测评大会', kind: 'social', ballotType: 'graded' });

  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  const chair = await context.newPage();
  chair.on('dialog', (dialog) => void dialog.accept());
  await chair.goto(host.chairUrl);
  await chair.locator('[data-meeting="下半年社会测评大会"]').click();
  const objects = chair.getByTestId('setup-objects');
  const csv = ['单位,评议对象', '区财政局,预算科', '区财政局,国库支付科', '区人社局,就业科', '区司法局,公证科'].join('\n');
  await objects.getByLabel('从文件导入评议对象…').setInputFiles({ name: '下半年.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
  const lineage = chair.getByTestId('lineage-preview');
  await expect(lineage).toContainText('与上一轮（上半年）对照：');
  await expect(lineage).toContainText('2 个对象单位和名称相同');
  await expect(lineage).toContainText('区财政局：国库科 → 国库支付科');
  await expect(lineage).toContainText('新增对象：区司法局 公证科');
  await lineage.getByRole('checkbox').check();
  await objects.screenshot({ path: test.info().outputPath('lineage-preview.png') });
  await objects.getByRole('button', { name: '确认导入 4 行' }).click();
  await expect(objects.getByTestId('objects-table').locator('tbody tr')).toHaveCount(4);

  await chair.getByRole('tab', { name: '历次评议' }).click();
  // 预算科, 国库科 → 国库支付科, 就业科, 公证科: four objects across the two rounds, not six.
  await expect(chair.getByTestId('history-table').locator('tbody tr')).toHaveCount(4);
  await expect(chair.getByTestId('history-table')).toContainText('国库支付科');
  // The same tab in English (printed wording stays Chinese).
  await chair.getByRole('button', { name: 'English' }).click();
  await expect(chair.getByRole('heading', { name: 'Rounds of 2026年度群众评科长' })).toBeVisible();
  await expect(chair.getByTestId('rules-editor')).toContainText('Consequence rules');
  await chair.screenshot({ path: test.info().outputPath('history-english.png'), fullPage: true });
  await context.close();
});

test('the round totals show an object’s commitments and rectification entries, as the meeting ranking does', async ({ browser }) => {
  const campaign = await chairCall(host, 'createCampaign', { name: '2026年度群众评科室' });
  const round = await chairCall(host, 'createRound', { campaignId: campaign.id, name: '上半年' });
  const budget = await chairCall(host, 'addObject', { roundId: round.id, name: '预算科', department: '区财政局', category: '科室' });
  await chairCall(host, 'addObject', { roundId: round.id, name: '国库科', department: '区财政局', category: '科室' });
  const meeting = await chairCall(host, 'createMeeting', { roundId: round.id, title: '上半年社会测评大会', kind: 'social', ballotType: 'graded' });
  // 9 officials and 21 recipients: the composition a meeting needs to open.
  for (let n = 1; n <= 30; n += 1) {
    const [unit, category] = n <= 9 ? (['区人大常委会', 'npc'] as const) : (['辖区企业', 'recipient'] as const);
    const rep = await chairCall(host, 'addRepresentative', { meetingId: meeting.id, name: `代表${n}`, unit, category });
    await chairCall(host, 'setCheckedIn', { meetingId: meeting.id, representativeId: rep.id, present: true });
  }
  await chairCall(host, 'addFollowup', { objectId: budget.id, kind: 'commitment', datedOn: '2026-03-01', text: '预算批复时限压缩至五个工作日', recordedBy: 'secretary' });
  const codes = await chairCall(host, 'generateCodes', { meetingId: meeting.id, spares: 0 });
  await chairCall(host, 'openVoting', { meetingId: meeting.id });
  for (const code of codes) {
    const session = (await tabletPost(host.tabletUrl, '/api/tablet/session', { code: code.code })).body as { value: { objects: { id: string; indicatorSetId: string }[]; indicatorSets: { id: string; indicators: { id: string }[] }[] } };
    const answers = Object.fromEntries(
      session.value.objects.map((o) => [o.id, Object.fromEntries((session.value.indicatorSets.find((s) => s.id === o.indicatorSetId)?.indicators ?? []).map((i) => [i.id, 0]))]),
    );
    expect((await tabletPost(host.tabletUrl, '/api/tablet/ballot', { code: code.code, ballot: { type: 'graded', answers } })).status).toBe(200);
  }
  await chairCall(host, 'closeVoting', { meetingId: meeting.id });
  await chairCall(host, 'markOfficial', { meetingId: meeting.id, confirm: true });

  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  const chair = await context.newPage();
  await chair.goto(host.chairUrl);
  await chair.locator('[data-meeting="上半年社会测评大会"]').click();
  await chair.getByRole('tab', { name: '结果' }).click();
  await expect(chair.getByTestId('results').locator('tr', { hasText: '预算科' }).getByTestId('followups-note')).toContainText('承诺与整改记录 1 条');
  await chair.getByRole('button', { name: '本轮合计（自评 + 测评）' }).click();
  const totals = chair.getByTestId('round-results');
  await expect(totals.locator('tr', { hasText: '预算科' }).getByTestId('followups-note')).toContainText('承诺与整改记录 1 条');
  await expect(totals.locator('tr', { hasText: '国库科' }).getByTestId('followups-note')).toHaveCount(0);
  await chair.screenshot({ path: test.info().outputPath('round-totals-followups.png'), fullPage: true });
  await context.close();
});
