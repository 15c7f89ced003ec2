/**
 * Exact rational arithmetic for the tally (internal). Scores are means of grade points under
 * percentage weights, so they are rationals; computing them as BigInt fractions is what lets a
 * total of exactly 82.005 round to 82.01 instead of to 82.00 through a binary float.
 */
import { assert } from '../domain/result';

/** A rational number in lowest terms with a positive denominator. */
export interface Rational {
  readonly num: bigint;
  readonly den: bigint;
}

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) {
    const t = x % y;
    x = y;
    y = t;
  }
  return x;
}

/** Builds num/den in lowest terms; the denominator must not be zero. */
export function rational(num: bigint, den: bigint = 1n): Rational {
  assert(den !== 0n, 'rational with a zero denominator');
  // Keeping one canonical form makes equality a field comparison and keeps BigInts small.
  const sign = den < 0n ? -1n : 1n;
  const g = gcd(num, den);
  const divisor = g === 0n ? 1n : g;
  return { num: (sign * num) / divisor, den: (sign * den) / divisor };
}

/** Zero. */
export const ZERO: Rational = { num: 0n, den: 1n };

/** An integer as a rational. */
export function fromInt(n: number): Rational {
  assert(Number.isSafeInteger(n), `not a safe integer: ${n}`);
  return { num: BigInt(n), den: 1n };
}

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/;

/**
 * A finite number as the decimal a person typed: 0.1 becomes exactly 1/10, not the binary
 * float nearest to it, because weights and points are entered as decimals.
 */
export function fromNumber(n: number): Rational {
  assert(Number.isFinite(n), `not a finite number: ${n}`);
  if (Number.isSafeInteger(n)) return fromInt(n);
  const match = DECIMAL.exec(String(n));
  assert(match !== null, `unexpected number format: ${String(n)}`);
  const [, sign = '', whole = '0', fraction = '', exponent = '0'] = match;
  const digits = BigInt(`${sign}${whole}${fraction}`);
  const shift = Number(exponent) - fraction.length;
  return shift >= 0 ? rational(digits * 10n ** BigInt(shift)) : rational(digits, 10n ** BigInt(-shift));
}

/** a + b. */
export function add(a: Rational, b: Rational): Rational {
  return rational(a.num * b.den + b.num * a.den, a.den * b.den);
}

/** a − b. */
export function sub(a: Rational, b: Rational): Rational {
  return rational(a.num * b.den - b.num * a.den, a.den * b.den);
}

/** a · b. */
export function mul(a: Rational, b: Rational): Rational {
  return rational(a.num * b.num, a.den * b.den);
}

/** a / b; b must not be zero. */
export function div(a: Rational, b: Rational): Rational {
  assert(b.num !== 0n, 'division by zero');
  return rational(a.num * b.den, a.den * b.num);
}

/** Sum of a list (zero for an empty list). */
export function sum(values: readonly Rational[]): Rational {
  return values.reduce(add, ZERO);
}

/** −1, 0 or 1 as a is less than, equal to or greater than b. */
export function compare(a: Rational, b: Rational): -1 | 0 | 1 {
  const left = a.num * b.den;
  const right = b.num * a.den;
  return left < right ? -1 : left > right ? 1 : 0;
}

/** Whether two rationals are equal. */
export function equals(a: Rational, b: Rational): boolean {
  return a.num === b.num && a.den === b.den;
}

/**
 * Rounds to hundredths, half away from zero (四舍五入; scores are never negative, so this is
 * plain half-up), and answers the integer number of hundredths.
 */
export function roundHundredths(r: Rational): bigint {
  const magnitude = r.num < 0n ? -r.num : r.num;
  const rounded = (magnitude * 200n + r.den) / (2n * r.den);
  return r.num < 0n ? -rounded : rounded;
}

/** A number of hundredths as a 2-decimal string: 8201n → "82.01". */
export function formatHundredths(hundredths: bigint): string {
  const negative = hundredths < 0n;
  const magnitude = negative ? -hundredths : hundredths;
  const cents = (magnitude % 100n).toString().padStart(2, '0');
  return `${negative ? '-' : ''}${magnitude / 100n}.${cents}`;
}

/** A 2-decimal string back to hundredths: "82.01" → 8201n. */
export function parseHundredths(text: string): bigint {
  const match = /^(-?)(\d+)\.(\d\d)$/.exec(text);
  assert(match !== null, `not a 2-decimal figure: ${text}`);
  const [, sign = '', whole = '0', cents = '00'] = match;
  const magnitude = BigInt(whole) * 100n + BigInt(cents);
  return sign === '-' ? -magnitude : magnitude;
}

/** Half-up to 2 decimals as a string, exactly. */
export function toFixed2(r: Rational): string {
  return formatHundredths(roundHundredths(r));
}

/**
 * The exact decimal expansion when it terminates (denominator of only 2s and 5s), else null.
 * Sums of decimal points terminate, so sums can be printed without rounding.
 */
export function toExactDecimal(r: Rational): string | null {
  let den = r.den;
  let twos = 0;
  let fives = 0;
  while (den % 2n === 0n) {
    den /= 2n;
    twos += 1;
  }
  while (den % 5n === 0n) {
    den /= 5n;
    fives += 1;
  }
  if (den !== 1n) return null;
  const places = Math.max(twos, fives);
  const scaled = (r.num * 10n ** BigInt(places)) / r.den;
  if (places === 0) return scaled.toString();
  const negative = scaled < 0n;
  const digits = (negative ? -scaled : scaled).toString().padStart(places + 1, '0');
  return `${negative ? '-' : ''}${digits.slice(0, -places)}.${digits.slice(-places)}`;
}

/** A float close to r, for display and sorting convenience only; never for rounding. */
export function toNumber(r: Rational): number {
  // Number(num) / Number(den) would lose precision once either exceeds 2^53; 20 exact decimals
  // then one correctly rounded parse stays within an ulp whatever the sizes.
  const places = 20n;
  const scaled = (r.num * 10n ** places) / r.den;
  const negative = scaled < 0n;
  const digits = (negative ? -scaled : scaled).toString().padStart(21, '0');
  return Number(`${negative ? '-' : ''}${digits.slice(0, -20)}.${digits.slice(-20)}`);
}

/** "n" or "n/d" in lowest terms: a lossless, JSON-safe form that parseExact reads back. */
export function formatExact(r: Rational): string {
  return r.den === 1n ? r.num.toString() : `${r.num}/${r.den}`;
}

/** Reads what formatExact wrote. */
export function parseExact(text: string): Rational {
  const match = /^(-?\d+)(?:\/(\d+))?$/.exec(text);
  assert(match !== null, `not an exact figure: ${text}`);
  const [, num = '0', den = '1'] = match;
  return rational(BigInt(num), BigInt(den));
}
