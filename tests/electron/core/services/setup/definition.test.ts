/** Objects, category → indicator set mapping, custom indicator sets, roster, composition, settings and the freeze. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestHost, type TestHost } from '../../../../support/running-host';
import { DEFAULT_SETTINGS } from '../../../../../shared/domain/defaults';
import { errorWords } from '../../../../../shared/i18n/error-words';
import type { LockReason } from '../../../../../shared/api/chair/setup';
import { addPeople, draftMeeting, openVoting, raw, refused, refusedUnchanged } from './helpers';

let t: TestHost;
beforeEach(async () => {
  t = await startTestHost({ demo: false });
});
afterEach(async () => {
  await t.stop();
});

const FIVE_EQUAL = ['业务', '政策', '态度', '效率', '廉洁'].map((name) => ({ name, description: `${name}说明`, weight: 20 }));

describe('evaluation objects', () => {
  it('adds, edits, reorders and removes objects; the same department and name twice is refused', async () => {
    const { roundId, meetingId } = await draftMeeting(t);
    const a = await t.chair('addObject', { roundId, name: '许可科', department: '发改局', category: '科室' });
    const b = await t.chair('addObject', { roundId, name: '王　五', department: '发改局', category: '科长' });
    const c = await t.chair('addObject', { roundId, name: '许可科', department: '市场监管局', category: '' });
    expect(b.name).toBe('王五'); // alignment spaces in a Chinese name go, as on import
    expect(c.category).toBe('科室');
    await refusedUnchanged(t, 'addObject', { roundId, name: ' 许可科 ', department: '发改局', category: '科室' }, '本轮已有评议对象“发改局 许可科”');
    await refusedUnchanged(t, 'addObject', { roundId, name: '', department: '发改局', category: '科室' }, '“评议对象名称”不能为空');
    await refusedUnchanged(t, 'updateObject', { objectId: c.id, name: '许可科', department: '发改局', category: '科室' }, '本轮已有评议对象');
    await t.chair('updateObject', { objectId: c.id, name: '登记注册科', department: '市场监管局', category: '科室' });
    await t.chair('reorderObjects', { roundId, objectIds: [c.id, a.id, b.id] });
    await refusedUnchanged(t, 'reorderObjects', { roundId, objectIds: [c.id, a.id] }, '顺序没有保存');
    await refusedUnchanged(t, 'reorderObjects', { roundId, objectIds: [c.id, a.id, a.id] }, '顺序没有保存');
    await t.chair('removeObject', { objectId: b.id, confirm: true });
    const setup = await t.chair('meetingSetup', { meetingId });
    expect(setup.objects.map((o) => o.name)).toEqual(['登记注册科', '许可科']);
    // The meeting's live definition (what tablets would get) follows.
    expect((await t.chair('getMeeting', { meetingId })).objectCount).toBe(2);
  });

  it('grades each category on its own indicator set (分类差异化考核), for existing and later objects', async () => {
    const { roundId, meetingId } = await draftMeeting(t);
    const section = await t.chair('addObject', { roundId, name: '许可科', department: '发改局', category: '科室' });
    const chief = await t.chair('addObject', { roundId, name: '张三', department: '发改局', category: '科长' });
    expect([section.indicatorSetId, chief.indicatorSetId]).toEqual(['builtin-chief', 'builtin-chief']);
    const custom = await t.chair('saveIndicatorSet', { name: '科室评议', indicators: FIVE_EQUAL.slice(0, 4).map((i) => ({ ...i, weight: 25 })) });
    await t.chair('setCategorySet', { roundId, category: '科室', indicatorSetId: custom.id });
    const later = await t.chair('addObject', { roundId, name: '价格科', department: '发改局', category: '科室' });
    const setup = await t.chair('meetingSetup', { meetingId });
    expect(setup.objects.map((o) => [o.name, o.indicatorSetId])).toEqual([
      ['许可科', custom.id],
      ['张三', 'builtin-chief'],
      ['价格科', custom.id],
    ]);
    expect(later.indicatorSetId).toBe(custom.id);
    // 4 custom indicators + 5 of 群众评科长 on the ballot.
    expect((await t.chair('getMeeting', { meetingId })).indicatorCount).toBe(9);
    await refusedUnchanged(t, 'removeIndicatorSet', { indicatorSetId: custom.id, confirm: true }, '正在使用中（2 个评议对象），不能删除');
  });
});

describe('indicator sets', () => {
  it('has the two built-in sets, read-only', async () => {
    const { meetingId } = await draftMeeting(t);
    const sets = (await t.chair('meetingSetup', { meetingId })).indicatorSets;
    expect(sets.filter((s) => s.builtin).map((s) => [s.name, s.indicators.map((i) => i.name).join('')])).toEqual([
      ['最难办事科室', '冷懒推乱贪'],
      ['群众评科长', '业务素质执行政策服务态度办事效率廉洁自律'],
    ].sort());
    expect(sets.find((s) => s.id === 'builtin-worst')?.indicators.every((i) => i.description !== '')).toBe(true);
    await refusedUnchanged(t, 'saveIndicatorSet', { indicatorSetId: 'builtin-chief', name: '群众评科长', indicators: FIVE_EQUAL }, '内置的指标体系，不能修改');
    await refusedUnchanged(t, 'removeIndicatorSet', { indicatorSetId: 'builtin-worst', confirm: true }, '内置的指标体系，不能修改或删除');
  });

  it('saves a custom set with order, weights and descriptions; weights must total 100 %', async () => {
    await draftMeeting(t);
    await refusedUnchanged(t, 'saveIndicatorSet', { name: '九十', indicators: FIVE_EQUAL.map((i, n) => ({ ...i, weight: n === 0 ? 10 : 20 })) }, '指标权重合计为 90%，应为 100%（还差 10%）');
    await refusedUnchanged(t, 'saveIndicatorSet', { name: '', indicators: FIVE_EQUAL }, '“指标体系名称”不能为空');
    await refusedUnchanged(t, 'saveIndicatorSet', { name: '群众评科长', indicators: FIVE_EQUAL }, '已有名为“群众评科长”的指标体系');
    await refusedUnchanged(t, 'saveIndicatorSet', { name: '重名', indicators: [{ name: '甲', description: '', weight: 50 }, { name: '甲', description: '', weight: 50 }] }, '第 2 项指标“甲”与第 1 项重名');
    await refusedUnchanged(t, 'saveIndicatorSet', { name: '空', indicators: [] }, '至少需要一项指标');
    await refusedUnchanged(t, 'saveIndicatorSet', { name: '负', indicators: [{ name: '甲', description: '', weight: 120 }, { name: '乙', description: '', weight: -20 }] }, '第 2 项指标的权重 -20 无效');
    const thirds = await t.chair('saveIndicatorSet', {
      name: '三项',
      indicators: [
        { name: '服务', description: '态度好', weight: 33.33 },
        { name: '效率', description: '办得快', weight: 33.33 },
        { name: '廉洁', description: '不吃拿卡要', weight: 33.34 },
      ],
    });
    expect(thirds.indicators.map((i) => [i.name, i.weight, i.description])).toEqual([
      ['服务', 33.33, '态度好'],
      ['效率', 33.33, '办得快'],
      ['廉洁', 33.34, '不吃拿卡要'],
    ]);
    // Reordering keeps the indicators' ids.
    const [first, second, third] = thirds.indicators;
    const reordered = await t.chair('saveIndicatorSet', {
      indicatorSetId: thirds.id,
      name: '三项指标',
      indicators: [third, first, second].map((i) => ({ id: i?.id, name: i?.name ?? '', description: i?.description ?? '', weight: i?.weight ?? 0 })),
    });
    expect(reordered.indicators.map((i) => i.id)).toEqual([third?.id, first?.id, second?.id]);
    expect((await t.chair('removeIndicatorSet', { indicatorSetId: thirds.id, confirm: true })).id).toBe(thirds.id);
  });
});

describe('roster and the 30 % / 70 % rule', () => {
  it('shows the composition check with the exact fix, and keeps the chair\'s override reason', async () => {
    const { meetingId } = await draftMeeting(t);
    await addPeople(t, meetingId, 9, 19);
    let setup = await t.chair('meetingSetup', { meetingId });
    expect(setup.composition).toMatchObject({ ok: false, total: 28, officials: 9, recipients: 19, fix: '再增加 2 名服务对象代表' });
    await addPeople(t, meetingId, 0, 2, 100);
    setup = await t.chair('meetingSetup', { meetingId });
    expect(setup.composition).toMatchObject({ ok: true, total: 30, fix: '' });
    expect(setup.roster.filter((r) => r.group === 'officials')).toHaveLength(9);
    await t.chair('setCompositionOverride', { meetingId, reason: '  政协委员两人因公出差  ' });
    expect((await t.chair('meetingSetup', { meetingId })).compositionOverride).toBe('政协委员两人因公出差');
    await t.chair('setCompositionOverride', { meetingId, reason: '' });
    expect((await t.chair('meetingSetup', { meetingId })).compositionOverride).toBeNull();
  });

  it('refuses empty names and the same person twice, and edits and removes people', async () => {
    const { meetingId } = await draftMeeting(t);
    const rep = await t.chair('addRepresentative', { meetingId, name: '李四', unit: '区人大', category: 'npc' });
    await refusedUnchanged(t, 'addRepresentative', { meetingId, name: '李四', unit: '区人大', category: 'npc' }, '名单中已有“李四（区人大）”');
    await refusedUnchanged(t, 'addRepresentative', { meetingId, name: ' ', unit: '区人大', category: 'npc' }, '“姓名”不能为空');
    const other = await t.chair('addRepresentative', { meetingId, name: '李四', unit: '某企业', category: 'recipient' });
    expect(other.group).toBe('recipients');
    const edited = await t.chair('updateRepresentative', { representativeId: rep.id, name: '李四', unit: '区政府', category: 'leader' });
    expect(edited).toMatchObject({ unit: '区政府', group: 'officials' });
    await t.chair('removeRepresentative', { representativeId: other.id, confirm: true });
    expect((await t.chair('meetingSetup', { meetingId })).roster.map((r) => r.unit)).toEqual(['区政府']);
  });

  it('reorders the roster, only as a whole, and the sign-in sheet follows the new order', async () => {
    const { meetingId } = await draftMeeting(t);
    const a = await t.chair('addRepresentative', { meetingId, name: '张三', unit: '区人大', category: 'npc' });
    const b = await t.chair('addRepresentative', { meetingId, name: '李四', unit: '区政协', category: 'cppcc' });
    const c = await t.chair('addRepresentative', { meetingId, name: '王五', unit: '区人大', category: 'npc' });
    const reordered = await t.chair('reorderRoster', { meetingId, representativeIds: [c.id, a.id, b.id] });
    expect(reordered.map((r) => r.name)).toEqual(['王五', '张三', '李四']);
    await refusedUnchanged(t, 'reorderRoster', { meetingId, representativeIds: [a.id, c.id] }, '顺序没有保存');
    await refusedUnchanged(t, 'reorderRoster', { meetingId, representativeIds: [a.id, c.id, c.id] }, '顺序没有保存');
    expect((await t.chair('meetingSetup', { meetingId })).roster.map((r) => r.name)).toEqual(['王五', '张三', '李四']);
    const signin = await t.chair('printData', { meetingId, sheet: 'signin' });
    if (signin.sheet !== 'signin') throw new Error('not the sign-in sheet');
    expect(signin.groups.flatMap((g) => g.people.map((p) => p.name))).toEqual(['王五', '张三', '李四']);
  });

  it('a self-evaluation roster is one group with no composition rule and no override', async () => {
    const { meetingId } = await draftMeeting(t, { kind: 'self', title: '单位自评' });
    const rep = await t.chair('addRepresentative', { meetingId, name: '赵六', unit: '办公室', category: 'staff' });
    expect(rep.group).toBe('all');
    const setup = await t.chair('meetingSetup', { meetingId });
    expect(setup.composition).toBeNull();
    await refusedUnchanged(t, 'setCompositionOverride', { meetingId, reason: '不需要' }, '没有 30%/70% 的构成要求');
  });
});

describe('settings', () => {
  it('stores settings per meeting with the defaults shown, and refuses bad ones naming the field', async () => {
    const { meetingId, roundId } = await draftMeeting(t);
    const setup = await t.chair('meetingSetup', { meetingId });
    expect(setup.defaults).toEqual(DEFAULT_SETTINGS);
    const next = {
      groupWeights: { officials: 40, recipients: 60 },
      worstK: 5,
      smallGroupK: 3,
      gradeScale: [
        { label: '好', points: 100 },
        { label: '较好', points: 85 },
        { label: '一般', points: 70 },
        { label: '差', points: 0 },
      ],
      roundingMode: 'exact' as const,
    };
    // A setting the input leaves out (added later: requireAllAnswered) takes its default; the
    // rounding mode given ('exact') is kept.
    const stored = { ...next, requireAllAnswered: false };
    expect(await t.chair('updateSettings', { meetingId, settings: next })).toEqual(stored);
    expect((await t.chair('meetingSetup', { meetingId })).settings).toEqual(stored);
    const bad = (patch: object) => ({ meetingId, settings: { ...next, ...patch } });
    await refusedUnchanged(t, 'updateSettings', bad({ groupWeights: { officials: 30, recipients: 60 } }), '“两组代表的权重”合计为 90，应为 100');
    // The points are the round's setting (updateRoundSettings), checked there.
    await refusedUnchanged(t, 'updateRoundSettings', { roundId, settings: { componentPoints: { self: 0, social: 100 } } }, '“总分构成”中单位自评的数值 0 无效');
    await refusedUnchanged(t, 'updateRoundSettings', { roundId, settings: { componentPoints: { self: 40, social: 50 } } }, '“总分构成”合计为 90，应为 100');
    await refusedUnchanged(t, 'updateSettings', bad({ worstK: 0 }), '“评差最多可选个数”应为 1 到 100 之间的整数');
    await refusedUnchanged(t, 'updateSettings', bad({ smallGroupK: 2.5 }), '“小组最少票数');
    await refusedUnchanged(t, 'updateSettings', bad({ gradeScale: [{ label: '满意', points: 100 }] }), '“评分等级”应有 2 到 10 个等级');
    await refusedUnchanged(t, 'updateSettings', bad({ gradeScale: [{ label: '满意', points: 100 }, { label: '满意', points: 50 }] }), '与前面的等级重名');
    await refusedUnchanged(t, 'updateSettings', bad({ gradeScale: [{ label: '满意', points: 60 }, { label: '不满意', points: 80 }] }), '分值依次降低');
    await refusedUnchanged(t, 'updateSettings', bad({ gradeScale: [{ label: '满意', points: 100 }, { label: '弃权', points: 0 }] }), '不能叫“弃权”');
    await refusedUnchanged(t, 'updateSettings', bad({ gradeScale: [{ label: '满意', points: 100 }, { label: '', points: 0 }] }), '“第 2 个评分等级的名称”不能为空');
  });
});

describe('round settings', () => {
  it('keeps the component points on the round, shown with every meeting of it, and copies them with the round', async () => {
    const { roundId, meetingId } = await draftMeeting(t);
    const other = await t.chair('createMeeting', { roundId, title: '单位自评', kind: 'self', ballotType: 'graded' });
    const before = await t.chair('meetingSetup', { meetingId });
    expect(before.roundSettings).toEqual({ componentPoints: { self: 50, social: 50 } });
    expect(before.roundDefaults).toEqual(before.roundSettings);
    expect(await t.chair('updateRoundSettings', { roundId, settings: { componentPoints: { self: 40, social: 60 } } })).toEqual({ componentPoints: { self: 40, social: 60 } });
    for (const id of [meetingId, other.id]) expect((await t.chair('meetingSetup', { meetingId: id })).roundSettings).toEqual({ componentPoints: { self: 40, social: 60 } });
    const copy = await t.chair('copyRound', { roundId, name: '第四季度（副本）' });
    const copied = (await t.chair('setupTree', {}))[0]?.rounds.find((r) => r.id === copy.id)?.meetings[0];
    expect((await t.chair('meetingSetup', { meetingId: copied?.id ?? '' })).roundSettings).toEqual({ componentPoints: { self: 40, social: 60 } });
    const missing = await refused(t, 'updateRoundSettings', { roundId: 'nope', settings: { componentPoints: { self: 50, social: 50 } } });
    expect(missing).toMatchObject({ code: 'round_not_found', params: {} });
  });
});

describe('freeze once voting has opened', () => {
  it('refuses every change to the opened meeting and to its round\'s objects, and says why', async () => {
    const { roundId, meetingId } = await draftMeeting(t);
    const other = await t.chair('createMeeting', { roundId, title: '单位自评', kind: 'self', ballotType: 'graded' });
    const object = await t.chair('addObject', { roundId, name: '许可科', department: '发改局', category: '科室' });
    const custom = await t.chair('saveIndicatorSet', { name: '科室评议', indicators: FIVE_EQUAL });
    await t.chair('setCategorySet', { roundId, category: '科室', indicatorSetId: custom.id });
    await addPeople(t, meetingId, 1, 1);
    const rep = (await t.chair('meetingSetup', { meetingId })).roster[0];
    await openVoting(t, meetingId);

    const setup = await t.chair('meetingSetup', { meetingId });
    // The locks are codes with params (the refusal an edit gets); the console words them.
    const lockText = (lock: LockReason | null | undefined): string => (lock ? errorWords(lock, 'zh') : '');
    expect(setup.lock).toEqual({ code: 'meeting_frozen', params: { state: 'voting' } });
    expect(lockText(setup.lock)).toContain('已开始投票，会议的定义');
    expect(lockText(setup.objectsLock)).toContain('“社会测评大会”已开始投票，本轮的评议对象和指标分配已锁定');
    expect(lockText(setup.indicatorSets.find((s) => s.id === custom.id)?.lock)).toContain('已开始投票并使用了这个指标体系');
    expect(errorWords(setup.objectsLock ?? { code: 'internal' }, 'en')).toContain('A meeting of this round has opened voting');
    const frozen = '会议的定义（评议对象、指标、设置、代表名单）已锁定';
    await refusedUnchanged(t, 'updateMeetingDetails', { meetingId, title: '改名', heldOn: '', place: '', kind: 'social', ballotType: 'graded' }, frozen);
    await refusedUnchanged(t, 'updateSettings', { meetingId, settings: { ...DEFAULT_SETTINGS, worstK: 3 } }, frozen);
    await refusedUnchanged(t, 'addRepresentative', { meetingId, name: '新人', unit: '', category: 'npc' }, frozen);
    await refusedUnchanged(t, 'updateRepresentative', { representativeId: rep?.id ?? '', name: '新人', unit: '', category: 'npc' }, frozen);
    await refusedUnchanged(t, 'removeRepresentative', { representativeId: rep?.id ?? '', confirm: true }, frozen);
    await refusedUnchanged(t, 'reorderRoster', { meetingId, representativeIds: setup.roster.map((r) => r.id).reverse() }, frozen);
    await refusedUnchanged(t, 'setCompositionOverride', { meetingId, reason: '理由' }, frozen);
    const roundFrozen = '本轮的评议对象和指标分配已锁定';
    await refusedUnchanged(t, 'addObject', { roundId, name: '新科', department: '', category: '科室' }, roundFrozen);
    await refusedUnchanged(t, 'updateObject', { objectId: object.id, name: '改名科', department: '', category: '科室' }, roundFrozen);
    await refusedUnchanged(t, 'removeObject', { objectId: object.id, confirm: true }, roundFrozen);
    await refusedUnchanged(t, 'reorderObjects', { roundId, objectIds: [object.id] }, roundFrozen);
    await refusedUnchanged(t, 'setCategorySet', { roundId, category: '科室', indicatorSetId: 'builtin-chief' }, roundFrozen);
    // The round's own setting, its component points, freezes with the round (i15).
    const pointsError = await refusedUnchanged(t, 'updateRoundSettings', { roundId, settings: { componentPoints: { self: 40, social: 60 } } }, '“社会测评大会”已开始投票，本轮的评议对象、指标分配和总分构成已锁定');
    expect(pointsError).toMatchObject({ code: 'round_frozen', params: { meeting: '社会测评大会' } });
    await refusedUnchanged(t, 'saveIndicatorSet', { indicatorSetId: custom.id, name: '科室评议', indicators: FIVE_EQUAL }, '已开始投票并使用了这个指标体系');
    // The other meeting of the round keeps its own roster and settings editable; only the objects are shared.
    expect((await raw(t, 'addRepresentative', { meetingId: other.id, name: '赵六', unit: '', category: 'staff' })).ok).toBe(true);
    expect(lockText((await t.chair('meetingSetup', { meetingId: other.id })).objectsLock)).toContain(roundFrozen);
  });
});
