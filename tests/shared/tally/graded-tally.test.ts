import { describe, expect, it } from 'vitest';
import { DEFAULT_GRADE_SCALE } from '../../../shared/domain/defaults';
import type { IndicatorSet, TallyBallot } from '../../../shared/domain/model';
import {
  checkGradedInput,
  formatExplanation,
  redactSmallGroups,
  tallyGradedMeeting,
  type GradedMeetingInput,
} from '../../../shared/tally';
import { gradedBallots, object } from './builders';

// 态度 weight 60, 效率 weight 40.
const TWO: IndicatorSet = {
  id: 'set',
  name: 'two',
  indicators: [
    { id: 'a', name: '态度', description: '', weight: 60 },
    { id: 'b', name: '效率', description: '', weight: 40 },
  ],
};
const X = object('x', '科室X');

function socialInput(ballots: readonly TallyBallot[], smallGroupK = 0): GradedMeetingInput {
  return {
    objects: [X],
    indicatorSets: [TWO],
    gradeScale: DEFAULT_GRADE_SCALE,
    groups: ['officials', 'recipients'],
    groupWeights: { officials: 30, recipients: 70 },
    smallGroupK,
    ballots,
  };
}

// officials (2): 态度 100, 80 → 180/2 = 90; 效率 both 弃权.
// recipients (3): 态度 100, 80, 60 → 240/3 = 80; 效率 0, 弃权, 100 → 100/2 = 50.
const SMALL = [
  ...gradedBallots({ group: 'officials', count: 2, columns: { x: { a: '01', b: '--' } } }),
  ...gradedBallots({ group: 'recipients', count: 3, columns: { x: { a: '012', b: '3-0' } } }),
];

