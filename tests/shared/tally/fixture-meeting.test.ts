/**
 * A hand-computed meeting: 30 social ballots (9 officials + 21 recipients) and 12 self ballots
 * on five sections, with abstentions. Every expected number below is worked out by hand in the
 * comments and asserted.
 *
 * Indicators: c 业务素质 weight 50, a 服务态度 weight 30, e 办事效率 weight 20.
 * Grades (DEFAULT_GRADE_SCALE): '0' 满意 100, '1' 比较满意 80, '2' 基本满意 60, '3' 不满意 0,
 * '-' 弃权. One character per ballot.
 *
 * The hand computation below is exact (roundingMode 'exact', rounded once); the printed chain
 * of the default mode is worked out by hand for section A at the end.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_GRADE_SCALE } from '../../../shared/domain/defaults';
import type { IndicatorSet } from '../../../shared/domain/model';
import {
  combineRound,
  tallyGradedMeeting,
  type GradedGroupFigures,
  type GradedMeetingInput,
  type GradedMeetingTally,
  type GradedObjectResult,
} from '../../../shared/tally';
import { gradedBallots, object, type Columns } from './builders';

const SET: IndicatorSet = {
  id: 'set',
  name: '三项',
  indicators: [
    { id: 'c', name: '业务素质', description: '', weight: 50 },
    { id: 'a', name: '服务态度', description: '', weight: 30 },
    { id: 'e', name: '办事效率', description: '', weight: 20 },
  ],
};
const OBJECTS = [
  object('A', '科室甲'),
  object('B', '科室乙'),
  object('C', '科室丙'),
  object('D', '科室丁'),
  object('E', '科室戊'),
];

const OFFICIALS: Columns = {
  A: { c: '000000111', a: '00000111-', e: '000111222' },
  B: { c: '111111111', a: '000011111', e: '---------' },
  C: { c: '000000000', a: '000000000', e: '222222222' },
  // D: every official abstains on every indicator, so D is left out of their ballots.
  D: { c: '---------', a: '---------', e: '---------' },
  E: { c: '000000000', a: '000000000', e: '222222222' },
};
const RECIPIENTS: Columns = {
  A: { c: '000000011111112222222', a: '0000000000-2222222222', e: '111111111111113333333' },
  B: { c: '222222222222222222222', a: '000222222222222222222', e: '1111111111111111111--' },
  C: { c: '111111111111111111111', a: '111111111111111111111', e: '111111111111111111111' },
  D: { c: '000000000000000000000', a: '---------------------', e: '333333333333333333333' },
  E: { c: '111111111111111111111', a: '111111111111111111111', e: '111111111111111111111' },
};
const CADRES: Columns = {
  A: { c: '000000000000', a: '000000111111', e: '111111111111' },
  B: { c: '111111111111', a: '111111111111', e: '111111111111' },
  C: { c: '000000222222', a: '0000001111--', e: '000111222333' },
  D: { c: '000000000000', a: '000000000000', e: '000000000000' },
  E: { c: '000000222222', a: '0000001111--', e: '000111222333' },
};

const socialInput: GradedMeetingInput = {
  objects: OBJECTS,
  indicatorSets: [SET],
  gradeScale: DEFAULT_GRADE_SCALE,
  groups: ['officials', 'recipients'],
  groupWeights: { officials: 30, recipients: 70 },
  smallGroupK: 5,
  ballots: [
    ...gradedBallots({ group: 'officials', count: 9, columns: OFFICIALS }),
    ...gradedBallots({ group: 'recipients', count: 21, columns: RECIPIENTS }),
  ],
  roundingMode: 'exact',
};
const social = tallyGradedMeeting(socialInput);
const self = tallyGradedMeeting({
  objects: OBJECTS,
  indicatorSets: [SET],
  gradeScale: DEFAULT_GRADE_SCALE,
  groups: ['all'],
  groupWeights: { all: 100 },
  smallGroupK: 5,
  ballots: gradedBallots({ group: 'all', count: 12, columns: CADRES }),
  roundingMode: 'exact',
});

function row(tally: GradedMeetingTally, id: string): GradedObjectResult {
  const found = tally.objects.find((o) => o.objectId === id);
  if (found === undefined) throw new Error(`no row ${id}`);
  return found;
}

function group(tally: GradedMeetingTally, id: string, index: number): GradedGroupFigures {
  const found = row(tally, id).groups[index];
  if (found === undefined || found.redacted) throw new Error(`no group ${index} for ${id}`);
  return found;
}

/** [answered, abstentions, sum, mean] for c, a, e. */
function indicators(figures: GradedGroupFigures): (string | number | null)[][] {
  return figures.indicators.map((i) => [i.answered, i.abstentions, i.sumPoints, i.mean?.rounded ?? null]);
}

