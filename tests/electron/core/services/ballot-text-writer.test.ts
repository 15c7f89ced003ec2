/**
 * The ballot path's text writer (services/ballot-sealing.ts ballotTextWriter) writes exactly
 * what storedBallotText (canonical JSON of the canonical ballot) writes, for every ballot the
 * meeting accepts: ids that JavaScript enumerates first ("0", "17"), ids that sort before and
 * after them, answers in any order, 弃权 and every grade. Anything the writer cannot vouch for
 * (a missing answer) falls back to storedBallotText.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ballotTextWriter, storedBallotText } from '../../../../electron/core/services/ballot-sealing';
import { ballotProblem, type MeetingDefinition } from '../../../../shared/domain/ballot-rules';
import { canonicalKeyOrder } from '../../../../shared/domain/canonical-json';
import { canonicalJson } from '../../../../shared/domain/canonical-json';
import { DEFAULT_SETTINGS } from '../../../../shared/domain/defaults';
import type { BallotContent } from '../../../../shared/domain/model';

const SEED = Number(process.env['SEED'] ?? Date.now() % 2 ** 31);

/**
 * Ids as our own (random base64url), and the kinds JavaScript orders specially. `__proto__` is
 * left out: assigning it in a plain object literal sets the prototype, so no ballot holds it.
 */
const id = fc.oneof(
  fc.stringMatching(/^[A-Za-z0-9_-]{1,12}$/).filter((s) => s !== '__proto__'),
  fc.nat({ max: 3000 }).map(String),
  fc.constantFrom('0', '007', '4294967294', '4294967295', '10', '9', '-1', '1.5'),
);

const meeting = fc
  .tuple(fc.uniqueArray(id, { minLength: 1, maxLength: 12 }), fc.uniqueArray(id, { minLength: 1, maxLength: 6 }), fc.uniqueArray(id, { minLength: 1, maxLength: 6 }))
  .map(([objectIds, first, second]): MeetingDefinition => ({
    ballotType: 'graded',
    objects: objectIds.map((objectId, i) => ({ id: objectId, name: `对象${i}`, department: '', category: '科室', indicatorSetId: i % 2 === 0 ? 'first' : 'second', position: i + 1 })),
    indicatorSets: [
      { id: 'first', name: '一', indicators: first.map((i) => ({ id: i, name: i, description: '', weight: 1 })) },
      { id: 'second', name: '二', indicators: second.map((i) => ({ id: i, name: i, description: '', weight: 1 })) },
    ],
    tagSet: null,
    settings: DEFAULT_SETTINGS,
  }) as unknown as MeetingDefinition);

/** A valid ballot of the meeting, its answers inserted in a shuffled order. */
function ballotOf(definition: MeetingDefinition, grades: readonly (number | null)[], shuffle: readonly number[]): BallotContent {
  const order = (n: number) => Array.from({ length: n }, (_, i) => i).sort((a, b) => (shuffle[a % shuffle.length] ?? 0) - (shuffle[b % shuffle.length] ?? 0) || a - b);
  const answers: Record<string, Record<string, number | null>> = {};
  let k = 0;
  for (const o of order(definition.objects.length)) {
    const object = definition.objects[o];
    if (!object) continue;
    const set = definition.indicatorSets.find((s) => s.id === object.indicatorSetId);
    const row: Record<string, number | null> = {};
    for (const i of order(set?.indicators.length ?? 0)) row[set?.indicators[i]?.id ?? ''] = grades[k++ % grades.length] ?? null;
    answers[object.id] = row;
  }
  return { type: 'graded', answers };
}

describe('ballotTextWriter', () => {
  it(`writes what storedBallotText writes for every accepted graded ballot (seed ${SEED})`, () => {
    const grade = fc.oneof(fc.constant(null), fc.integer({ min: 0, max: DEFAULT_SETTINGS.gradeScale.length - 1 }));
    fc.assert(
      fc.property(meeting, fc.array(grade, { minLength: 1, maxLength: 30 }), fc.array(fc.nat(), { minLength: 1, maxLength: 30 }), (definition, grades, shuffle) => {
        const ballot = ballotOf(definition, grades, shuffle);
        expect(ballotProblem(definition, ballot)).toBeNull();
        const written = ballotTextWriter(definition)(ballot);
        expect(written).toBe(storedBallotText(definition, ballot));
        expect(written).toBe(canonicalJson(ballot));
      }),
      { numRuns: 2000, seed: SEED },
    );
  });

  it('falls back to storedBallotText for a ballot missing an answer', () => {
    const definition = fc.sample(meeting, { numRuns: 1, seed: 7 })[0] as MeetingDefinition;
    const ballot = ballotOf(definition, [1], [0]);
    if (ballot.type !== 'graded') throw new Error('graded expected');
    const first = Object.keys(ballot.answers)[0] ?? '';
    const broken: BallotContent = { type: 'graded', answers: { ...ballot.answers, [first]: {} } };
    expect(ballotTextWriter(definition)(broken)).toBe(storedBallotText(definition, broken));
  });

  it('orders keys as canonicalJson does: array indices first, numerically, then the rest sorted', () => {
    const keys = ['b', '10', 'a', '9', '007', '0', '4294967295', '4294967294', 'Z'];
    expect(canonicalKeyOrder(keys)).toEqual(Object.keys(JSON.parse(canonicalJson(Object.fromEntries(keys.map((k) => [k, 1]))))));
    expect(canonicalKeyOrder(keys)).toEqual(['0', '9', '10', '4294967294', '007', '4294967295', 'Z', 'a', 'b']);
  });
});
