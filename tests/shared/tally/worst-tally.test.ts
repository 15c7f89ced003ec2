import { describe, expect, it } from 'vitest';
import { SET_WORST } from '../../../shared/domain/defaults';
import type { TallyBallot } from '../../../shared/domain/model';
import {
  checkWorstInput,
  formatExplanation,
  redactSmallGroups,
  tallyWorstMeeting,
  type Veto,
  type WorstMeetingInput,
  type WorstMeetingTally,
} from '../../../shared/tally';
import { object, repeat, worstBallots } from './builders';

// Pinyin order: 城建 chéng < 教育 jiào < 社保 shè < 税务 shuì < 卫生 wèi.
const OBJECTS = [object('tax', '税务科'), object('build', '城建科'), object('social', '社保科'), object('edu', '教育科'), object('health', '卫生科')];

// officials (6 ballots) and recipients (14 ballots).
const OFFICIALS = worstBallots('officials', [
  ...repeat(3, [['tax', ['cold', 'lazy']], ['build', ['shirk']]] as const),
  ...repeat(2, [['tax', ['lazy']], ['social', ['shirk']]] as const),
  [],
]);
const RECIPIENTS = worstBallots('recipients', [
  ...repeat(7, [['tax', ['cold']], ['edu', ['arbitrary']]] as const),
  ...repeat(2, [['build', ['shirk', 'lazy']], ['social', ['cold']]] as const),
  ...repeat(2, [['build', ['shirk', 'lazy']], ['social', []]] as const),
  ...repeat(3, [['edu', ['greedy']]] as const),
]);

function input(ballots: readonly TallyBallot[], extra: Partial<WorstMeetingInput> = {}): WorstMeetingInput {
  return {
    objects: OBJECTS,
    tags: SET_WORST,
    groups: ['officials', 'recipients'],
    groupWeights: { officials: 30, recipients: 70 },
    smallGroupK: 5,
    vetoes: [],
    ballots,
    ...extra,
  };
}

const brief = (tally: WorstMeetingTally) => tally.objects.map((o) => [o.objectId, o.rate?.rounded ?? null, o.rank]);

