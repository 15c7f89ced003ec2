// @vitest-environment happy-dom
/**
 * The tablet's stage rules on their own: blanks, the one-tap shortcuts, the review gate with and
 * without requireAllAnswered, what a new code does to a saved ballot, which refusals free the
 * tablet, the retry pauses, the submission key, and the saved ballot in (happy-dom's) storage.
 */
import { afterEach, describe, expect, it } from 'vitest';
import {
  backoffMs,
  codeFromHash,
  completeGraded,
  countBlanks,
  countItems,
  newSubmissionKey,
  objectDone,
  onArrival,
  refusalKind,
  reviewGate,
  wholeObject,
  type Answers,
} from '../../../renderer/tablet/stage';
import { flush, forget, loadSaved, saveContentSoon, saveHead, savedOwner, storageWorks } from '../../../renderer/tablet/saved-ballot';
import type { BallotDefinition } from '../../../shared/api/tablet-schemas';

const definition: BallotDefinition = {
  meeting: { id: 'm', title: '测评', kind: 'social', ballotType: 'graded' },
  group: 'recipients',
  objects: [
    { id: 'a', name: '许可科', department: '市场局', indicatorSetId: 's' },
    { id: 'b', name: '许可科', department: '税务局', indicatorSetId: 's' },
    { id: 'c', name: '办公室', department: '税务局', indicatorSetId: 't' },
  ],
  indicatorSets: [
    { id: 's', name: 'S', indicators: [{ id: 'i1', name: '业务', description: '' }, { id: 'i2', name: '态度', description: '' }] },
    { id: 't', name: 'T', indicators: [{ id: 'j1', name: '效率', description: '' }] },
  ],
  gradeScale: [{ label: '满意', points: 100 }, { label: '不满意', points: 0 }],
  worstK: 10,
};

describe('graded ballot rules', () => {
  it('counts blanks, not explicit 弃权, and knows when an object is done', () => {
    const answers: Answers = { a: { i1: 0, i2: null }, b: { i1: 1 } };
    expect(countItems(definition)).toBe(5);
    expect(countBlanks(definition, answers)).toBe(2);
    expect(objectDone(definition, 'a', 's', answers)).toBe(true);
    expect(objectDone(definition, 'b', 's', answers)).toBe(false);
    expect(objectDone(definition, 'c', 't', answers)).toBe(false);
  });

  it('one tap gives every indicator of the object one grade, or 弃权 for 不了解', () => {
    expect(wholeObject(definition.indicatorSets[0]?.indicators ?? [], 1)).toEqual({ i1: 1, i2: 1 });
    expect(wholeObject(definition.indicatorSets[1]?.indicators ?? [], null)).toEqual({ j1: null });
  });

  it('sends every indicator of every object, a blank as null (弃权)', () => {
    expect(completeGraded(definition, { a: { i1: 0 } })).toEqual({ type: 'graded', answers: { a: { i1: 0, i2: null }, b: { i1: null, i2: null }, c: { j1: null } } });
  });

  it('asks once about blanks by default, refuses them when the meeting requires every item', () => {
    const some: Answers = { a: { i1: 0 } };
    const all: Answers = { a: { i1: 0, i2: 0 }, b: { i1: null, i2: 1 }, c: { j1: null } };
    expect(reviewGate(definition, some, false)).toBe('confirm-blanks');
    expect(reviewGate(definition, some, true)).toBe('go');
    expect(reviewGate(definition, all, false)).toBe('go');
    const strict = { ...definition, requireAllAnswered: true };
    expect(reviewGate(strict, some, true)).toBe('refuse');
    expect(reviewGate(strict, all, false)).toBe('go');
  });
});

describe('arrival of a code', () => {
  it('resumes the same code, discards another code\'s ballot, opens when nothing is saved', () => {
    expect(onArrival({ code: 'X' }, 'X')).toBe('resume');
    expect(onArrival({ code: 'X' }, 'Y')).toBe('discard-and-open');
    expect(onArrival(null, 'Y')).toBe('open');
    expect(onArrival({ code: 'X' }, null)).toBe('resume');
    expect(onArrival(null, null)).toBe('nothing');
  });

  it('reads the code from the fragment', () => {
    expect(codeFromHash('#ABCD-EFGH-JKMNP')).toBe('ABCD-EFGH-JKMNP');
    expect(codeFromHash('')).toBeNull();
    expect(codeFromHash('#')).toBeNull();
  });
});

describe('refusals and retries', () => {
  it('frees the tablet on final refusals, retries passing ones, sends the voter back on the rest', () => {
    for (const code of ['code_used', 'voided_code', 'voting_closed', 'unknown_code'] as const) expect(refusalKind(code)).toBe('final');
    for (const code of ['offline', 'timeout', 'storage_failed', 'voting_paused'] as const) expect(refusalKind(code)).toBe('retry');
    for (const code of ['invalid_ballot', 'bad_request', 'voting_not_open'] as const) expect(refusalKind(code)).toBe('fix');
  });

  it('waits 0.5 s doubling to 8 s, within ±20 %', () => {
    expect([1, 2, 3, 4, 5, 6, 9].map((n) => backoffMs(n, () => 0.5))).toEqual([500, 1000, 2000, 4000, 8000, 8000, 8000]);
    expect(backoffMs(1, () => 0)).toBe(400);
    expect(backoffMs(5, () => 1)).toBe(9600);
  });

  it('makes a 22-character base64url submission key from 16 random bytes, a new one each time', () => {
    const key = newSubmissionKey();
    expect(key).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(newSubmissionKey()).not.toBe(key);
    expect(newSubmissionKey((bytes) => bytes.fill(255))).toBe('_____________________w');
  });
});

describe('the saved ballot', () => {
  afterEach(() => forget());

  it('keeps the head at once and the answers on flush, and forgets both', () => {
    expect(storageWorks()).toBe(true);
    saveHead({ code: 'X', submissionKey: 'k'.repeat(22), definition, stage: 'ballot', owner: 'tab1' });
    const answers: Answers = { a: { i1: 1 } };
    saveContentSoon(() => ({ type: 'graded', answers }));
    expect(loadSaved()?.content).toEqual({ type: 'graded', answers: {} });
    answers['b'] = { i2: 0 };
    flush();
    expect(loadSaved()?.content).toEqual({ type: 'graded', answers: { a: { i1: 1 }, b: { i2: 0 } } });
    expect(savedOwner()).toBe('tab1');
    forget();
    expect(loadSaved()).toBeNull();
    expect(savedOwner()).toBeNull();
  });
});