describe('hand-computed social meeting (9 officials + 21 recipients)', () => {
  it('counts ballots per group', () => {
    expect(social.ballotsCast).toBe(30);
    expect(social.groups.map((g) => [g.group, g.ballots, g.small, g.hidden])).toEqual([
      ['officials', 9, false, false],
      ['recipients', 21, false, false],
    ]);
  });

  it('section A', () => {
    const officials = group(social, 'A', 0);
    // c: 6×100 + 3×80 = 840, 840/9 = 93.333… → 93.33
    // a: 5×100 + 3×80 = 740 over 8 answers (1 弃权), 740/8 = 92.50
    // e: 3×100 + 3×80 + 3×60 = 720, 720/9 = 80.00
    expect(indicators(officials)).toEqual([
      [9, 0, 840, '93.33'],
      [8, 1, 740, '92.50'],
      [9, 0, 720, '80.00'],
    ]);
    expect(officials.answeredBallots).toBe(9);
    // (50·840/9 + 30·92.5 + 20·80) / 100 = (14000/3 + 2775 + 1600) / 100 = 27125/300 = 90.41666… → 90.42
    expect(officials.score?.rounded).toBe('90.42');
    expect(officials.score?.exact).toBe('1085/12');

    const recipients = group(social, 'A', 1);
    // c: 7×100 + 7×80 + 7×60 = 1680, /21 = 80.00
    // a: 10×100 + 10×60 = 1600 over 20 (1 弃权) = 80.00
    // e: 14×80 + 7×0 = 1120, /21 = 53.333… → 53.33
    expect(indicators(recipients)).toEqual([
      [21, 0, 1680, '80.00'],
      [20, 1, 1600, '80.00'],
      [21, 0, 1120, '53.33'],
    ]);
    // (50·80 + 30·80 + 20·160/3) / 100 = (6400 + 3200/3) / 100 = 224/3 = 74.666… → 74.67
    expect(recipients.score?.rounded).toBe('74.67');
    // social = 0.3·1085/12 + 0.7·224/3 = 217/8 + 784/15 = 9527/120 = 79.391666… → 79.39
    expect(row(social, 'A').score?.exact).toBe('9527/120');
    expect(row(social, 'A').score?.rounded).toBe('79.39');
  });

  it('section B: an indicator no official answered is left out of both sums', () => {
    const officials = group(social, 'B', 0);
    // c: 9×80 = 720 → 80.00; a: 4×100 + 5×80 = 800 → 800/9 = 88.888… → 88.89; e: nobody (9 弃权)
    expect(indicators(officials)).toEqual([
      [9, 0, 720, '80.00'],
      [9, 0, 800, '88.89'],
      [0, 9, 0, null],
    ]);
    // (50·80 + 30·800/9) / (50 + 30) = (4000 + 8000/3) / 80 = 250/3 = 83.333… → 83.33 (not /100: 66.67)
    expect(officials.score?.rounded).toBe('83.33');
    const recipients = group(social, 'B', 1);
    // c: 21×60 = 1260 → 60.00; a: 3×100 + 18×60 = 1380 → 460/7 = 65.714… → 65.71;
    // e: 19×80 = 1520 over 19 (2 弃权) → 80.00
    expect(indicators(recipients)).toEqual([
      [21, 0, 1260, '60.00'],
      [21, 0, 1380, '65.71'],
      [19, 2, 1520, '80.00'],
    ]);
    // (50·60 + 30·460/7 + 20·80) / 100 = (4600 + 13800/7) / 100 = 460/7 → 65.71
    expect(recipients.score?.rounded).toBe('65.71');
    // social = 0.3·250/3 + 0.7·460/7 = 25 + 46 = 71.00 exactly
    expect(row(social, 'B').score?.exact).toBe('71');
    expect(row(social, 'B').score?.rounded).toBe('71.00');
  });

  it('sections C and E (same ballots)', () => {
    for (const id of ['C', 'E']) {
      // officials: c 900/9 = 100, a 900/9 = 100, e 9×60 = 540/9 = 60 → (5000 + 3000 + 1200)/100 = 92.00
      expect(indicators(group(social, id, 0))).toEqual([
        [9, 0, 900, '100.00'],
        [9, 0, 900, '100.00'],
        [9, 0, 540, '60.00'],
      ]);
      expect(group(social, id, 0).score?.rounded).toBe('92.00');
      // recipients: 80 everywhere → 80.00
      expect(group(social, id, 1).score?.rounded).toBe('80.00');
      // social = 0.3·92 + 0.7·80 = 27.6 + 56 = 83.60
      expect(row(social, id).score?.rounded).toBe('83.60');
    }
  });

  it('section D: no official answered, so D is incomplete and never re-weighted', () => {
    const officials = group(social, 'D', 0);
    expect(officials.answeredBallots).toBe(0);
    expect(officials.score).toBeNull();
    expect(indicators(officials)).toEqual([
      [0, 9, 0, null],
      [0, 9, 0, null],
      [0, 9, 0, null],
    ]);
    const recipients = group(social, 'D', 1);
    // c: 21×100 → 100; a: all 21 弃权; e: 21×0 → 0. (50·100 + 20·0) / 70 = 500/7 = 71.428… → 71.43
    expect(indicators(recipients)).toEqual([
      [21, 0, 2100, '100.00'],
      [0, 21, 0, null],
      [21, 0, 0, '0.00'],
    ]);
    expect(recipients.score?.rounded).toBe('71.43');
    expect(row(social, 'D').incomplete).toBe(true);
    expect(row(social, 'D').missingGroups).toEqual(['officials']);
    // Not 71.43 (recipients alone) and not 0.7·71.43: no score at all.
    expect(row(social, 'D').score).toBeNull();
  });
});

