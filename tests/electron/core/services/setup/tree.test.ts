/** Campaigns → rounds → meetings through the chair API: create, rename, remove, copy, and restart. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fullBallot, openDemoMeeting, startTestHost, tempDir, type TestHost } from '../../../../support/running-host';
import { addPeople, draftMeeting, openVoting, raw, refused, refusedUnchanged } from './helpers';

let t: TestHost;
beforeEach(async () => {
  t = await startTestHost({ demo: false });
});
afterEach(async () => {
  await t.stop();
});

describe('campaigns, rounds and meetings', () => {
  it('builds the tree in the order things were created, with new meetings as drafts on the default settings', async () => {
    const { campaignId, roundId, meetingId } = await draftMeeting(t);
    await t.chair('createRound', { campaignId, name: '第一季度' });
    await t.chair('createMeeting', { roundId, title: '单位自评', kind: 'self', ballotType: 'graded' });
    const tree = await t.chair('setupTree', {});
    expect(tree.map((c) => c.name)).toEqual(['2026年度群众评科长']);
    expect(tree[0]?.rounds.map((r) => r.name)).toEqual(['第四季度', '第一季度']);
    expect(tree[0]?.rounds[0]?.meetings.map((m) => [m.title, m.kind, m.status])).toEqual([
      ['社会测评大会', 'social', 'draft'],
      ['单位自评', 'self', 'draft'],
    ]);
    const setup = await t.chair('meetingSetup', { meetingId });
    expect(setup.settings).toEqual(setup.defaults);
    expect(setup.settings.groupWeights).toEqual({ officials: 30, recipients: 70 });
    expect(setup.meeting).toMatchObject({ heldOn: '2026-12-20', place: '区政务服务中心', campaign: '2026年度群众评科长', round: '第四季度' });
  });

  it('refuses empty and duplicate names, naming the field, and changes nothing', async () => {
    const { campaignId, roundId } = await draftMeeting(t);
    await refusedUnchanged(t, 'createCampaign', { name: '   ' }, '“评议活动名称”不能为空');
    await refusedUnchanged(t, 'createCampaign', { name: '2026年度群众评科长' }, '已有名为“2026年度群众评科长”的评议活动');
    await refusedUnchanged(t, 'createRound', { campaignId, name: '第四季度' }, '已有名为“第四季度”的轮次');
    await refusedUnchanged(t, 'createMeeting', { roundId, title: '社会测评大会', kind: 'self', ballotType: 'graded' }, '本轮中已有名为“社会测评大会”的会议');
    await refusedUnchanged(t, 'createMeeting', { roundId, title: '', kind: 'self', ballotType: 'graded' }, '“会议名称”不能为空');
    await refusedUnchanged(t, 'createMeeting', { roundId, title: '长'.repeat(101), kind: 'self', ballotType: 'graded' }, '“会议名称”太长（101 个字）');
    await refusedUnchanged(t, 'createMeeting', { roundId, title: '自评', kind: 'self', ballotType: 'graded', heldOn: '12月20日' }, '“会议日期”应写成 2026-11-23 这样的格式');
  });

  it('renames campaigns, rounds and meetings, and edits a draft meeting\'s details', async () => {
    const { campaignId, roundId, meetingId } = await draftMeeting(t);
    await t.chair('renameCampaign', { campaignId, name: '2027年度群众评科长' });
    await t.chair('renameRound', { roundId, name: '第一季度' });
    await t.chair('updateMeetingDetails', { meetingId, title: '第一季度评差大会', heldOn: '2027-03-30', place: '三楼', kind: 'social', ballotType: 'worst' });
    const setup = await t.chair('meetingSetup', { meetingId });
    expect(setup.meeting).toMatchObject({ campaign: '2027年度群众评科长', round: '第一季度', title: '第一季度评差大会', heldOn: '2027-03-30', ballotType: 'worst' });
  });

  it('removes only with explicit confirmation', async () => {
    const { meetingId } = await draftMeeting(t);
    const error = await refused(t, 'removeMeeting', { meetingId } as never);
    expect(error.code).toBe('bad_input');
    expect((await raw(t, 'removeMeeting', { meetingId, confirm: true })).ok).toBe(true);
    expect((await t.chair('setupTree', {}))[0]?.rounds[0]?.meetings).toEqual([]);
  });

  it('refuses to remove a meeting, its round or its campaign once it has ballots, and while voting is open', async () => {
    const demo = await startTestHost();
    try {
      const { meetingId, officials } = await openDemoMeeting(demo);
      const tree = await demo.chair('setupTree', {});
      const campaignId = tree[0]?.id ?? '';
      const roundId = tree[0]?.rounds[0]?.id ?? '';
      await refusedUnchanged(demo, 'removeMeeting', { meetingId, confirm: true }, '正在投票，不能删除这场会议。请先结束投票');
      const code = officials[0] ?? '';
      const definition = (await demo.tablet('/api/tablet/session', { code })).body.value;
      await demo.tablet('/api/tablet/ballot', { code, ballot: fullBallot(definition, () => 0) });
      await demo.chair('closeVoting', { meetingId });
      await refusedUnchanged(demo, 'removeMeeting', { meetingId, confirm: true }, '已有 1 张选票，不能删除这场会议');
      await refusedUnchanged(demo, 'removeRound', { roundId, confirm: true }, '已有 1 张选票，不能删除轮次“第四季度”');
      await refusedUnchanged(demo, 'removeCampaign', { campaignId, confirm: true }, '已有 1 张选票，不能删除评议活动');
    } finally {
      await demo.stop();
    }
  });

  it('copies a meeting as a draft with its roster (nobody checked in), settings and override, but no codes or ballots', async () => {
    const { meetingId } = await draftMeeting(t);
    await addPeople(t, meetingId, 9, 21);
    const settings = { ...(await t.chair('meetingSetup', { meetingId })).settings, worstK: 8 };
    await t.chair('updateSettings', { meetingId, settings });
    await t.chair('setCompositionOverride', { meetingId, reason: '两名政协委员临时请假' });
    await openVoting(t, meetingId);
    const copy = await t.chair('copyMeeting', { meetingId, title: '社会测评大会（补充）' });
    expect(copy.status).toBe('draft');
    const setup = await t.chair('meetingSetup', { meetingId: copy.id });
    expect(setup.roster).toHaveLength(30);
    expect(setup.settings.worstK).toBe(8);
    expect(setup.compositionOverride).toBe('两名政协委员临时请假');
    const db = t.host.core.store.db;
    expect(db.prepare('SELECT COUNT(*) AS n FROM codes WHERE meeting_id = ?').get(copy.id)).toEqual({ n: 0 });
    expect(db.prepare('SELECT COUNT(*) AS n FROM representatives WHERE meeting_id = ? AND checked_in = 1').get(copy.id)).toEqual({ n: 0 });
    expect(db.prepare('SELECT frozen_json FROM meetings WHERE id = ?').get(copy.id)).toEqual({ frozen_json: null });
    await refusedUnchanged(t, 'copyMeeting', { meetingId, title: '社会测评大会' }, '已有名为“社会测评大会”的会议');
  });

  it('copies a whole round in one action: objects, category mapping, meetings with rosters and settings, all drafts', async () => {
    const { roundId, meetingId } = await draftMeeting(t);
    await t.chair('createMeeting', { roundId, title: '单位自评', kind: 'self', ballotType: 'graded' });
    await t.chair('addObject', { roundId, name: '许可科', department: '发改局', category: '科室' });
    await t.chair('addObject', { roundId, name: '张科长', department: '发改局', category: '科长' });
    const custom = await t.chair('saveIndicatorSet', { name: '科室五项', indicators: [{ name: '甲', description: '', weight: 50 }, { name: '乙', description: '', weight: 50 }] });
    await t.chair('setCategorySet', { roundId, category: '科室', indicatorSetId: custom.id });
    await addPeople(t, meetingId, 9, 21);
    await openVoting(t, meetingId);

    const copy = await t.chair('copyRound', { roundId, name: '2027年第一季度' });
    const round = (await t.chair('setupTree', {}))[0]?.rounds.find((r) => r.id === copy.id);
    expect(round?.meetings.map((m) => [m.title, m.status])).toEqual([
      ['社会测评大会', 'draft'],
      ['单位自评', 'draft'],
    ]);
    const setup = await t.chair('meetingSetup', { meetingId: round?.meetings[0]?.id ?? '' });
    expect(setup.objectsLock).toBeNull();
    expect(setup.objects.map((o) => [o.name, o.indicatorSetId])).toEqual([
      ['许可科', custom.id],
      ['张科长', 'builtin-chief'],
    ]);
    expect(setup.categorySets).toEqual([{ category: '科室', indicatorSetId: custom.id }]);
    expect(setup.roster).toHaveLength(30);
    // The copy's objects are new rows: editing them leaves the original round alone.
    await t.chair('addObject', { roundId: copy.id, name: '新科室', department: '发改局', category: '科室' });
    expect((await t.chair('meetingSetup', { meetingId })).objects).toHaveLength(2);
    await refusedUnchanged(t, 'copyRound', { roundId, name: '第四季度' }, '已有名为“第四季度”的轮次');
  });

  it('keeps everything across a restart of the host on the same data folder', async () => {
    const dataDir = tempDir();
    const first = await startTestHost({ dataDir, demo: false });
    const { meetingId, roundId } = await draftMeeting(first);
    await first.chair('addObject', { roundId, name: '许可科', department: '发改局', category: '科室' });
    await addPeople(first, meetingId, 2, 3);
    await first.chair('setCompositionOverride', { meetingId, reason: '试点会议' });
    const before = await first.chair('meetingSetup', { meetingId });
    await first.stop();
    const second = await startTestHost({ dataDir, demo: false });
    try {
      expect(await second.chair('meetingSetup', { meetingId })).toEqual(before);
    } finally {
      await second.stop();
    }
  });
});
