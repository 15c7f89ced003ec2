// The worked example of DOMAIN.md: officials 90, recipients 70 → social 76 → 38.00 points;
// self 88 → 44.00 points; total 82.00; and 5 officials + 21 recipients give 76, not 73.85.
import { describe, expect, it } from 'vitest';
import { DEFAULT_GRADE_SCALE, SET_CHIEF } from '../../../shared/domain/defaults';
import type { Grade } from '../../../shared/domain/model';
import { combineRound, formatExplanation, tallyGradedMeeting } from '../../../shared/tally';
import { gradedBallots, object } from './builders';

// A scale with 90 and 70 on it, so that every official can give 90 and every recipient 70.
const SCALE: readonly Grade[] = [
  { label: '满意', points: 100 },
  { label: '较满意', points: 90 },
  { label: '一般', points: 70 },
  { label: '不满意', points: 0 },
];
const chief = object('chief', '张科长', { indicatorSetId: SET_CHIEF.id });
const allIndicators = (column: string): Record<string, string> =>
  Object.fromEntries(SET_CHIEF.indicators.map((i) => [i.id, column]));

const social = tallyGradedMeeting({
  objects: [chief],
  indicatorSets: [SET_CHIEF],
  gradeScale: SCALE,
  groups: ['officials', 'recipients'],
  groupWeights: { officials: 30, recipients: 70 },
  smallGroupK: 5,
  ballots: [
    ...gradedBallots({ group: 'officials', count: 5, columns: { chief: allIndicators('11111') } }),
    ...gradedBallots({ group: 'recipients', count: 21, columns: { chief: allIndicators('2'.repeat(21)) } }),
  ],
});
// Self: 10 cadres, 4 give 满意 (100) and 6 比较满意 (80) on every indicator: 880 / 10 = 88.
const self = tallyGradedMeeting({
  objects: [chief],
  indicatorSets: [SET_CHIEF],
  gradeScale: DEFAULT_GRADE_SCALE,
  groups: ['all'],
  groupWeights: { all: 100 },
  smallGroupK: 5,
  ballots: gradedBallots({ group: 'all', count: 10, columns: { chief: allIndicators('0000111111') } }),
});

describe('the DOMAIN.md worked example', () => {
  it('weights officials 30 and recipients 70 whatever the turnout: 76, not the unweighted 73.85', () => {
    const row = social.objects[0];
    const [officials, recipients] = row?.groups ?? [];
    expect(officials?.redacted === false && officials.score?.rounded).toBe('90.00');
    expect(recipients?.redacted === false && recipients.score?.rounded).toBe('70.00');
    expect(row?.score?.rounded).toBe('76.00');
    expect(row?.score?.exact).toBe('76');
    // The unweighted mean of the 26 ballots would be (5·90 + 21·70) / 26 = 1920 / 26 = 73.846…
    expect(((5 * 90 + 21 * 70) / 26).toFixed(2)).toBe('73.85');
    expect(row?.score?.rounded).not.toBe('73.85');
    expect(social.groups.map((g) => [g.group, g.ballots])).toEqual([
      ['officials', 5],
      ['recipients', 21],
    ]);
  });

  it('self 88 and social 76 make 44.00 + 38.00 = 82.00', () => {
    expect(self.objects[0]?.score?.rounded).toBe('88.00');
    const round = combineRound({
      objects: [chief],
      self,
      social,
      componentPoints: { self: 50, social: 50 },
      vetoes: [],
      options: { order: 'best-first' },
    });
    const row = round.rankings[0]?.rows[0];
    expect(row?.selfPoints?.rounded).toBe('44.00');
    expect(row?.socialPoints?.rounded).toBe('38.00');
    expect(row?.total?.rounded).toBe('82.00');
    expect(row?.total?.value).toBe(82);
    expect(row?.rank).toBe(1);
    expect(formatExplanation(row?.explanation ?? { steps: [] }, 'en')).toBe(
      'self points = 50×88.00/100 = 44.00; social points = 50×76.00/100 = 38.00; total = 44.00 + 38.00 = 82.00.',
    );
    expect(formatExplanation(row?.explanation ?? { steps: [] }, 'zh')).toBe(
      '单位自评得分 = 50×88.00÷100 = 44.00；社会测评得分 = 50×76.00÷100 = 38.00；总分 = 44.00 + 38.00 = 82.00。',
    );
  });

  it('explains the social score with the object’s own numbers', () => {
    const text = formatExplanation(social.objects[0]?.explanation ?? { steps: [] }, 'en');
    expect(text).toContain('officials·业务素质 450÷5 = 90.00');
    expect(text).toContain('recipients·廉洁自律 1470÷21 = 70.00');
    expect(text).toContain('officials (90.00×20 + 90.00×20 + 90.00×20 + 90.00×20 + 90.00×20)÷100 = 90.00');
    expect(text.endsWith('social = 0.30×90.00 + 0.70×70.00 = 76.00.')).toBe(true);
  });
});