describe('hand-computed self-evaluation (12 cadres)', () => {
  it('scores', () => {
    // A: c 100; a 6×100 + 6×80 = 1080/12 = 90; e 80 → (5000 + 2700 + 1600)/100 = 93.00
    expect(row(self, 'A').score?.rounded).toBe('93.00');
    // B: 80 everywhere → 80.00
    expect(row(self, 'B').score?.rounded).toBe('80.00');
    // C, E: c 6×100 + 6×60 = 960/12 = 80; a 6×100 + 4×80 = 920 over 10 (2 弃权) = 92;
    //       e 3×100 + 3×80 + 3×60 + 3×0 = 720/12 = 60 → (4000 + 2760 + 1200)/100 = 79.60
    expect(indicators(group(self, 'C', 0))).toEqual([
      [12, 0, 960, '80.00'],
      [10, 2, 920, '92.00'],
      [12, 0, 720, '60.00'],
    ]);
    expect(row(self, 'C').score?.rounded).toBe('79.60');
    expect(row(self, 'E').score?.rounded).toBe('79.60');
    // D: 100 everywhere
    expect(row(self, 'D').score?.rounded).toBe('100.00');
  });
});

describe('hand-computed round', () => {
  // Points are half of each score (50 points each):
  //   A: 93/2 = 46.50 + 9527/240 = 39.6958… → 39.70; total 20687/240 = 86.1958… → 86.20
  //   B: 40.00 + 35.50 = 75.50
  //   C, E: 39.80 + 41.80 = 81.60
  //   D: 50.00 + (social incomplete) → no total
  const summary = (order: 'best-first' | 'worst-first', vetoes: readonly { objectId: string; reason: string }[] = []) =>
    (
      combineRound({ objects: OBJECTS, self, social, componentPoints: { self: 50, social: 50 }, vetoes, roundingMode: 'exact', options: { order } }).rankings[0]
        ?.rows ?? []
    ).map((r) => [r.objectId, r.selfPoints?.rounded ?? null, r.socialPoints?.rounded ?? null, r.total?.rounded ?? null, r.rank]);

  it('best-first: 1, 2, 2, 4 and D unranked', () => {
    expect(summary('best-first')).toEqual([
      ['A', '46.50', '39.70', '86.20', 1],
      ['C', '39.80', '41.80', '81.60', 2],
      ['E', '39.80', '41.80', '81.60', 2],
      ['B', '40.00', '35.50', '75.50', 4],
      ['D', '50.00', null, null, null],
    ]);
  });

  it('worst-first: B first', () => {
    expect(summary('worst-first')).toEqual([
      ['B', '40.00', '35.50', '75.50', 1],
      ['C', '39.80', '41.80', '81.60', 2],
      ['E', '39.80', '41.80', '81.60', 2],
      ['A', '46.50', '39.70', '86.20', 4],
      ['D', '50.00', null, null, null],
    ]);
  });

  it('a veto on A puts it last in best-first and first in worst-first', () => {
    const veto = [{ objectId: 'A', reason: '吃拿卡要经查属实' }];
    expect(summary('best-first', veto).map(([id, , , , rank]) => [id, rank])).toEqual([
      ['C', 1],
      ['E', 1],
      ['B', 3],
      // The vetoed take the place after the ranked ones (4, not 5 after the unranked D: no number skips).
      ['A', 4],
      ['D', null],
    ]);
    expect(summary('worst-first', veto).map(([id, , , , rank]) => [id, rank])).toEqual([
      ['A', 1],
      ['B', 2],
      ['C', 3],
      ['E', 3],
      ['D', null],
    ]);
  });

  it('says why D has no total', () => {
    const result = combineRound({ objects: OBJECTS, self, social, componentPoints: { self: 50, social: 50 }, vetoes: [], roundingMode: 'exact', options: { order: 'best-first' } });
    const d = result.rankings[0]?.rows.find((r) => r.objectId === 'D');
    expect(d?.incomplete).toBe(true);
    expect(d?.missing).toEqual([{ component: 'social', reason: 'incomplete', missingGroups: ['officials'] }]);
  });
});

describe('the printed chain (default) on the same ballots, section A by hand', () => {
  const printed = tallyGradedMeeting({ ...socialInput, roundingMode: 'printed' });
  it('computes each step from the printed figures of the step before', () => {
    // officials: (50·93.33 + 30·92.50 + 20·80.00) / 100 = 9041.5 / 100 = 90.415 → 90.42
    // recipients: (50·80.00 + 30·80.00 + 20·53.33) / 100 = 7466.6 / 100 = 74.666 → 74.67
    // social: 0.3·90.42 + 0.7·74.67 = 27.126 + 52.269 = 79.395 → 79.40 (exactly 79.3916…: 79.39)
    expect(group(printed, 'A', 0).score?.rounded).toBe('90.42');
    expect(group(printed, 'A', 1).score?.rounded).toBe('74.67');
    expect(row(printed, 'A').score?.rounded).toBe('79.40');
    expect(row(social, 'A').score?.rounded).toBe('79.39');
  });
});
