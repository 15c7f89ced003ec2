/**
 * One meeting's results through real parts: the demo meeting voted through the tablet API over
 * HTTP, stored in a real SQLite file, tallied and read back through the chair API.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestHost, type TestHost } from '../../../../support/running-host';
import { addMeeting, chairRaw, demoMeeting, graded, openMeeting, vote, worst } from './helpers';

let t: TestHost;
beforeEach(async () => {
  t = await startTestHost();
});
afterEach(async () => {
  await t.stop();
});

// Grades: 0 = 满意 100, 1 = 比较满意 80, 2 = 基本满意 60, 3 = 不满意 0.
// Officials: object 0 → 100, object 1 → 80, others 60. Recipients: object 0 → 80, object 1 → 100,
// others 0; the first recipient abstains on object 1's first indicator (业务素质).
// By hand: object 1 = 0.3·80 + 0.7·100 = 94.00; object 0 = 0.3·100 + 0.7·80 = 86.00; others 0.3·60 = 18.00.
async function voteDemo(officials: number, recipients: number): Promise<{ meetingId: string; receipts: string[] }> {
  const { meetingId } = demoMeeting(t);
  const codes = await openMeeting(t, meetingId);
  const receipts: string[] = [];
  for (const code of codes.officials.slice(0, officials)) receipts.push(await vote(t, code, graded((o) => (o === 0 ? 0 : o === 1 ? 1 : 2))));
  for (const [r, code] of codes.recipients.slice(0, recipients).entries()) {
    receipts.push(await vote(t, code, graded((o, i) => (o === 0 ? 1 : o === 1 ? (r === 0 && i === 0 ? null : 0) : 3))));
  }
  return { meetingId, receipts };
}

describe('a meeting frozen before a setting existed', () => {
  it('reads its frozen and stored settings with the new settings defaulted, and tallies as before', async () => {
    const { meetingId } = await voteDemo(5, 6);
    await t.chair('closeVoting', { meetingId });
    const expected = await t.chair('results', { meetingId });
    // Rewrite both JSON columns as a version without requireAllAnswered / roundingMode wrote them.
    const db = t.host.core.store.db;
    const row = db.prepare('SELECT settings_json, frozen_json FROM meetings WHERE id = ?').get(meetingId) as { settings_json: string; frozen_json: string };
    const strip = (settings: Record<string, unknown>) => {
      const { requireAllAnswered: _a, roundingMode: _b, ...rest } = settings;
      return rest;
    };
    const frozen = JSON.parse(row.frozen_json) as { settings: Record<string, unknown> };
    db.prepare('UPDATE meetings SET settings_json = ?, frozen_json = ? WHERE id = ?').run(
      JSON.stringify(strip(JSON.parse(row.settings_json) as Record<string, unknown>)),
      JSON.stringify({ ...frozen, settings: strip(frozen.settings) }),
      meetingId,
    );
    expect(db.prepare('SELECT frozen_json FROM meetings WHERE id = ?').get(meetingId)).not.toMatchObject({ frozen_json: expect.stringContaining('roundingMode') });
    expect((await t.chair('meetingSetup', { meetingId })).settings).toMatchObject({ requireAllAnswered: false, roundingMode: 'printed' });
    expect((await t.chair('results', { meetingId })).rows).toEqual(expected.rows);
  });
});

describe('graded meeting results', () => {
  it('gives no result while voting is open, then the hand-computed ranking once it closed', async () => {
    const { meetingId } = await voteDemo(5, 6);
    const early = await chairRaw(t, 'results', { meetingId });
    expect(early).toMatchObject({ ok: false, error: { code: 'voting_not_closed' } });
    await t.chair('closeVoting', { meetingId });

    const results = await t.chair('results', { meetingId });
    expect(results.ballots).toBe(11);
    expect(results.groups.map((g) => [g.group, g.ballots, g.hidden])).toEqual([['officials', 5, false], ['recipients', 6, false]]);
    expect(results.rows.map((r) => [r.name, r.rank, r.score])).toEqual([
      ['价格监督检查科', 1, '94.00'],
      ['许可科', 2, '86.00'],
      // Six objects tie at 18.00 and share rank 3, ordered by name inside the tie.
      ...results.rows.slice(2).map((r) => [r.name, 3, '18.00']),
    ]);
    expect(results.rows).toHaveLength(8);

    const second = results.rows[0];
    const recipients = second?.groups.find((g) => g.group === 'recipients');
    expect(recipients?.figure).toBe('100.00');
    expect(recipients?.indicators[0]).toMatchObject({ name: '业务素质', answered: 5, abstentions: 1, mean: '100.00' });
    expect(recipients?.indicators[1]).toMatchObject({ answered: 6, abstentions: 0, mean: '100.00' });
    // The formula with this object's own numbers, line by line.
    expect(second?.formula.zh).toContain('服务对象·业务素质 500÷5 = 100.00（弃权1）');
    expect(second?.formula.zh).toContain('社会测评 = 0.30×80.00 + 0.70×100.00 = 94.00');
    expect(second?.formula.en).toContain('social = 0.30×80.00 + 0.70×100.00 = 94.00');
  });

  it('ranks worst-first and per category when the chair asks', async () => {
    // Two of the demo objects become 科长 before voting opens (the definition freezes at open).
    const { meetingId: demoId } = demoMeeting(t);
    for (const object of (await t.chair('meetingSetup', { meetingId: demoId })).objects.filter((o) => ['许可科', '登记注册科'].includes(o.name))) {
      await t.chair('updateObject', { objectId: object.id, name: object.name, department: object.department, category: '科长' });
    }
    const { meetingId } = await voteDemo(5, 5);
    await t.chair('closeVoting', { meetingId });
    const worstFirst = await t.chair('results', { meetingId, order: 'worst-first' });
    expect(worstFirst.rows.map((r) => r.rank)).toEqual([1, 1, 1, 1, 1, 1, 7, 8]);
    expect(worstFirst.rows.at(-1)?.name).toBe('价格监督检查科');
    const byCategory = await t.chair('results', { meetingId, byCategory: true });
    expect(byCategory.rankings.map((r) => [r.category, r.rows.map((row) => `${row.rank}:${row.name}`)])).toEqual([
      ['科长', ['1:许可科', '2:登记注册科']],
      ['科室', expect.arrayContaining(['1:价格监督检查科', '2:项目管理科'])],
    ]);
  });

  it('hides every per-group figure when a group has fewer than k ballots, in what the API returns', async () => {
    const { meetingId } = await voteDemo(3, 6);
    await t.chair('closeVoting', { meetingId });
    const results = await t.chair('results', { meetingId });
    expect(results.groups.map((g) => [g.group, g.hidden, g.hiddenReason])).toEqual([
      ['officials', true, 'small'],
      ['recipients', true, 'complement'],
    ]);
    // The object score stays; no group figure, indicator mean or formula step of a group does.
    expect(results.rows[0]).toMatchObject({ name: '价格监督检查科', score: '94.00' });
    for (const row of results.rows) {
      for (const group of row.groups) expect(group).toMatchObject({ figure: null, count: null, indicators: [] });
      expect(row.formula.zh.join('\n')).not.toMatch(/÷|80\.00|100\.00/u);
      expect(row.formula.zh).toContain('人大代表、政协委员、分管领导不足5票，分组数据不公开');
    }
    // Nothing in the whole answer carries an officials' indicator figure (80.00 appears only in them).
    const text = JSON.stringify(results);
    expect(text).not.toContain('"mean"');
    expect(text).not.toContain('80.00');
    const exported = await t.chair('exportResults', { meetingId, format: 'csv' });
    const csv = Buffer.from(exported.base64, 'base64').toString('utf8');
    expect(csv).toContain('不公开');
    expect(csv).not.toContain('80.00');
  });

  it('publishes the receipts sorted, exactly those the tablets got, with no content', async () => {
    const { meetingId, receipts } = await voteDemo(5, 5);
    expect(await chairRaw(t, 'receipts', { meetingId })).toMatchObject({ ok: false, error: { code: 'voting_not_closed' } });
    await t.chair('closeVoting', { meetingId });
    const list = await t.chair('receipts', { meetingId });
    expect(list.receipts).toEqual([...receipts].sort());
    const file = await t.chair('exportReceipts', { meetingId, format: 'csv' });
    const lines = Buffer.from(file.base64, 'base64').toString('utf8').replace(/^\uFEFF/u, '').trim().split(/\r?\n/u);
    expect(lines[0]).toBe('序号,回执码');
    expect(lines.slice(1).map((l) => l.split(',')[1])).toEqual([...receipts].sort());
  });
});

describe('worst-list meeting results', () => {
  it('ranks by combined nomination rate with main problems, and a veto takes first place', async () => {
    const { roundId } = demoMeeting(t);
    const meetingId = await addMeeting(t, { roundId, kind: 'social', ballotType: 'worst', title: '最难办事科室评议', roster: { officials: 9, recipients: 21 } });
    const codes = await openMeeting(t, meetingId);
    // Officials (5): all name object 2 with 冷 (tag 0); two also name object 3 with 推 (tag 2).
    for (const [i, code] of codes.officials.slice(0, 5).entries()) await vote(t, code, worst(i < 2 ? [[2, [0]], [3, [2]]] : [[2, [0]]]));
    // Recipients (10): four name object 3 with 推 and 懒; one names object 2 with nothing ticked.
    for (const [i, code] of codes.recipients.slice(0, 10).entries()) await vote(t, code, worst(i < 4 ? [[3, [1, 2]]] : i === 4 ? [[2, []]] : []));
    await t.chair('closeVoting', { meetingId });

    // Object 2 (项目管理科): officials 5/5 = 100 %, recipients 1/10 = 10 % → 0.3·100 + 0.7·10 = 37.00 %.
    // Object 3 (登记注册科): officials 2/5 = 40 %, recipients 4/10 = 40 % → 40.00 %.
    const results = await t.chair('results', { meetingId });
    expect(results.order).toBe('worst-first');
    expect(results.rows.slice(0, 2).map((r) => [r.rank, r.name, r.score, r.nominations])).toEqual([
      [1, '登记注册科', '40.00', 6],
      [2, '项目管理科', '37.00', 6],
    ]);
    expect(results.rows[0]?.mainProblems.map((p) => [p.name, p.count])).toEqual([['推', 6], ['懒', 4]]);
    expect(results.rows[0]?.formula.zh).toContain('综合提名率 = 0.30×40.00% + 0.70×40.00% = 40.00%');
    expect(results.top.map((r) => r.name)).toEqual(['登记注册科', '项目管理科']);

    const object = results.rows.find((r) => r.name === '用地审批科');
    await t.chair('setVeto', { meetingId, objectId: object?.objectId ?? '', reason: '经查实存在吃拿卡要问题' });
    const vetoed = await t.chair('results', { meetingId });
    expect(vetoed.rows[0]).toMatchObject({ rank: 1, name: '用地审批科', vetoed: true, note: '一票否决：经查实存在吃拿卡要问题' });
    expect(vetoed.rows[1]).toMatchObject({ rank: 2, name: '登记注册科' });
    expect(vetoed.top[0]?.name).toBe('用地审批科');
  });
});
