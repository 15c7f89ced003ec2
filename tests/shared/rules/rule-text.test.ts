import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../shared/domain/defaults';
import { INCOMPLETE_UNNAMED, roundingFootnote, ruleText, withheldNote } from '../../../shared/rules/rule-text';
import { combinedResultState, DRAFT_MARK, meetingResultState, resultStateFileTag, resultStateTitle } from '../../../shared/rules/result-state';

const forty = {
  ...DEFAULT_SETTINGS,
  groupWeights: { officials: 40, recipients: 60 },
  smallGroupK: 3,
  worstK: 7,
  gradeScale: [
    { label: '好', points: 100 },
    { label: '一般', points: 70 },
    { label: '差', points: 0 },
  ],
};

describe('rule text from the meeting settings', () => {
  it('states the settings of a 40/60 meeting, never the default 30/70 or 50 分', () => {
    const text = ruleText({ basis: 'round', settings: forty, componentPoints: { self: 40, social: 60 } }).join('\n');
    expect(text).toContain('人大代表、政协委员、分管领导占40%');
    expect(text).toContain('服务对象占60%');
    expect(text).toContain('分别折算为40分、60分');
    expect(text).toContain('好100分、一般70分、差0分');
    expect(text).toContain('少于3张');
    expect(text).toContain('数据不完整');
    expect(text).not.toMatch(/30%|70%|50分/u);
  });

  it('says how figures are rounded, by the meeting’s rounding mode', () => {
    expect(ruleText({ basis: 'round', settings: DEFAULT_SETTINGS }).join('')).toContain('下一步用保留后的数值计算；总分为两项折算分之和');
    const exact = ruleText({ basis: 'round', settings: { ...DEFAULT_SETTINGS, roundingMode: 'exact' } }).join('');
    expect(exact).toContain('按精确值计算，只对总分四舍五入');
    expect(roundingFootnote('printed')).toBeNull();
    expect(roundingFootnote('exact')).toContain('四位小数');
  });

  it('writes the worst-list rule with K, the weights and the published length', () => {
    const text = ruleText({ basis: 'worst', settings: forty, topN: 10 }).join('\n');
    expect(text).toContain('最多提名7个');
    expect(text).toContain('× 40%');
    expect(text).toContain('× 60%');
    expect(text).toContain('公布前10名');
  });

  it('writes one meeting’s rule without the component points it does not use', () => {
    expect(ruleText({ basis: 'social', settings: forty }).join('')).not.toContain('折算为');
    expect(ruleText({ basis: 'self', settings: forty }).join('')).toContain('本单位干部职工');
  });
});

describe('draft and official', () => {
  it('marks a draft 初步结果（未确认） and an official result with its confirmation time', () => {
    const draft = meetingResultState('closed', null);
    expect(resultStateTitle(draft, (iso) => iso)).toBe(DRAFT_MARK);
    expect(resultStateFileTag(draft)).toBe('初步结果（未确认）');
    const official = meetingResultState('official', '2026-12-01T01:30:00.000Z');
    expect(resultStateTitle(official, (iso) => iso.slice(0, 16))).toBe('正式结果（2026-12-01T01:30 确认）');
    expect(resultStateFileTag(official)).toBe('正式结果');
  });

  it('makes a round official only when both of its meetings are, since the later confirmation', () => {
    const a = meetingResultState('official', '2026-12-01T01:30:00.000Z');
    const b = meetingResultState('official', '2026-12-01T02:00:00.000Z');
    expect(combinedResultState([a, meetingResultState('closed', null)]).official).toBe(false);
    expect(combinedResultState([a, b])).toEqual({ official: true, confirmedAt: '2026-12-01T02:00:00.000Z' });
  });
});

describe('what a meeting with a small group withholds, in words (i13)', () => {
  const groups = [
    { group: 'officials' as const, ballots: 1 },
    { group: 'recipients' as const, ballots: 21 },
  ];

  it('says why when a one-ballot group’s answers show in the rows, and how incomplete rows are published', () => {
    const note = withheldNote({ ballotType: 'graded', groups, smallGroupK: 5, figuresWithheld: true, reason: 'answered', incompleteObjects: 2 });
    expect(note).toContain('人大代表、政协委员、分管领导只有 1 张选票（少于 5 张）');
    expect(note).toContain('该组只有一张选票');
    expect(note).toContain(`有 2 个对象数据不完整：公布时只写“${INCOMPLETE_UNNAMED}”，不写是哪一组无评分`);
    expect(note).toContain('签字的排序表写明');
  });

  it('says nothing of incomplete rows when there are none, and nothing at all without a small group', () => {
    expect(withheldNote({ ballotType: 'graded', groups, smallGroupK: 5, figuresWithheld: false, reason: null, incompleteObjects: 0 })).not.toContain('数据不完整');
    expect(withheldNote({ ballotType: 'graded', groups, smallGroupK: 1, figuresWithheld: false, reason: null, incompleteObjects: 3 })).toBeNull();
  });
});
