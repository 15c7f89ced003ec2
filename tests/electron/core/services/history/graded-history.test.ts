/**
 * A graded round's history is written when its last component is confirmed, with the round
 * totals and ranks the results show (105 sections, self + social, a veto), and the rules table
 * names the last place and totals below 70 from those stored figures. A worst-list meeting of
 * the same round adds positions and main problems. Nothing is stored before every combined
 * meeting is official.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHost, type TestHost } from '../../../../support/running-host';
import { createPrintFixture, createWorstMeeting, type PrintFixture } from '../../printing/fixture';

let t: TestHost;
let round: PrintFixture;
let campaignId: string;

beforeAll(async () => {
  t = await startTestHost({ demo: false });
  round = await createPrintFixture(t);
  const tree = await t.chair('setupTree', {});
  campaignId = tree.find((c) => c.rounds.some((r) => r.id === round.roundId))?.id ?? '';
}, 180_000);

afterAll(async () => {
  await t?.stop();
});

describe('a graded round in history', () => {
  it('stores nothing until every meeting the totals combine is official, then the totals and ranks of the results', async () => {
    await t.chair('markOfficial', { meetingId: round.socialId, confirm: true });
    let history = await t.chair('campaignHistory', { campaignId });
    expect(history.rounds[0]?.source).toBeNull();
    await t.chair('markOfficial', { meetingId: round.selfId, confirm: true });
    history = await t.chair('campaignHistory', { campaignId });
    expect(history.rounds[0]).toMatchObject({ source: 'official', hasGraded: true, hasWorst: false });
    const results = await t.chair('roundResults', { roundId: round.roundId });
    const rows = results.rankings.flatMap((r) => r.rows);
    expect(history.lines).toHaveLength(105);
    for (const row of rows) {
      const line = history.lines.find((l) => l.name === row.name && l.department === row.department);
      expect(line?.cells[0]?.graded).toMatchObject({ total: row.total, rank: row.rank, vetoed: row.vetoed, ranked: rows.filter((r) => r.rank !== null).length, source: 'official' });
    }
    const vetoed = history.lines.find((l) => l.name === round.vetoed.name && l.department === round.vetoed.department)?.cells[0]?.graded;
    expect(vetoed).toMatchObject({ vetoed: true, vetoReason: '经查实存在吃拿卡要问题', rank: 105 });
  });

  it('names the last place (the vetoed section) and every total below 70 from the stored figures', async () => {
    const consequences = await t.chair('roundConsequences', { roundId: round.roundId });
    const last = consequences.lines.find((l) => l.name === round.vetoed.name && l.department === round.vetoed.department);
    expect(last?.rules.find((r) => r.ruleId === 'graded-last')?.reason).toBe('测评第105名（共105名，倒数第1名），一票否决');
    const below = consequences.lines.filter((l) => l.graded?.total !== null && l.graded?.total !== undefined && Number(l.graded.total) < 70);
    expect(below.length).toBeGreaterThan(0);
    for (const line of below) expect(line.rules.map((r) => r.ruleId)).toContain('graded-below70');
    for (const line of consequences.lines.filter((l) => !below.includes(l))) expect(line.rules.map((r) => r.ruleId)).not.toContain('graded-below70');
  });

  it('adds the worst-list positions and main problems of the same round when that meeting is confirmed', async () => {
    const worstId = await createWorstMeeting(t, round);
    await t.chair('markOfficial', { meetingId: worstId, confirm: true });
    const history = await t.chair('campaignHistory', { campaignId });
    expect(history.rounds[0]).toMatchObject({ hasGraded: true, hasWorst: true });
    const worst = await t.chair('results', { meetingId: worstId });
    for (const row of worst.top) {
      const line = history.lines.find((l) => l.name === row.name && l.department === row.department);
      expect(line?.cells[0]?.worst?.rank).toBe(row.rank);
      expect(line?.cells[0]?.worst?.mainProblems[0]).toBe(row.mainProblems[0]?.name);
      // The rate stays on the internal sheet.
      expect(line?.cells[0]?.worst?.total).toBeNull();
    }
    // Never nominated: no position.
    // Found by department and name: section names (综合科…) repeat across departments.
    const never = round.objects[20];
    const unnamed = history.lines.find((l) => l.name === never?.name && l.department === never?.department);
    expect(unnamed).toBeDefined();
    expect(unnamed?.cells[0]?.worst?.rank).toBeNull();
  });

  it('prints the 历次评议汇总表 and the 评议结果运用建议表 from the stored rows', async () => {
    const sheet = await t.chair('printData', { meetingId: round.socialId, sheet: 'history' });
    if (sheet.sheet !== 'history') throw new Error('wrong sheet');
    expect(sheet.header.title).toBe(sheet.header.campaign);
    expect(sheet.lines).toHaveLength(105);
    const suggestion = await t.chair('printData', { meetingId: round.socialId, sheet: 'consequences' });
    if (suggestion.sheet !== 'consequences') throw new Error('wrong sheet');
    expect(suggestion.suggestion).toBe('建议（供领导决策参考，不是处理决定）');
    expect(suggestion.lines.find((l) => l.name === round.vetoed.name && l.department === round.vetoed.department)?.rules.map((r) => r.consequence)).toContain('查找原因、限期整改，整改不力的按规定进行组织处理');
  });
});
