/**
 * Ballot problems come back as a code with a Chinese and an English sentence that name the
 * object the way a representative sees it (number, name, department, indicator), never an id.
 */
import { describe, expect, it } from 'vitest';
import { ballotIssue, ballotProblem, type MeetingDefinition } from '../../../shared/domain/ballot-rules';
import { DEFAULT_SETTINGS, SET_CHIEF, SET_WORST } from '../../../shared/domain/defaults';
import type { BallotContent } from '../../../shared/domain/model';

const objects = [
  { id: 'o1', name: '审批科', department: '区行政审批局', category: '科室', indicatorSetId: SET_CHIEF.id },
  { id: 'o2', name: '征收科', department: '区税务局', category: '科室', indicatorSetId: SET_CHIEF.id },
];
const graded: MeetingDefinition = { ballotType: 'graded', objects, indicatorSets: [SET_CHIEF], tagSet: null, settings: DEFAULT_SETTINGS };
const worst: MeetingDefinition = { ballotType: 'worst', objects, indicatorSets: [], tagSet: SET_WORST, settings: { ...DEFAULT_SETTINGS, worstK: 1 } };

function answers(grade: number | null): Record<string, number | null> {
  return Object.fromEntries(SET_CHIEF.indicators.map((i) => [i.id, grade]));
}

const complete: BallotContent = { type: 'graded', answers: { o1: answers(0), o2: answers(null) } };
const firstIndicator = SET_CHIEF.indicators[0];
if (!firstIndicator) throw new Error('the chief set has indicators');

/** Chinese characters, and none of the English words the old texts used. */
const CHINESE = /[\u4e00-\u9fff]/u;

describe('ballotIssue', () => {
  it('accepts a complete graded ballot (abstentions included) and a worst-list ballot within K', () => {
    expect(ballotIssue(graded, complete)).toBeNull();
    expect(ballotIssue(worst, { type: 'worst', picks: [{ objectId: 'o2', tags: [SET_WORST.indicators[0]?.id ?? ''] }] })).toBeNull();
  });

  it.each<[string, MeetingDefinition, BallotContent, string, string]>([
    ['wrong type', graded, { type: 'worst', picks: [] }, 'wrong_type', '选票类型与本场会议不符'],
    ['missing object', graded, { type: 'graded', answers: { o1: answers(0) } }, 'objects_mismatch', '评议对象与本场会议不一致'],
    ['unanswered indicator', graded, { type: 'graded', answers: { o1: answers(0), o2: { ...answers(0), [firstIndicator.id]: undefined as never } } }, 'indicator_unanswered', `第 2 个评议对象“征收科（区税务局）”的“${firstIndicator.name}”还没有评价`],
    ['an indicator short', graded, { type: 'graded', answers: { o1: answers(0), o2: Object.fromEntries(SET_CHIEF.indicators.slice(1).map((i) => [i.id, 0])) } }, 'indicators_mismatch', '第 2 个评议对象“征收科（区税务局）”的评议项目'],
    ['off the scale', graded, { type: 'graded', answers: { o1: { ...answers(0), [firstIndicator.id]: 9 }, o2: answers(0) } }, 'grade_off_scale', `第 1 个评议对象“审批科（区行政审批局）”的“${firstIndicator.name}”`],
    ['too many picks', worst, { type: 'worst', picks: [{ objectId: 'o1', tags: [] }, { objectId: 'o2', tags: [] }] }, 'too_many_picks', '最多只能选 1 个'],
    ['unknown object', { ...worst, settings: DEFAULT_SETTINGS }, { type: 'worst', picks: [{ objectId: 'zz', tags: [] }] }, 'unknown_object', '不在本场会议中'],
    ['named twice', { ...worst, settings: DEFAULT_SETTINGS }, { type: 'worst', picks: [{ objectId: 'o1', tags: [] }, { objectId: 'o1', tags: [] }] }, 'object_twice', '被选了两次'],
    ['unknown problem', worst, { type: 'worst', picks: [{ objectId: 'o1', tags: ['nope'] }] }, 'unknown_tag', '勾选了本场会议没有的问题'],
  ])('%s: a code and clear Chinese, with the same sentence in English', (_name, definition, ballot, code, zh) => {
    const found = ballotIssue(definition, ballot);
    expect(found?.code).toBe(code);
    expect(found?.zh).toContain(zh);
    expect(found?.zh).toMatch(CHINESE);
    expect(found?.zh).not.toMatch(/\b(object|indicator|ballot|problem)\b/u);
    expect(found?.en).toMatch(/^[A-Z0-9"]/u);
    expect(found?.zh).not.toMatch(/\bo[12]\b|zz/u);
    expect(ballotProblem(definition, ballot)).toBe(found?.zh);
  });
});
