/**
 * The chair console offers only what the meeting's lifecycle allows (shared/domain/lifecycle.ts):
 * one meeting walked through draft → open → paused → open → closed → official, and at each status
 * the buttons that core would refuse are greyed out (aria-disabled) or absent, and a blocked
 * button says why when tapped. The transitions are made through the chair API; the console
 * follows through the core's pushed events, as a second console on the same laptop would.
 */
import { test, expect, type Page } from '@playwright/test';
import { startHostProcess, type HostProcess } from './support/host-process';
import { chairCall, gradedBallot, tabletPost } from './support/clients';
import type { BallotDefinition } from '../../shared/api/tablet-schemas';

let host: HostProcess;
test.beforeEach(async () => {
  host = await startHostProcess();
});
test.afterEach(async () => {
  await host.stop();
});

async function votingButtons(chair: Page): Promise<string[]> {
  await chair.getByRole('tab', { name: '投票' }).click();
  const names = ['生成评议码', '开始投票', '恢复投票', '暂停投票', '结束投票'];
  const shown: string[] = [];
  for (const name of names) if ((await chair.getByRole('button', { name, exact: true }).count()) > 0) shown.push(name);
  return shown;
}

async function expectStatus(chair: Page, text: string): Promise<void> {
  await expect(chair.getByTestId('meeting-status')).toHaveText(text);
}

test('every status offers only what core accepts, and a blocked button says why', async ({ browser }) => {
  const chair = await (await browser.newContext({ viewport: { width: 1366, height: 768 } })).newPage();
  chair.on('dialog', (dialog) => void dialog.dismiss());
  await chair.goto(host.chairUrl);
  const [meeting] = await chairCall(host, 'listMeetings', {});
  const meetingId = meeting?.id ?? '';
  const remove = chair.getByTestId('remove-meeting');

  // 准备中: everything may change; removing is offered.
  await expectStatus(chair, '准备中');
  await expect(remove).toBeEnabled();
  expect(await votingButtons(chair)).toEqual(['生成评议码', '开始投票']);

  const codes = (await chairCall(host, 'generateCodes', { meetingId, spares: 0 })).map((c) => c.code);
  await chairCall(host, 'openVoting', { meetingId });
  // 投票中: removing is refused by core, so the button is greyed out and a tap says why.
  await expectStatus(chair, '投票中');
  await expect(remove).toBeDisabled();
  await expect(remove).toHaveAttribute('title', /正在投票/);
  // Playwright refuses to click an aria-disabled element; a real tap is not refused.
  await remove.click({ force: true });
  await expect(chair.getByTestId('why')).toContainText('正在投票，不能删除');
  expect(await votingButtons(chair)).toEqual(['生成评议码', '暂停投票', '结束投票']);
  // The setup is frozen: no editing control is offered, the lock says why.
  await chair.getByRole('tab', { name: '准备' }).click();
  await expect(chair.getByTestId('setup-lock')).toContainText('已锁定');
  await expect(chair.getByRole('button', { name: '保存会议信息' })).toHaveCount(0);
  await expect(chair.getByRole('button', { name: '添加评议对象' })).toHaveCount(0);

  await chairCall(host, 'pauseVoting', { meetingId });
  await expectStatus(chair, '已暂停');
  await expect(remove).toBeDisabled();
  expect(await votingButtons(chair)).toEqual(['生成评议码', '恢复投票', '结束投票']);

  await chairCall(host, 'openVoting', { meetingId });
  await expectStatus(chair, '投票中');
  const definition = (await tabletPost(host.tabletUrl, '/api/tablet/session', { code: codes[0] })).body.value as BallotDefinition;
  const answer = await tabletPost(host.tabletUrl, '/api/tablet/ballot', { code: codes[0], submissionKey: 'lifecycle-test-key-000000', ballot: gradedBallot(definition, () => 0) });
  expect(answer.status).toBe(200);
  await chairCall(host, 'closeVoting', { meetingId });

  // 投票已结束 with a ballot: the record stays; no voting control, no code generation; vetoes and 确认 offered.
  await expectStatus(chair, '投票已结束');
  await expect(remove).toBeDisabled();
  await expect(remove).toHaveAttribute('title', /已有选票/);
  expect(await votingButtons(chair)).toEqual([]);
  await chair.getByRole('tab', { name: '签到' }).click();
  await expect(chair.getByRole('button', { name: '撤销签到' })).toHaveCount(0);
  await chair.getByRole('tab', { name: '结果' }).click();
  await expect(chair.getByRole('button', { name: '确认为正式结果' })).toBeEnabled();
  await chair.getByTestId('results').locator('tbody tr').first().click();
  await expect(chair.getByRole('button', { name: '一票否决该对象' })).toHaveCount(1);

  await chairCall(host, 'markOfficial', { meetingId, confirm: true });
  // 结果已确认: nothing changes any more.
  await expectStatus(chair, '结果已确认');
  await chair.getByRole('tab', { name: '结果' }).click();
  await expect(chair.getByRole('button', { name: '确认为正式结果' })).toHaveCount(0);
  await chair.getByTestId('results').locator('tbody tr').first().click();
  await expect(chair.getByRole('button', { name: '一票否决该对象' })).toHaveCount(0);
  await expect(remove).toBeDisabled();
});