describe('graded tally', () => {
  it('leaves an indicator a group did not answer out of both sums, and writes the explanation', () => {
    const tally = tallyGradedMeeting(socialInput(SMALL));
    const row = tally.objects[0];
    // officials: (90·60) / 60 = 90 — not (90·60 + 0·40) / 100 = 54.
    // recipients: (80·60 + 50·40) / 100 = 68; social = 0.3·90 + 0.7·68 = 74.60.
    expect(row?.score?.rounded).toBe('74.60');
    expect(formatExplanation(row?.explanation ?? { steps: [] }, 'en')).toBe(
      'officials·态度 180÷2 = 90.00; officials (90.00×60)÷60 = 90.00; ' +
        'recipients·态度 240÷3 = 80.00; recipients·效率 100÷2 = 50.00 (1 abstained); ' +
        'recipients (80.00×60 + 50.00×40)÷100 = 68.00; social = 0.30×90.00 + 0.70×68.00 = 74.60.',
    );
    expect(formatExplanation(row?.explanation ?? { steps: [] }, 'zh')).toBe(
      '人大代表、政协委员、分管领导·态度 180÷2 = 90.00；人大代表、政协委员、分管领导 (90.00×60)÷60 = 90.00；' +
        '服务对象·态度 240÷3 = 80.00；服务对象·效率 100÷2 = 50.00（弃权1）；' +
        '服务对象 (80.00×60 + 50.00×40)÷100 = 68.00；社会测评 = 0.30×90.00 + 0.70×68.00 = 74.60。',
    );
  });

  it('counts null answers and left-out answers alike as abstentions, in no mean', () => {
    const ballots: TallyBallot[] = [
      { group: 'all', content: { type: 'graded', answers: { x: { a: 0, b: null } } } },
      { group: 'all', content: { type: 'graded', answers: { x: { a: 3 } } } },
      { group: 'all', content: { type: 'graded', answers: {} } },
    ];
    const tally = tallyGradedMeeting({ ...socialInput(ballots), groups: ['all'], groupWeights: { all: 100 } });
    const all = tally.objects[0]?.groups[0];
    if (all === undefined || all.redacted) throw new Error('expected figures');
    expect(all.answeredBallots).toBe(2);
    expect(all.indicators.map((i) => [i.answered, i.abstentions, i.sumPoints, i.mean?.rounded ?? null, i.gradeCounts])).toEqual([
      [2, 1, 100, '50.00', [1, 0, 0, 1]],
      [0, 3, 0, null, [0, 0, 0, 0]],
    ]);
    // Only 态度 answered: the score is its mean, 50.
    expect(tally.objects[0]?.score?.rounded).toBe('50.00');
    expect(tally.meetingKind).toBe('self');
  });

  it('marks an object incomplete when a group gave no answer, and explains it', () => {
    const ballots = [
      ...gradedBallots({ group: 'officials', count: 2, columns: { x: { a: '--', b: '--' } } }),
      ...gradedBallots({ group: 'recipients', count: 3, columns: { x: { a: '000', b: '000' } } }),
    ];
    const row = tallyGradedMeeting(socialInput(ballots)).objects[0];
    expect(row?.incomplete).toBe(true);
    expect(row?.missingGroups).toEqual(['officials']);
    expect(row?.score).toBeNull();
    expect(formatExplanation(row?.explanation ?? { steps: [] }, 'en')).toContain(
      'officials: no answers; recipients·态度 300÷3 = 100.00',
    );
    expect(formatExplanation(row?.explanation ?? { steps: [] }, 'en')).toContain(
      'social = 0.30×(no answers) + 0.70×100.00: incomplete, not re-weighted.',
    );
    expect(formatExplanation(row?.explanation ?? { steps: [] }, 'zh')).toContain('社会测评 = 0.30×（无评分） + 0.70×100.00：结果不完整，不折算。');
  });

  it('makes every object incomplete when a group cast no ballot', () => {
    const ballots = gradedBallots({ group: 'recipients', count: 3, columns: { x: { a: '000', b: '000' } } });
    const tally = tallyGradedMeeting(socialInput(ballots));
    expect(tally.groups.map((g) => g.ballots)).toEqual([0, 3]);
    expect(tally.objects[0]?.missingGroups).toEqual(['officials']);
  });

  it('exact mode: computes with decimal points exactly', () => {
    const tally = tallyGradedMeeting({
      roundingMode: 'exact',
      ...socialInput(gradedBallots({ group: 'all', count: 3, columns: { x: { a: '012', b: '---' } } })),
      groups: ['all'],
      groupWeights: { all: 100 },
      gradeScale: [
        { label: 'p', points: 0.1 },
        { label: 'q', points: 0.2 },
        { label: 'r', points: 82.015 },
      ],
    });
    // (0.1 + 0.2 + 82.015) / 3 = 82.315 / 3 = 27.438333… — and 0.1 + 0.2 is exactly 0.3 here.
    const row = tally.objects[0];
    expect(row?.score?.exact).toBe('16463/600');
    expect(row?.score?.rounded).toBe('27.44');
    expect(formatExplanation(row?.explanation ?? { steps: [] }, 'en')).toContain('all voters·态度 82.315÷3 = 27.44');
  });
});

