/** The consequence rules on hand-made histories: streaks, bottom places, totals below a line, deductions, committee labels. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONSEQUENCE_RULES, consequenceRulesSchema, rulesMet, ruleConditionText, type ConsequenceRule } from '../../shared/history/consequence-rules';
import type { HistoryEntry, HistoryMeasure } from '../../shared/history/model';
import type { ObjectEntries } from '../../shared/history/consecutive';

const rounds = ['r1', 'r2', 'r3', 'r4'].map((id, i) => ({ roundId: id, name: `第${i + 1}轮` }));

function entry(roundId: string, measure: HistoryMeasure, rank: number | null, total: string | null = null, ranked = 20): HistoryEntry {
  return { roundId, objectKey: 'k', measure, name: '预算科', department: '区财政局', category: '科室', total, rank, categoryRank: null, ranked, categoryRanked: null, mainProblems: [], vetoed: false, vetoReason: null, source: 'official' };
}

function entries(list: readonly HistoryEntry[]): ObjectEntries {
  const map = new Map<string, Partial<Record<HistoryMeasure, HistoryEntry>>>();
  for (const e of list) map.set(e.roundId, { ...map.get(e.roundId), [e.measure]: e });
  return map;
}

const ids = (rules: readonly ConsequenceRule[], roundId: string, list: readonly HistoryEntry[], measureRounds = { graded: rounds, worst: rounds }, labels: string[] = []): string[] =>
  rulesMet(rules, { roundId, measureRounds, entries: entries(list), labels }).map((m) => m.ruleId);

describe('consequence rules', () => {
  it('counts consecutive worst-list rounds; a round outside the top breaks the streak', () => {
    const list = [entry('r1', 'worst', 2), entry('r2', 'worst', 12), entry('r3', 'worst', 3), entry('r4', 'worst', 1)];
    expect(ids(DEFAULT_CONSEQUENCE_RULES, 'r3', list)).toEqual(['worst-top10', 'worst-top3', 'worst-deduction']);
    const met = rulesMet(DEFAULT_CONSEQUENCE_RULES, { roundId: 'r4', measureRounds: { graded: [], worst: rounds }, entries: entries(list), labels: [] });
    expect(met.find((m) => m.ruleId === 'worst-top3x2')).toMatchObject({ reason: '连续2次前3名（第3轮、第4轮）', rounds: ['第3轮', '第4轮'], count: 2 });
    expect(met.find((m) => m.ruleId === 'worst-deduction')?.reason).toBe('评差第1名：扣 10 分');
  });

  it('skips rounds without a worst-list meeting: they neither break nor extend a streak', () => {
    const list = [entry('r1', 'worst', 1), entry('r3', 'worst', 2)];
    const worstRounds = [rounds[0], rounds[2]].filter((r) => r !== undefined);
    expect(ids(DEFAULT_CONSEQUENCE_RULES, 'r3', list, { graded: [], worst: worstRounds })).toContain('worst-top3x2');
    // Where r2 held a worst list and the object was not on it, the streak breaks.
    expect(ids(DEFAULT_CONSEQUENCE_RULES, 'r3', list)).not.toContain('worst-top3x2');
  });

  it('names the last graded place and a total below 70', () => {
    const list = [entry('r1', 'graded', 20, '68.50', 20)];
    const met = rulesMet(DEFAULT_CONSEQUENCE_RULES, { roundId: 'r1', measureRounds: { graded: rounds, worst: [] }, entries: entries(list), labels: [] });
    expect(met.map((m) => [m.ruleId, m.reason])).toEqual([
      ['graded-below70', '总分 68.50 分，低于 70 分'],
      ['graded-last', '测评第20名（共20名，倒数第1名）'],
    ]);
    expect(ids(DEFAULT_CONSEQUENCE_RULES, 'r1', [entry('r1', 'graded', 19, '70.00', 20)])).toEqual([]);
  });

  it('meets a committee rule only where the committee recorded its label, and never a disabled rule', () => {
    expect(ids(DEFAULT_CONSEQUENCE_RULES, 'r1', [], undefined, ['2026年上半年蜗牛奖'])).toEqual(['committee-snail']);
    const off = DEFAULT_CONSEQUENCE_RULES.map((r) => ({ ...r, enabled: false }));
    expect(ids(off, 'r4', [entry('r4', 'worst', 1)])).toEqual([]);
  });

  it('describes every default condition, and refuses duplicate rule ids', () => {
    expect(DEFAULT_CONSEQUENCE_RULES.map(ruleConditionText)).toEqual([
      '评差前10名',
      '评差前3名',
      '连续2次评差前3名',
      '连续3次评差前3名',
      '测评总分低于70分',
      '评差第1至10名（扣 10、9、8、7、6、5、4、3、2、1 分）',
      '测评排名末位',
      '评审委员会评定',
    ]);
    expect(consequenceRulesSchema.safeParse([...DEFAULT_CONSEQUENCE_RULES, DEFAULT_CONSEQUENCE_RULES[0]]).success).toBe(false);
    expect(consequenceRulesSchema.safeParse(DEFAULT_CONSEQUENCE_RULES).success).toBe(true);
  });
});