describe('worst-list tally', () => {
  const tally = tallyWorstMeeting(input([...OFFICIALS, ...RECIPIENTS]));

  it('computes nomination rates per group and combines them 30 : 70', () => {
    const rates = tally.objects.map((o) => [
      o.objectId,
      o.nominations,
      ...o.groups.map((g) => (g.redacted ? 'hidden' : `${g.nominations} ${g.rate?.rounded ?? '-'}`)),
    ]);
    expect(rates).toEqual([
      // tax: 5/6 = 83.33 %, 7/14 = 50 %; 0.3·250/3 + 0.7·50 = 25 + 35 = 60.00
      ['tax', 12, '5 83.33', '7 50.00'],
      // edu: 0/6, 10/14 = 71.43 %; 0.7·500/7 = 50.00
      ['edu', 10, '0 0.00', '10 71.43'],
      // build: 3/6 = 50 %, 4/14 = 28.57 %; 15 + 20 = 35.00
      ['build', 7, '3 50.00', '4 28.57'],
      // social: 2/6 = 33.33 %, 4/14 = 28.57 %; 10 + 20 = 30.00
      ['social', 6, '2 33.33', '4 28.57'],
      ['health', 0, '0 0.00', '0 0.00'],
    ]);
    expect(brief(tally)).toEqual([
      ['tax', '60.00', 1],
      ['edu', '50.00', 2],
      ['build', '35.00', 3],
      ['social', '30.00', 4],
      ['health', '0.00', 5],
    ]);
    expect(tally.incomplete).toBe(false);
    expect(tally.ballotsCast).toBe(20);
    expect(tally.topN).toBe(10);
  });

  it('counts tags and lists main problems most-ticked first, ties in the set order', () => {
    const problems = tally.objects.map((o) => [o.objectId, o.tagCounts.map((t) => t.count), o.mainProblems.map((t) => `${t.name}${t.count}`)]);
    expect(problems).toEqual([
      ['tax', [10, 5, 0, 0, 0], ['冷10', '懒5']],
      ['edu', [0, 0, 0, 7, 3], ['乱7', '贪3']],
      ['build', [0, 4, 7, 0, 0], ['推7', '懒4']],
      // 推 was ticked first (officials' ballots), but 冷 comes first in the set: 冷2 before 推2.
      ['social', [2, 0, 2, 0, 0], ['冷2', '推2']],
      ['health', [0, 0, 0, 0, 0], []],
    ]);
  });

  it('publishes the top N, and never an object nobody named', () => {
    expect(tally.top.map((t) => [t.rank, t.name, t.department, t.rate?.rounded, t.mainProblems.map((p) => p.name).join('')])).toEqual([
      [1, '税务科', '税务科所在局', '60.00', '冷懒'],
      [2, '教育科', '教育科所在局', '50.00', '乱贪'],
      [3, '城建科', '城建科所在局', '35.00', '推懒'],
      [4, '社保科', '社保科所在局', '30.00', '冷推'],
    ]);
    expect(tallyWorstMeeting(input([...OFFICIALS, ...RECIPIENTS], { topN: 2 })).top.map((t) => t.objectId)).toEqual(['tax', 'edu']);
  });

  it('explains the rate', () => {
    expect(formatExplanation(tally.objects[0]?.explanation ?? { steps: [] }, 'en')).toBe(
      'officials nomination rate 5/6 = 83.33%; recipients nomination rate 7/14 = 50.00%; combined rate = 0.30×83.33% + 0.70×50.00% = 60.00%.',
    );
    expect(formatExplanation(tally.objects[0]?.explanation ?? { steps: [] }, 'zh')).toBe(
      '人大代表、政协委员、分管领导提名率 5÷6 = 83.33%；服务对象提名率 7÷14 = 50.00%；综合提名率 = 0.30×83.33% + 0.70×50.00% = 60.00%。',
    );
  });

  it('places vetoed objects first, by name, whatever their rate, and publishes them', () => {
    const vetoes: Veto[] = [
      { objectId: 'health', reason: '吃拿卡要经查属实' },
      { objectId: 'build', reason: '收受好处' },
    ];
    const vetoed = tallyWorstMeeting(input([...OFFICIALS, ...RECIPIENTS], { vetoes, topN: 3 }));
    expect(vetoed.objects.map((o) => [o.objectId, o.rank, o.vetoed])).toEqual([
      ['build', 1, true],
      ['health', 2, true],
      ['tax', 3, false],
      ['edu', 4, false],
      ['social', 5, false],
    ]);
    expect(vetoed.top.map((t) => [t.rank, t.objectId, t.vetoReason])).toEqual([
      [1, 'build', '收受好处'],
      [2, 'health', '吃拿卡要经查属实'],
      [3, 'tax', null],
    ]);
    expect(formatExplanation(vetoed.objects[1]?.explanation ?? { steps: [] }, 'en')).toContain('veto: 吃拿卡要经查属实');
  });

  it('shares ranks on equal rounded rates and publishes every object tied at the last place', () => {
    const ballots = worstBallots('all', [
      [['tax', []], ['edu', []], ['build', []]],
      [['tax', []], ['edu', []]],
      [['tax', []], ['build', []], ['social', []]],
    ]);
    const tied = tallyWorstMeeting(input(ballots, { groups: ['all'], groupWeights: { all: 100 }, smallGroupK: 0, topN: 2 }));
    expect(brief(tied)).toEqual([
      ['tax', '100.00', 1],
      ['build', '66.67', 2], // 城建 before 教育
      ['edu', '66.67', 2],
      ['social', '33.33', 4],
      ['health', '0.00', 5],
    ]);
    expect(tied.top.map((t) => [t.rank, t.objectId])).toEqual([
      [1, 'tax'],
      [2, 'build'],
      [2, 'edu'],
    ]);
  });

  it('makes every object incomplete when a group cast no ballot, and says so', () => {
    const onlyRecipients = tallyWorstMeeting(input(RECIPIENTS, { vetoes: [{ objectId: 'edu', reason: '乱收费' }] }));
    expect(onlyRecipients.incomplete).toBe(true);
    expect(onlyRecipients.missingGroups).toEqual(['officials']);
    expect(onlyRecipients.objects.map((o) => [o.objectId, o.rate, o.rank, o.incomplete])).toEqual([
      ['edu', null, 1, true],
      ['build', null, null, true],
      ['social', null, null, true],
      ['tax', null, null, true],
      ['health', null, null, true],
    ]);
    expect(onlyRecipients.top.map((t) => t.objectId)).toEqual(['edu']);
    expect(formatExplanation(onlyRecipients.objects[3]?.explanation ?? { steps: [] }, 'en')).toBe(
      'officials: no ballots cast; recipients nomination rate 7/14 = 50.00%; ' +
        'combined rate = 0.30×(no ballots) + 0.70×50.00%: incomplete, not re-weighted.',
    );
    expect(formatExplanation(onlyRecipients.objects[3]?.explanation ?? { steps: [] }, 'zh')).toBe(
      '人大代表、政协委员、分管领导无人投票；服务对象提名率 7÷14 = 50.00%；综合提名率 = 0.30×（无票） + 0.70×50.00%：结果不完整，不折算。',
    );
  });

  it('hides per-group figures below the threshold; redaction removes them but keeps rates and tags', () => {
    const fewOfficials = tallyWorstMeeting(input([...OFFICIALS.slice(0, 4), ...RECIPIENTS]));
    expect(fewOfficials.groups.map((g) => [g.group, g.ballots, g.hidden, g.hiddenReason])).toEqual([
      ['officials', 4, true, 'small'],
      ['recipients', 14, true, 'complement'],
    ]);
    const redacted = redactSmallGroups(fewOfficials);
    expect(redacted.redacted).toBe(true);
    const tax = redacted.objects.find((o) => o.objectId === 'tax');
    // tax: officials 4/4 = 100 %, recipients 50 % → 30 + 35 = 65.00
    expect(tax?.rate?.rounded).toBe('65.00');
    expect(tax?.groups.every((g) => g.redacted)).toBe(true);
    expect(tax?.mainProblems.map((p) => `${p.name}${p.count}`)).toEqual(['冷10', '懒4']);
    expect(formatExplanation(tax?.explanation ?? { steps: [] }, 'en')).toBe(
      "officials: fewer than 5 ballots, figures hidden; recipients: figures hidden (they would reveal a small group's); " +
        'combined rate = 0.30×(hidden) + 0.70×(hidden) = 65.00%.',
    );
    expect(redactSmallGroups(redacted)).toEqual(redacted);
  });
});

