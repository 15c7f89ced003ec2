/**
 * The ballot endpoint's parser: exactly what `submitRequestSchema` (tablet-schemas.ts) accepts,
 * written out by hand. A full graded ballot holds 500 answers, and zod's generic record walk took
 * ≈ 0.2 ms of the ≈ 0.75 ms of CPU the host spent per ballot under a 1,000-tablet burst (profiled
 * in docs/performance.md). The zod schema stays the specification: a property test feeds both the
 * same valid, nearly valid and random inputs and requires the same verdict and the same output.
 * A graded ballot's answers are returned as JSON.parse made them when they need no change
 * (answersAsParsed): the body is this request's own, and nothing downstream writes to it.
 */
import { SUBMISSION_KEY_PATTERN, type SubmitRequest } from './tablet-schemas';

const MAX_ID = 64;
const MAX_GRADE = 20;
const MAX_PICKS = 500;
const MAX_TAGS = 20;

type Plain = Record<string, unknown>;

/** An object as JSON.parse makes it (zod's strictObject and record refuse arrays and null). */
function isPlainObject(value: unknown): value is Plain {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function isId(value: unknown): value is string {
  return typeof value === 'string' && value.length >= 1 && value.length <= MAX_ID;
}

/** True when `value` has exactly the keys of `shape` (the strictObject rule), all present. */
function hasExactKeys(value: Plain, shape: readonly string[]): boolean {
  let count = 0;
  for (const key in value) {
    if (!Object.prototype.hasOwnProperty.call(value, key)) continue;
    if (!shape.includes(key)) return false;
    count += 1;
  }
  return count === shape.length;
}

function isGrade(value: unknown): value is number | null {
  return value === null || (typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= MAX_GRADE);
}

/** A record of ids; like zod, a `__proto__` key is left out of the copy rather than refused. */
function parseRecord<T>(value: unknown, parseValue: (v: unknown) => T | undefined): Record<string, T> | null {
  if (!isPlainObject(value)) return null;
  const out: Record<string, T> = {};
  for (const key of Object.keys(value)) {
    if (key === '__proto__') continue;
    if (!isId(key)) return null;
    const parsed = parseValue(value[key]);
    if (parsed === undefined) return null;
    out[key] = parsed;
  }
  return out;
}

/** A graded ballot's answers, copied: the general path, for anything answersAsParsed does not take. */
function parseAnswers(value: unknown): Record<string, Record<string, number | null>> | null {
  return parseRecord(value, (row) => parseRecord(row, (grade) => (isGrade(grade) ? grade : undefined)) ?? undefined);
}

const hasOwn = Object.prototype.hasOwnProperty;

/** True when `row` is a record of grades whose every key is an own id other than `__proto__`. */
function isPlainGradeRow(row: unknown): boolean {
  if (!isPlainObject(row)) return false;
  for (const key in row) {
    if (key === '__proto__' || !hasOwn.call(row, key) || !isId(key) || !isGrade(row[key])) return false;
  }
  return true;
}

/**
 * The answers as JSON.parse made them, when they are already exactly what parseAnswers would
 * copy: every key an own id other than `__proto__`, every row a record of grades. A valid
 * ballot's 500 answers are then checked without building 101 new objects (copying took ≈ 50 µs
 * of the host's CPU per ballot, docs/performance.md change 20). Anything else, valid or not,
 * goes through parseAnswers, so the verdict and the output stay those of the zod schema.
 */
function answersAsParsed(value: unknown): Record<string, Record<string, number | null>> | null {
  if (!isPlainObject(value)) return null;
  for (const key in value) {
    if (key === '__proto__' || !hasOwn.call(value, key) || !isId(key) || !isPlainGradeRow(value[key])) return parseAnswers(value);
  }
  return value as Record<string, Record<string, number | null>>;
}

function parseBallot(value: unknown): SubmitRequest['ballot'] | null {
  if (!isPlainObject(value)) return null;
  if (value['type'] === 'graded') {
    if (!hasExactKeys(value, ['type', 'answers'])) return null;
    const answers = answersAsParsed(value['answers']);
    return answers ? { type: 'graded', answers } : null;
  }
  if (value['type'] === 'worst') {
    if (!hasExactKeys(value, ['type', 'picks'])) return null;
    const picks = value['picks'];
    if (!Array.isArray(picks) || picks.length > MAX_PICKS) return null;
    const out: { objectId: string; tags: string[] }[] = [];
    for (const pick of picks as unknown[]) {
      if (!isPlainObject(pick) || !hasExactKeys(pick, ['objectId', 'tags'])) return null;
      const { objectId, tags } = pick;
      if (!isId(objectId) || !Array.isArray(tags) || tags.length > MAX_TAGS) return null;
      if (!(tags as unknown[]).every(isId)) return null;
      out.push({ objectId, tags: [...(tags as string[])] });
    }
    return { type: 'worst', picks: out };
  }
  return null;
}

/** The submit request, or null when `submitRequestSchema` would refuse it. */
export function parseSubmitRequest(body: unknown): SubmitRequest | null {
  if (!isPlainObject(body) || !hasExactKeys(body, ['code', 'submissionKey', 'ballot'])) return null;
  const code = body['code'];
  if (!isId(code)) return null;
  const submissionKey = body['submissionKey'];
  if (typeof submissionKey !== 'string' || !SUBMISSION_KEY_PATTERN.test(submissionKey)) return null;
  const ballot = parseBallot(body['ballot']);
  return ballot ? { code, submissionKey, ballot } : null;
}