test('opening voting asks for the date and place when they are missing, then opens', async ({ browser }) => {
  const chair = await (await browser.newContext({ viewport: { width: 1366, height: 768 } })).newPage();
  chair.on('dialog', (dialog) => void dialog.accept());
  const [meeting] = await chairCall(host, 'listMeetings', {});
  const meetingId = meeting?.id ?? '';
  const view = await chairCall(host, 'getMeeting', { meetingId });
  await chairCall(host, 'updateMeetingDetails', { meetingId, title: view.title, kind: view.kind, ballotType: view.ballotType, heldOn: view.heldOn, place: '' });
  await chairCall(host, 'generateCodes', { meetingId, spares: 0 });
  // The console opens after both changes, so it shows them (no race with pushed events).
  await chair.goto(host.chairUrl);
  await expect(chair.locator('.meeting-head .muted')).toContainText(view.heldOn);
  await expect(chair.locator('.meeting-head .muted')).not.toContainText('区政务服务中心');
  await chair.getByRole('tab', { name: '投票' }).click();
  await expect(chair.getByTestId('turnout').locator('tfoot th.num').nth(2)).toHaveText('30');
  await chair.getByRole('button', { name: '开始投票' }).click();
  const prompt = chair.getByTestId('details-prompt');
  await expect(prompt).toContainText('请填写会议日期和地点');
  await expect(chair.getByTestId('meeting-status')).toHaveText('准备中');
  await expect(prompt.getByRole('button', { name: '保存并开始投票' })).toBeDisabled();
  await prompt.getByLabel('地点').fill('区政务服务中心三楼会议室');
  await prompt.getByRole('button', { name: '保存并开始投票' }).click();
  await expect(chair.getByTestId('meeting-status')).toHaveText('投票中');
  await expect(prompt).toHaveCount(0);
  expect((await chairCall(host, 'getMeeting', { meetingId })).place).toBe('区政务服务中心三楼会议室');
});

test('a self-evaluation meeting shows no group weights, which do not apply to it', async ({ browser }) => {
  const chair = await (await browser.newContext({ viewport: { width: 1366, height: 768 } })).newPage();
  await chair.goto(host.chairUrl);
  const [demo] = await chairCall(host, 'listMeetings', {});
  const setup = await chairCall(host, 'meetingSetup', { meetingId: demo?.id ?? '' });
  await chairCall(host, 'createMeeting', { roundId: setup.meeting.roundId, title: '本单位自评', kind: 'self', ballotType: 'graded' });
  await chair.getByRole('tab', { name: '准备' }).click();
  await expect(chair.getByTestId('group-weights')).toContainText('两组代表的权重');
  await chair.locator('[data-meeting="本单位自评"]').click();
  await expect(chair.getByTestId('setup-details').locator('input').first()).toHaveValue('本单位自评');
  await expect(chair.getByTestId('setup-settings')).toBeVisible();
  await expect(chair.getByTestId('group-weights')).toHaveCount(0);
});