describe('small groups', () => {
  // 4 officials and 22 recipients with the default threshold 5.
  const ballots = [
    ...gradedBallots({ group: 'officials', count: 4, columns: { x: { a: '0000', b: '1111' } } }),
    ...gradedBallots({ group: 'recipients', count: 22, columns: { x: { a: '2'.repeat(22), b: '2'.repeat(22) } } }),
  ];
  const tally = tallyGradedMeeting(socialInput(ballots, 5));

  it('hides a small group, and the other group too because the score would reveal the small one', () => {
    expect(tally.groups.map((g) => [g.group, g.ballots, g.small, g.hidden, g.hiddenReason])).toEqual([
      ['officials', 4, true, true, 'small'],
      ['recipients', 22, false, true, 'complement'],
    ]);
    // The tally still uses the officials' ballots: 0.3·(100·60 + 80·40)/100 + 0.7·60 = 0.3·92 + 42 = 69.60.
    expect(tally.objects[0]?.score?.rounded).toBe('69.60');
    expect(tally.redacted).toBe(false);
  });

  it('redactSmallGroups removes the hidden figures and their explanation steps, and nothing else', () => {
    const redacted = redactSmallGroups(tally);
    expect(redacted.redacted).toBe(true);
    const row = redacted.objects[0];
    expect(row?.score?.rounded).toBe('69.60');
    expect(row?.groups.map((g) => [g.group, g.redacted, g.ballots])).toEqual([
      ['officials', true, 4],
      ['recipients', true, 22],
    ]);
    expect(row?.groups[0]).not.toHaveProperty('score');
    expect(row?.groups[0]).not.toHaveProperty('indicators');
    const text = formatExplanation(row?.explanation ?? { steps: [] }, 'en');
    expect(text).toBe(
      'officials: fewer than 5 ballots, figures hidden; ' +
        "recipients: figures hidden (they would reveal a small group's); " +
        'social = 0.30×(hidden) + 0.70×(hidden) = 69.60.',
    );
    expect(formatExplanation(row?.explanation ?? { steps: [] }, 'zh')).toBe(
      '人大代表、政协委员、分管领导不足5票，分组数据不公开；服务对象分组数据不公开（以免推算出小组结果）；' +
        '社会测评 = 0.30×（不公开） + 0.70×（不公开） = 69.60。',
    );
    expect(JSON.stringify(row)).not.toContain('92.00');
    expect(redactSmallGroups(redacted)).toEqual(redacted);
  });

  it('redaction keeps everything when no group is small', () => {
    const big = tallyGradedMeeting(socialInput(ballots, 4));
    expect(big.groups.every((g) => !g.hidden)).toBe(true);
    expect(redactSmallGroups(big)).toEqual({ ...big, redacted: true });
  });

  it('a small self-evaluation keeps its score and hides the breakdown', () => {
    const self = tallyGradedMeeting({
      ...socialInput(gradedBallots({ group: 'all', count: 3, columns: { x: { a: '000', b: '111' } } }), 5),
      groups: ['all'],
      groupWeights: { all: 100 },
    });
    const redacted = redactSmallGroups(self);
    expect(redacted.objects[0]?.score?.rounded).toBe('92.00');
    expect(redacted.objects[0]?.groups[0]?.redacted).toBe(true);
    expect(formatExplanation(redacted.objects[0]?.explanation ?? { steps: [] }, 'en')).toBe(
      'all voters: fewer than 5 ballots, figures hidden; self = 1.00×(hidden) = 92.00.',
    );
  });
});

describe('input checks', () => {
  const good = socialInput(SMALL);
  const cases: [string, GradedMeetingInput, string][] = [
    ['weights not totalling 100', { ...good, groupWeights: { officials: 30, recipients: 60 } }, 'tally.weights'],
    ['a group without weight', { ...good, groupWeights: { officials: 100 } }, 'tally.weights'],
    ['a worst-list ballot', { ...good, ballots: [{ group: 'officials', content: { type: 'worst', picks: [] } }] }, 'tally.ballot'],
    ['a ballot of a group not in the meeting', { ...good, ballots: [{ group: 'all', content: { type: 'graded', answers: {} } }] }, 'tally.ballot'],
    ['an unknown object', { ...good, ballots: [{ group: 'officials', content: { type: 'graded', answers: { y: { a: 0 } } } }] }, 'tally.ballot'],
    ['an unknown indicator', { ...good, ballots: [{ group: 'officials', content: { type: 'graded', answers: { x: { z: 0 } } } }] }, 'tally.ballot'],
    ['a grade out of range', { ...good, ballots: [{ group: 'officials', content: { type: 'graded', answers: { x: { a: 4 } } } }] }, 'tally.ballot'],
    ['an unknown indicator set', { ...good, objects: [object('x', 'X', { indicatorSetId: 'nope' })] }, 'tally.indicators'],
    ['a zero indicator weight', { ...good, indicatorSets: [{ ...TWO, indicators: TWO.indicators.map((i) => ({ ...i, weight: 0 })) }] }, 'tally.indicators'],
    ['duplicate objects', { ...good, objects: [X, X] }, 'tally.objects'],
    ['"all" mixed with other groups', { ...good, groups: ['all', 'officials'], groupWeights: { all: 50, officials: 50 } }, 'tally.groups'],
    ['an empty grade scale', { ...good, gradeScale: [] }, 'tally.grades'],
    ['a negative small-group threshold', { ...good, smallGroupK: -1 }, 'tally.settings'],
  ];

  it.each(cases)('rejects %s as a Result, and the tally throws', (_, input, code) => {
    const checked = checkGradedInput(input);
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.error.code).toBe(code);
    expect(() => tallyGradedMeeting(input)).toThrow(code);
  });

  it('accepts a valid input', () => {
    expect(checkGradedInput(good)).toEqual({ ok: true, value: true });
  });
});
