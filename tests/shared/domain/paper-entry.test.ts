/**
 * Double entry of paper ballots (shared/domain/paper-entry.ts): two entries of the same paper
 * compare equal whatever order they were keyed in; the differences are exactly the fields keyed
 * otherwise; settling with every choice 'first' (or 'second') gives that entry back, and a mix
 * takes each field from the entry chosen for it. Property-tested with a printed seed.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MeetingDefinition } from '../../../shared/domain/ballot-rules';
import type { BallotContent } from '../../../shared/domain/model';
import { OFF_SCALE_GRADE, WHOLE_FIELD_KEY, isWholeInvalid, paperEntryText, wholeInvalidRule, normalisePaperBallot, paperBallotText, paperDifferences, paperFields, resolvePaperPair } from '../../../shared/domain/paper-entry';
import { ballotIssue } from '../../../shared/domain/ballot-rules';
import { DEFAULT_SETTINGS } from '../../../shared/domain/defaults';

const SEED = Number(process.env['PINGYI_SEED'] ?? Date.now() % 2 ** 31);

const objects = Array.from({ length: 6 }, (_, i) => ({ id: `o${(i * 5) % 6}`, name: `对象${i}`, department: '', category: '科室', indicatorSetId: i < 4 ? 'a' : 'b' }));
const sets = [
  { id: 'a', name: 'A', indicators: ['x', 'y', 'z'].map((id) => ({ id, name: id, description: '', weight: 1 })) },
  { id: 'b', name: 'B', indicators: ['p', 'q'].map((id) => ({ id, name: id, description: '', weight: 1 })) },
];
const graded: MeetingDefinition = { ballotType: 'graded', objects, indicatorSets: sets, tagSet: null, settings: DEFAULT_SETTINGS };
const tags = { id: 'tags', name: '问题', indicators: ['cold', 'lazy', 'shirk'].map((id) => ({ id, name: id, description: '', weight: 0 })) };
const worst: MeetingDefinition = { ballotType: 'worst', objects, indicatorSets: [], tagSet: tags, settings: { ...DEFAULT_SETTINGS, worstK: 2 } };

const gradeValue = fc.oneof(fc.constant(null), fc.integer({ min: OFF_SCALE_GRADE, max: 3 }));
const gradedBallot: fc.Arbitrary<BallotContent> = fc
  .array(gradeValue, { minLength: 16, maxLength: 16 })
  .map((values) => {
    let k = 0;
    const answers: Record<string, Record<string, number | null>> = {};
    for (const object of objects) {
      const set = sets.find((s) => s.id === object.indicatorSetId);
      answers[object.id] = Object.fromEntries((set?.indicators ?? []).map((i) => [i.id, values[k++] ?? null]));
    }
    return { type: 'graded', answers };
  });
const worstBallot: fc.Arbitrary<BallotContent> = fc
  .uniqueArray(fc.integer({ min: 0, max: 5 }), { maxLength: 6 })
  .chain((chosen) => fc.tuple(fc.constant(chosen), fc.array(fc.subarray(['cold', 'lazy', 'shirk']), { minLength: chosen.length, maxLength: chosen.length })))
  .map(([chosen, tagLists]) => ({ type: 'worst', picks: chosen.map((o, i) => ({ objectId: objects[o]?.id ?? '', tags: tagLists[i] ?? [] })) }));

describe('paper double entry', () => {
  for (const [name, definition, ballot] of [
    ['graded', graded, gradedBallot],
    ['worst-list', worst, worstBallot],
  ] as const) {
    it(`${name}: differences are exactly the fields keyed otherwise, and settling takes each from its choice (seed ${SEED})`, () => {
      fc.assert(
        fc.property(ballot, ballot, fc.array(fc.boolean(), { minLength: 24, maxLength: 24 }), (first, second, pickSecond) => {
          const differences = paperDifferences(definition, first, second);
          const a = paperFields(definition, first);
          const b = new Map(paperFields(definition, second).map((f) => [f.key, f.value]));
          expect(differences.map((d) => d.key)).toEqual(a.filter((f) => b.get(f.key) !== f.value).map((f) => f.key));
          expect(differences.length === 0).toBe(paperBallotText(definition, first) === paperBallotText(definition, second));
          const all = (side: 'first' | 'second') => Object.fromEntries(differences.map((d) => [d.key, side]));
          expect(resolvePaperPair(definition, first, second, all('first'))).toEqual(normalisePaperBallot(definition, first));
          expect(resolvePaperPair(definition, first, second, all('second'))).toEqual(normalisePaperBallot(definition, second));
          const mixed = Object.fromEntries(differences.map((d, i) => [d.key, pickSecond[i] === true ? 'second' : 'first'] as const));
          const settled = resolvePaperPair(definition, first, second, mixed);
          if (settled === null || isWholeInvalid(settled)) throw new Error('every difference was chosen, and neither entry was whole-invalid');
          const settledFields = new Map(paperFields(definition, settled).map((f) => [f.key, f.value]));
          for (const d of differences) {
            const chosen = mixed[d.key] === 'second' ? d.second : d.first;
            // A problem ticked for an object that ends up not named marks nothing (the paper says so).
            const named = d.partId === null || definition.ballotType === 'graded' || settledFields.get(`pick:${d.objectId}`) === true;
            expect(settledFields.get(d.key)).toBe(named ? chosen : false);
          }
          if (differences.length > 0) expect(resolvePaperPair(definition, first, second, {})).toBeNull();
        }),
        { seed: SEED, numRuns: 200 },
      );
    });
  }

  it('the same paper keyed in another order is the same text; tags of an object not named mark nothing', () => {
    const one: BallotContent = { type: 'worst', picks: [{ objectId: 'o0', tags: ['lazy', 'cold'] }, { objectId: 'o5', tags: [] }] };
    const other: BallotContent = { type: 'worst', picks: [{ objectId: 'o5', tags: [] }, { objectId: 'o0', tags: ['cold', 'lazy'] }] };
    expect(paperBallotText(worst, one)).toBe(paperBallotText(worst, other));
    expect(paperDifferences(worst, one, other)).toEqual([]);
  });

  it('a blank graded paper is every item 弃权 (valid); an off-scale mark and too many picks break the rules', () => {
    const blank = normalisePaperBallot(graded, { type: 'graded', answers: {} });
    expect(ballotIssue(graded, blank)).toBeNull();
    expect(paperFields(graded, blank).every((f) => f.value === null)).toBe(true);
    const offScale = normalisePaperBallot(graded, { type: 'graded', answers: { o0: { x: OFF_SCALE_GRADE } } });
    expect(ballotIssue(graded, offScale)?.code).toBe('grade_off_scale');
    const three = normalisePaperBallot(worst, { type: 'worst', picks: ['o0', 'o1', 'o2'].map((objectId) => ({ objectId, tags: [] })) });
    expect(ballotIssue(worst, three)?.code).toBe('too_many_picks');
  });

  it('a whole paper keyed as 无效票: its marks are dropped; both entries must agree on it and on the reason, else the pair differs in the one field `whole`', () => {
    const marked: BallotContent = { type: 'graded', answers: { o0: { x: 1 } } };
    const blank: BallotContent = { type: 'graded', answers: {} };
    // The marks under an unreadable paper are not kept: two clerks who ticked different things still agree.
    expect(paperEntryText(graded, marked, 'unreadable')).toBe(paperEntryText(graded, blank, 'unreadable'));
    expect(JSON.parse(paperEntryText(graded, marked, 'unreadable'))).toEqual({ type: 'graded', wholeInvalid: 'unreadable' });
    expect(paperEntryText(graded, marked, null)).toBe(paperBallotText(graded, marked));
    const unreadable = JSON.parse(paperEntryText(graded, marked, 'unreadable'));
    const other = JSON.parse(paperEntryText(graded, marked, 'other'));
    const ballot = normalisePaperBallot(graded, marked);
    expect(isWholeInvalid(unreadable)).toBe(true);
    expect(isWholeInvalid(ballot)).toBe(false);
    expect(paperDifferences(graded, unreadable, unreadable)).toEqual([]);
    expect(paperDifferences(graded, unreadable, other)).toEqual([{ key: WHOLE_FIELD_KEY, objectId: '', partId: null, first: 'unreadable', second: 'other' }]);
    expect(paperDifferences(graded, ballot, unreadable)).toEqual([{ key: WHOLE_FIELD_KEY, objectId: '', partId: null, first: null, second: 'unreadable' }]);
    // Settling takes one entry whole: the 无效票, or the other clerk's ballot as keyed.
    expect(resolvePaperPair(graded, ballot, unreadable, {})).toBeNull();
    expect(resolvePaperPair(graded, ballot, unreadable, { [WHOLE_FIELD_KEY]: 'second' })).toEqual(unreadable);
    expect(resolvePaperPair(graded, marked, unreadable, { [WHOLE_FIELD_KEY]: 'first' })).toEqual(ballot);
    expect(resolvePaperPair(graded, unreadable, other, { [WHOLE_FIELD_KEY]: 'second' })).toEqual(other);
    expect(resolvePaperPair(worst, { type: 'worst', wholeInvalid: 'other' }, { type: 'worst', wholeInvalid: 'other' }, {})).toEqual({ type: 'worst', wholeInvalid: 'other' });
    // A blank paper is not one of these: it stays a valid ballot of 弃权 (DOMAIN.md: a blank counts as 弃权, as on paper).
    expect(ballotIssue(graded, normalisePaperBallot(graded, blank))).toBeNull();
    expect(wholeInvalidRule('unreadable')).toMatchObject({ code: 'whole_unreadable', zh: expect.stringContaining('无法辨认') });
    expect(wholeInvalidRule('other')).toMatchObject({ code: 'whole_other', zh: expect.stringContaining('其他原因') });
  });
});
