/**
 * The hand-written ballot parser must accept exactly what the zod schema accepts, and give the
 * same ballot back: the schema is the specification, the parser only its fast path.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseSubmitRequest } from '../../../shared/api/submit-request';
import { submitRequestSchema } from '../../../shared/api/tablet-schemas';
import { canonicalJson } from '../../../shared/domain/canonical-json';

/** Submission keys around the pattern's edges: 21–65 characters, the allowed alphabet and a few others. */
const submissionKey = fc.string({ unit: fc.constantFrom('A', 'z', '0', '_', '-', '=', '+', '/', ' '), minLength: 20, maxLength: 66 });

/** Ids around the length limits, odd unicode and the keys objects treat specially. */
const id = fc.oneof(
  fc.constantFrom('o1', 'i2', '', 'x'.repeat(64), 'x'.repeat(65), '__proto__', 'constructor', 'toString', '0', '10', '\u0000', '\ud800', '科室'),
  fc.string({ minLength: 0, maxLength: 70 }),
);
const grade = fc.oneof(
  fc.integer({ min: -2, max: 22 }),
  fc.constantFrom(null, 0, 20, 21, -0, 0.5, 19.999, 1e21, '5', true, [], {}),
  fc.double(),
);
const answers = fc.dictionary(id, fc.oneof({ weight: 8, arbitrary: fc.dictionary(id, grade, { maxKeys: 6 }) }, { weight: 1, arbitrary: fc.jsonValue() }), { maxKeys: 6 });
const graded = fc.record({ type: fc.constant('graded'), answers }, { requiredKeys: [] });
const pick = fc.oneof(
  { weight: 8, arbitrary: fc.record({ objectId: id, tags: fc.array(id, { maxLength: 22 }) }) },
  { weight: 1, arbitrary: fc.record({ objectId: id, tags: fc.array(id), extra: fc.jsonValue() }, { requiredKeys: [] }) },
  { weight: 1, arbitrary: fc.jsonValue() },
);
const worst = fc.record({ type: fc.constant('worst'), picks: fc.oneof(fc.array(pick, { maxLength: 8 }), fc.jsonValue()) }, { requiredKeys: [] });
const ballot = fc.oneof(graded, worst, fc.record({ type: fc.jsonValue(), answers }), fc.jsonValue());
/** The tablet's submission key: valid ones, ones just outside the pattern, and non-strings. */
const key = fc.oneof(
  fc.constantFrom('A'.repeat(22), 'a_-9'.repeat(16), 'A'.repeat(21), 'A'.repeat(65), 'A'.repeat(21) + '=', 'A'.repeat(21) + '+', null, 7),
  fc.string({ minLength: 20, maxLength: 66 }),
);
const body = fc.oneof(
  { weight: 6, arbitrary: fc.record({ code: id, submissionKey: fc.oneof(submissionKey, key), ballot }) },
  { weight: 1, arbitrary: fc.record({ code: id, ballot }) },
  { weight: 1, arbitrary: fc.record({ code: fc.jsonValue(), submissionKey: fc.oneof(submissionKey, fc.jsonValue()), ballot, more: fc.jsonValue() }, { requiredKeys: [] }) },
  { weight: 1, arbitrary: fc.jsonValue() },
);

/** What the server gets: the body after a trip through JSON, as fastify parses it. */
function overTheWire(value: unknown): unknown {
  const text = JSON.stringify(value);
  return text === undefined ? undefined : JSON.parse(text);
}

function sameVerdict(input: unknown): void {
  const fast = parseSubmitRequest(input);
  const spec = submitRequestSchema.safeParse(input);
  expect(fast !== null, JSON.stringify(input)).toBe(spec.success);
  if (fast && spec.success) {
    expect(fast).toEqual(spec.data);
    expect(canonicalJson(fast.ballot)).toBe(canonicalJson(spec.data.ballot));
  }
}

describe('parseSubmitRequest', () => {
  it('accepts and refuses exactly what submitRequestSchema does, on 20,000 generated bodies', () => {
    fc.assert(fc.property(body, (value) => sameVerdict(overTheWire(value))), { numRuns: 20_000, seed: 20261129 });
  });

  it('agrees on the edge cases one by one', () => {
    const full = { type: 'graded', answers: { o1: { i1: 20, i2: null, i3: 0 } } };
    const cases: unknown[] = [
      { code: 'ABCD', ballot: full },
      { code: 'ABCD', ballot: { type: 'worst', picks: [{ objectId: 'o1', tags: ['t1'] }] } },
      { code: 'ABCD', ballot: { type: 'worst', picks: [] } },
      { code: 'ABCD', ballot: { type: 'graded', answers: {} } },
      { code: 'ABCD', ballot: { type: 'worst', picks: Array.from({ length: 501 }, () => ({ objectId: 'o', tags: [] })) } },
      { code: 'ABCD', ballot: { type: 'worst', picks: [{ objectId: 'o', tags: Array.from({ length: 21 }, () => 't') }] } },
      { code: 'ABCD', ballot: { ...full, extra: 1 } },
      { code: 'ABCD', ballot: full, extra: 1 },
      { code: '', ballot: full },
      { code: 'ABCD', ballot: { type: 'graded', answers: { o1: { i1: 20.5 } } } },
      { code: 'ABCD', ballot: { type: 'graded', answers: { o1: [20] } } },
      { code: 'ABCD', ballot: { type: 'graded', answers: [] } },
      { code: 'ABCD' },
      [{ code: 'ABCD', ballot: full }],
      null,
      'text',
    ];
    for (const value of cases) sameVerdict(overTheWire(value));
    // Keys only JSON.parse can make own properties: __proto__ inside a record, and at the top.
    sameVerdict(JSON.parse('{"code":"ABCD","ballot":{"type":"graded","answers":{"__proto__":{"i1":5},"o1":{"__proto__":3,"i1":1}}}}'));
    sameVerdict(JSON.parse('{"code":"ABCD","ballot":{"type":"graded","answers":{}},"__proto__":{}}'));
    sameVerdict(JSON.parse('{"code":"ABCD","ballot":{"type":"worst","picks":[{"objectId":"o","tags":[],"__proto__":1}]}}'));
  });
});
