/**
 * How the tally hands numbers to callers: a float for convenience, the exactly rounded
 * 2-decimal string that is printed and ranked on, and the exact fraction so that a later step
 * (combining the round) can keep computing without any loss.
 */
import { formatExact, parseExact, parseHundredths, roundHundredths, formatHundredths, toNumber, type Rational } from './exact-number';

/** A computed figure (score, points, rate), JSON-safe. */
export interface ExactFigure {
  /** Float approximation, for display widgets and sorting convenience only. */
  readonly value: number;
  /** Half-up to 2 decimals, computed exactly: what is printed and what ranks are based on. */
  readonly rounded: string;
  /** `rounded` as a number (Number("82.01")). */
  readonly roundedValue: number;
  /** The exact value, "n" or "n/d" in lowest terms. */
  readonly exact: string;
}

/** Wraps an exact rational as a figure. */
export function figureOf(r: Rational): ExactFigure {
  const rounded = formatHundredths(roundHundredths(r));
  return { value: toNumber(r), rounded, roundedValue: Number(rounded), exact: formatExact(r) };
}

/** The exact rational behind a figure. */
export function rationalOf(figure: ExactFigure): Rational {
  return parseExact(figure.exact);
}

/** The rounded value as an integer number of hundredths, the key ranks compare. */
export function hundredthsOf(figure: ExactFigure): bigint {
  return parseHundredths(figure.rounded);
}