describe('worst-list input checks', () => {
  const good = input([...OFFICIALS, ...RECIPIENTS]);
  const cases: [string, WorstMeetingInput, string][] = [
    ['an object named twice on one ballot', input(worstBallots('officials', [[['tax', []], ['tax', []]]])), 'tally.ballot'],
    ['an unknown tag', input(worstBallots('officials', [[['tax', ['rude']]]])), 'tally.ballot'],
    ['a tag ticked twice', input(worstBallots('officials', [[['tax', ['cold', 'cold']]]])), 'tally.ballot'],
    ['an unknown object', input(worstBallots('officials', [[['zoo', []]]])), 'tally.ballot'],
    ['a graded ballot', input([{ group: 'officials', content: { type: 'graded', answers: {} } }]), 'tally.ballot'],
    ['a top N of 0', { ...good, topN: 0 }, 'tally.settings'],
    ['a veto of an unknown object', { ...good, vetoes: [{ objectId: 'zoo', reason: 'x' }] }, 'tally.veto'],
    ['weights not totalling 100', { ...good, groupWeights: { officials: 50, recipients: 70 } }, 'tally.weights'],
  ];
  it.each(cases)('rejects %s', (_, bad, code) => {
    const checked = checkWorstInput({ ...bad, topN: bad.topN ?? 10 });
    expect(checked.ok ? null : checked.error.code).toBe(code);
    expect(() => tallyWorstMeeting(bad)).toThrow(code);
  });
});
