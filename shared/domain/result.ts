/**
 * Expected failures are values, not exceptions: every service and wire call answers a Result.
 * Core says what failed as a code of the closed catalogue plus its parameters (the row, the
 * field, the limit); the chair console words it in Chinese or English (shared/i18n/error-words.ts).
 * The one Result shape of the code base: the tablet's answers are Result<T, TabletError>.
 */
import type { ErrorCode } from './errors';

/**
 * The facts a message is worded from: names, numbers and the kind of action that was refused, and
 * lists of names (a file's headers) where a message names several.
 */
export type ErrorParams = Readonly<Record<string, string | number | readonly string[]>>;

export interface AppError {
  /** A code of the closed catalogue (./errors.ts); the console words it in its language. */
  readonly code: ErrorCode;
  /**
   * For logs: made by fail() from the code and params (errorFallback), never written at a call
   * site. The console and the command line word the code (shared/i18n/error-words.ts).
   */
  readonly message: string;
  /** What the console's wording of `code` fills in. Present on every error made by fail(); an answer of an older core may lack it. */
  readonly params?: ErrorParams;
  /** Optional machine-readable detail, e.g. the row and field of a bad import line. */
  readonly details?: unknown;
}

export type Result<T, E = AppError> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: E };

/** The failed half of a Result. */
export type Failure<E = AppError> = Extract<Result<never, E>, { ok: false }>;

/** The one plain fallback wording of an error: its code and params, e.g. `field_too_long (field=name, max=40)`. */
export function errorFallback(code: string, params: ErrorParams = {}): string {
  const shown = Object.entries(params).map(([key, value]) => `${key}=${String(value)}`);
  return shown.length === 0 ? code : `${code} (${shown.join(', ')})`;
}

/** A failure as a code and its params; the console words it (shared/i18n/error-words.ts). */
export function fail<T = never>(code: ErrorCode, params: ErrorParams = {}, details?: unknown): Result<T> {
  const error: AppError = { code, message: errorFallback(code, params), params };
  return { ok: false, error: details === undefined ? error : { ...error, details } };
}

/** Wraps a value as a successful Result. */
export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

/** Marks a branch the type checker proves unreachable; throws if reached at run time. */
export function assertNever(value: never, what = 'value'): never {
  throw new Error(`unexpected ${what}: ${JSON.stringify(value)}`);
}

/** Invariant check: a broken invariant is a bug, never an expected failure. */
export function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(`assertion failed: ${message}`);
}
