/**
 * Expected failures are values, not exceptions: every service and wire call answers a Result.
 * `message` is written for the person in front of the screen and says what to do next.
 */
import type { ErrorCode } from './errors';

export interface AppError {
  /** A code of the closed catalogue (./errors.ts); the console words it in its language. */
  readonly code: ErrorCode;
  readonly message: string;
  /** Optional machine-readable detail, e.g. the row and field of a bad import line. */
  readonly details?: unknown;
}

export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: AppError };

/** Wraps a value as a successful Result. */
export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

/** Wraps an error as a failed Result. */
export function err<T = never>(code: ErrorCode, message: string, details?: unknown): Result<T> {
  return details === undefined ? { ok: false, error: { code, message } } : { ok: false, error: { code, message, details } };
}

/** Marks a branch the type checker proves unreachable; throws if reached at run time. */
export function assertNever(value: never, what = 'value'): never {
  throw new Error(`unexpected ${what}: ${JSON.stringify(value)}`);
}

/** Invariant check: a broken invariant is a bug, never an expected failure. */
export function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(`assertion failed: ${message}`);
}
