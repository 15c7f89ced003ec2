import { describe, expect, it } from 'vitest';
import type { EvalObject, MeetingKind, TallyBallot } from '../../../shared/domain/model';
import {
  checkRoundInput,
  combineRound,
  formatExplanation,
  tallyGradedMeeting,
  type CombineRoundInput,
  type GradedMeetingTally,
  type RankOrder,
  type RoundingMode,
  type Veto,
} from '../../../shared/tally';
import { object, ONE_INDICATOR } from './builders';

/**
 * A meeting in which each object gets exactly the given score: a one-indicator set and a grade
 * scale whose points are those scores, one ballot per group. null leaves the object unanswered.
 */
function meetingWithScores(
  kind: MeetingKind,
  objects: readonly EvalObject[],
  scores: Readonly<Record<string, number | null>>,
  roundingMode: RoundingMode = 'printed',
): GradedMeetingTally {
  const values = [...new Set(Object.values(scores).filter((s): s is number => s !== null))];
  const groups = kind === 'self' ? (['all'] as const) : (['officials', 'recipients'] as const);
  const answers: Record<string, Record<string, number>> = {};
  for (const [id, score] of Object.entries(scores)) if (score !== null) answers[id] = { i: values.indexOf(score) };
  const ballots: TallyBallot[] = groups.map((group) => ({ group, content: { type: 'graded', answers } }));
  return tallyGradedMeeting({
    objects,
    indicatorSets: [ONE_INDICATOR],
    gradeScale: values.map((points) => ({ label: String(points), points })),
    groups,
    groupWeights: kind === 'self' ? { all: 100 } : { officials: 30, recipients: 70 },
    smallGroupK: 0,
    ballots,
    roundingMode,
  });
}

const OBJECTS = [object('a', '甲'), object('b', '乙'), object('c', '丙'), object('d', '丁')];

function round(
  self: Record<string, number | null>,
  social: Record<string, number | null>,
  order: RankOrder = 'best-first',
  vetoes: readonly Veto[] = [],
  objects: readonly EvalObject[] = OBJECTS,
  roundingMode: RoundingMode = 'printed',
) {
  return combineRound({
    objects,
    self: meetingWithScores('self', objects, self, roundingMode),
    social: meetingWithScores('social', objects, social, roundingMode),
    componentPoints: { self: 50, social: 50 },
    vetoes,
    roundingMode,
    options: { order },
  });
}

const brief = (result: ReturnType<typeof combineRound>) =>
  (result.rankings[0]?.rows ?? []).map((r) => [r.objectId, r.total?.rounded ?? null, r.rank, r.vetoed]);

describe('totals', () => {
  it('exact mode: rounds an exact 82.005 half-up to 82.01 (binary floats would print 82.00)', () => {
    const result = round({ a: 82.01 }, { a: 82 }, 'best-first', [], [object('a', '甲')], 'exact');
    const row = result.rankings[0]?.rows[0];
    expect(row?.total?.exact).toBe('16401/200');
    expect(row?.total?.rounded).toBe('82.01');
    expect(row?.total?.roundedValue).toBe(82.01);
    expect((82.01 * 0.5 + 82 * 0.5).toFixed(2)).toBe('82.00');
    // The parts: 41.005 → 41.01 and 41.00.
    expect([row?.selfPoints?.rounded, row?.socialPoints?.rounded]).toEqual(['41.01', '41.00']);
  });

  it('printed mode: each 折算 is rounded from the printed score, the total is the sum of the printed 折算', () => {
    // 41.005 → 41.01 (half-up, exactly), 41.00; total 41.01 + 41.00 = 82.01 with nothing rounded.
    const row = round({ a: 82.01 }, { a: 82 }, 'best-first', [], [object('a', '甲')]).rankings[0]?.rows[0];
    expect([row?.selfPoints?.rounded, row?.socialPoints?.rounded, row?.total?.rounded]).toEqual(['41.01', '41.00', '82.01']);
    expect(row?.total?.exact).toBe('8201/100');
    // The rows: 75.49 × 0.5 = 37.745 → 37.75 (the old sheet printed 37.74), and
    // 79.34 → 39.67 plus 77.76 → 38.88 gives 78.55 (the old sheet printed 78.54).
    const b = round({ b: 79.34 }, { b: 75.49 }, 'best-first', [], [object('b', '许可科')]).rankings[0]?.rows[0];
    expect([b?.selfPoints?.rounded, b?.socialPoints?.rounded, b?.total?.rounded]).toEqual(['39.67', '37.75', '77.42']);
    const c = round({ c: 79.34 }, { c: 77.76 }, 'best-first', [], [object('c', '许可科')]).rankings[0]?.rows[0];
    expect([c?.selfPoints?.rounded, c?.socialPoints?.rounded, c?.total?.rounded]).toEqual(['39.67', '38.88', '78.55']);
  });

  it('printed mode: ranks follow the printed total, so two rows whose parts give the same sum share a rank', () => {
    // Exactly 77.305 and 77.30: rounded once they print 77.31 and 77.30 (ranks 1 and 2), yet
    // their printed parts both add up to 77.30 + … ; printed, both are what the parts give.
    const objects = [object('a', '甲'), object('b', '乙')];
    const result = round({ a: 77.31, b: 77.3 }, { a: 77.3, b: 77.3 }, 'best-first', [], objects);
    const rows = result.rankings[0]?.rows ?? [];
    for (const r of rows) {
      const parts = [r.selfPoints?.rounded ?? '', r.socialPoints?.rounded ?? ''].map(Number);
      expect(Math.round(((parts[0] ?? 0) + (parts[1] ?? 0)) * 100)).toBe(Math.round(Number(r.total?.rounded) * 100));
    }
    expect(rows.map((r) => [r.objectId, r.selfPoints?.rounded, r.total?.rounded, r.rank])).toEqual([
      ['a', '38.66', '77.31', 1],
      ['b', '38.65', '77.30', 2],
    ]);
  });

  it('uses the component points: 40 self + 60 social', () => {
    const objects = [object('a', '甲')];
    const result = combineRound({
      objects,
      self: meetingWithScores('self', objects, { a: 90 }),
      social: meetingWithScores('social', objects, { a: 70 }),
      componentPoints: { self: 40, social: 60 },
      vetoes: [],
      options: { order: 'best-first' },
    });
    // 40·90/100 + 60·70/100 = 36 + 42 = 78
    expect(brief(result)).toEqual([['a', '78.00', 1, false]]);
  });
});

describe('ranking', () => {
  it('exact mode: ranks on the rounded total: equal rounded totals share a rank (1, 2, 2, 4), ties by name', () => {
    // totals: a 90, b (79.99 + 80)/2 = 79.995 → 80.00, c (80 + 80.008)/2 = 80.004 → 80.00, d 70
    const result = round({ a: 90, b: 79.99, c: 80, d: 70 }, { a: 90, b: 80, c: 80.008, d: 70 }, 'best-first', [], OBJECTS, 'exact');
    expect(brief(result)).toEqual([
      ['a', '90.00', 1, false],
      ['c', '80.00', 2, false], // 丙 (bǐng) before 乙 (yǐ)
      ['b', '80.00', 2, false],
      ['d', '70.00', 4, false],
    ]);
    expect(brief(round({ a: 90, b: 79.99, c: 80, d: 70 }, { a: 90, b: 80, c: 80.008, d: 70 }, 'worst-first', [], OBJECTS, 'exact'))).toEqual([
      ['d', '70.00', 1, false],
      ['c', '80.00', 2, false],
      ['b', '80.00', 2, false],
      ['a', '90.00', 4, false],
    ]);
  });

  it('best-first: vetoed objects come after the others, ranked among themselves by name', () => {
    const vetoes = [
      { objectId: 'a', reason: '吃拿卡要' },
      { objectId: 'c', reason: '乱收费' },
    ];
    expect(brief(round({ a: 90, b: 80, c: 85, d: 70 }, { a: 90, b: 80, c: 85, d: 70 }, 'best-first', vetoes))).toEqual([
      ['b', '80.00', 1, false],
      ['d', '70.00', 2, false],
      ['c', '85.00', 3, true], // 丙 before 甲
      ['a', '90.00', 4, true],
    ]);
  });

  it('worst-first: vetoed objects take ranks 1..v, the others continue from v+1', () => {
    const vetoes = [
      { objectId: 'a', reason: '吃拿卡要' },
      { objectId: 'c', reason: '乱收费' },
    ];
    expect(brief(round({ a: 90, b: 80, c: 85, d: 80 }, { a: 90, b: 80, c: 85, d: 80 }, 'worst-first', vetoes))).toEqual([
      ['c', '85.00', 1, true],
      ['a', '90.00', 2, true],
      ['d', '80.00', 3, false], // 丁 before 乙
      ['b', '80.00', 3, false],
    ]);
  });

  it('places a vetoed object even without a total, and explains the veto', () => {
    const result = round({ a: 90, b: 80, c: null, d: 70 }, { a: 90, b: 80, c: 50, d: 70 }, 'worst-first', [
      { objectId: 'c', reason: '吃拿卡要' },
      { objectId: 'c', reason: '经纪检部门核实' },
    ]);
    expect(brief(result)).toEqual([
      ['c', null, 1, true],
      ['d', '70.00', 2, false],
      ['b', '80.00', 3, false],
      ['a', '90.00', 4, false],
    ]);
    const c = result.rankings[0]?.rows[0];
    expect(c?.vetoReason).toBe('吃拿卡要；经纪检部门核实');
    expect(formatExplanation(c?.explanation ?? { steps: [] }, 'zh')).toBe(
      '单位自评结果不完整（本单位干部职工无评分）；社会测评得分 = 50×50.00÷100 = 25.00；总分不完整，不推算；一票否决：吃拿卡要；经纪检部门核实。',
    );
  });

  it('says when a meeting did not evaluate the object at all', () => {
    const all = [object('a', '甲'), object('b', '乙')];
    const result = combineRound({
      objects: all,
      self: meetingWithScores('self', [object('a', '甲')], { a: 80 }),
      social: meetingWithScores('social', all, { a: 80, b: 80 }),
      componentPoints: { self: 50, social: 50 },
      vetoes: [],
      options: { order: 'best-first' },
    });
    const b = result.rankings[0]?.rows[1];
    expect(b?.missing).toEqual([{ component: 'self', reason: 'not-evaluated', missingGroups: [] }]);
    expect(formatExplanation(b?.explanation ?? { steps: [] }, 'zh')).toBe(
      '单位自评未评议该对象；社会测评得分 = 50×80.00÷100 = 40.00；总分不完整，不推算。',
    );
  });

  it('lists incomplete rows last, unranked, and says which component is missing and why', () => {
    const objects = [object('a', '甲'), object('b', '乙')];
    const social = tallyGradedMeeting({
      objects,
      indicatorSets: [ONE_INDICATOR],
      gradeScale: [{ label: '满意', points: 100 }],
      groups: ['officials', 'recipients'],
      groupWeights: { officials: 30, recipients: 70 },
      smallGroupK: 0,
      ballots: [
        { group: 'officials', content: { type: 'graded', answers: { a: { i: 0 } } } },
        { group: 'recipients', content: { type: 'graded', answers: { a: { i: 0 }, b: { i: 0 } } } },
      ],
    });
    const result = combineRound({
      objects,
      self: meetingWithScores('self', objects, { a: 80, b: 80 }),
      social,
      componentPoints: { self: 50, social: 50 },
      vetoes: [],
      options: { order: 'best-first' },
    });
    expect(brief(result)).toEqual([
      ['a', '90.00', 1, false],
      ['b', null, null, false],
    ]);
    const b = result.rankings[0]?.rows[1];
    expect(b?.missing).toEqual([{ component: 'social', reason: 'incomplete', missingGroups: ['officials'] }]);
    expect(b?.selfPoints?.rounded).toBe('40.00');
    expect(formatExplanation(b?.explanation ?? { steps: [] }, 'en')).toBe(
      'self points = 50×80.00/100 = 40.00; social result incomplete (no answers from officials); total incomplete, not estimated.',
    );

    const notHeld = combineRound({
      objects,
      self: null,
      social,
      componentPoints: { self: 50, social: 50 },
      vetoes: [],
      options: { order: 'best-first' },
    });
    expect(notHeld.rankings[0]?.rows.map((r) => [r.objectId, r.rank, r.missing.map((m) => `${m.component}:${m.reason}`)])).toEqual([
      ['a', null, ['self:not-held']],
      ['b', null, ['self:not-held', 'social:incomplete']],
    ]);
  });

  it('ranks each category separately with byCategory, categories in order of first appearance', () => {
    const objects = [
      object('a', '甲', { category: '科室' }),
      object('b', '乙', { category: '科长' }),
      object('c', '丙', { category: '科室' }),
      object('d', '丁', { category: '科长' }),
    ];
    const scores = { a: 90, b: 80, c: 85, d: 95 };
    const result = combineRound({
      objects,
      self: meetingWithScores('self', objects, scores),
      social: meetingWithScores('social', objects, scores),
      componentPoints: { self: 50, social: 50 },
      vetoes: [],
      options: { order: 'best-first', byCategory: true },
    });
    expect(result.byCategory).toBe(true);
    expect(result.rankings.map((r) => [r.category, r.rows.map((row) => [row.objectId, row.rank])])).toEqual([
      ['科室', [['a', 1], ['c', 2]]],
      ['科长', [['d', 1], ['b', 2]]],
    ]);
    const whole = combineRound({ objects, self: null, social: null, componentPoints: { self: 50, social: 50 }, vetoes: [], options: { order: 'best-first' } });
    expect(whole.rankings.map((r) => r.category)).toEqual([null]);
  });
});

describe('round input checks', () => {
  const objects = [object('a', '甲')];
  const self = meetingWithScores('self', objects, { a: 80 });
  const social = meetingWithScores('social', objects, { a: 80 });
  const good: CombineRoundInput = { objects, self, social, componentPoints: { self: 50, social: 50 }, vetoes: [], options: { order: 'best-first' } };
  const cases: [string, CombineRoundInput, string][] = [
    ['a social tally given as self', { ...good, self: social }, 'tally.meeting'],
    ['a self tally given as social', { ...good, social: self }, 'tally.meeting'],
    ['a veto of an unknown object', { ...good, vetoes: [{ objectId: 'zz', reason: 'x' }] }, 'tally.veto'],
    ['a veto without a reason', { ...good, vetoes: [{ objectId: 'a', reason: ' ' }] }, 'tally.veto'],
    ['negative points', { ...good, componentPoints: { self: -1, social: 50 } }, 'tally.settings'],
  ];
  it.each(cases)('rejects %s', (_, input, code) => {
    const checked = checkRoundInput(input);
    expect(checked.ok ? null : checked.error.code).toBe(code);
    expect(() => combineRound(input)).toThrow(code);
  });
});
