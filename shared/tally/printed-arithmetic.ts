/**
 * The printed arithmetic: how each figure on a sheet follows from figures printed before it.
 *
 * Scrutineers (监票人, 计票人) check the signed sheet with a pen, so by default ('printed') every
 * figure is rounded half-up to 2 decimals and the next step computes with the PRINTED value:
 *   indicator mean  = round(Σ points / answered)
 *   group score     = round(Σ wᵢ · printed mean / Σ wᵢ)
 *   meeting score   = round(Σ W_g · printed group score / 100)
 *   component points= round(printed score × points / 100)
 *   total           = Σ printed component points (exact: a sum of 2-decimal values)
 * Ranks follow the printed total. In 'exact' mode every step keeps the exact fraction and only
 * the figure a reader finally sees is rounded; a sheet then prints its parts with PART_DIGITS_EXACT
 * decimals and says so in a footnote (rule-text.ts).
 *
 * This module is the one place the mode changes arithmetic: the tally calls carry() at each step,
 * and checkPrintedRoundRow/checkPrintedMeetingRow re-do a printed row with the printed strings
 * alone, as a scrutineer would (used by the property tests and by retally).
 */
import { div, formatHundredths, fromInt, fromNumber, mul, parseExact, parseHundredths, rational, roundHundredths, sum, type Rational } from './exact-number';
import type { ExactFigure } from './figure';

import type { RoundingMode } from '../domain/model';

export type { RoundingMode };

export const ROUNDING_MODES: readonly RoundingMode[] = ['printed', 'exact'];

/** DOMAIN.md: "Default: every figure that is printed is rounded … the next step uses the printed value". */
export const DEFAULT_ROUNDING_MODE: RoundingMode = 'printed';

/** Decimals a part (a score or points that enter a later sum) is printed with in exact mode. */
export const PART_DIGITS_EXACT = 4;

/** The value a step hands on to the next: the printed 2-decimal value, or the exact one. */
export function carry(value: Rational, mode: RoundingMode): Rational {
  return mode === 'printed' ? rational(roundHundredths(value), 100n) : value;
}

/** Half-up to `digits` decimals, computed exactly ("38.8750" for 311/8 with 4 digits). */
export function roundToDigits(value: Rational, digits: number): string {
  const scale = 10n ** BigInt(digits);
  const negative = value.num < 0n;
  const num = negative ? -value.num : value.num;
  const scaled = (num * scale * 2n + value.den) / (value.den * 2n);
  const whole = scaled / scale;
  const fraction = String(scaled % scale).padStart(digits, '0');
  const text = digits === 0 ? String(whole) : `${String(whole)}.${fraction}`;
  return negative && scaled !== 0n ? `-${text}` : text;
}

/** Decimals a part is printed with under a mode: 2 when printed, more when the sum is exact. */
export function partDigits(mode: RoundingMode): number {
  return mode === 'printed' ? 2 : PART_DIGITS_EXACT;
}

/**
 * How a part (a figure a later sum uses) is printed: its 2-decimal value when printed, which is
 * exactly the value carried on; with partDigits(mode) decimals in exact mode, so a reader can see
 * why the rounded total may differ by 0.01 from the sum of 2-decimal parts.
 */
export function partText(figure: ExactFigure, mode: RoundingMode): string {
  return mode === 'printed' ? figure.rounded : roundToDigits(parseExact(figure.exact), partDigits(mode));
}

// --- Checking a printed row by hand: only printed strings and settings go in. -----------------

/** A printed 2-decimal figure as an exact rational ("38.88" → 3888/100). */
function printed(text: string): Rational {
  return rational(parseHundredths(text), 100n);
}

/** round(Σ weightᵢ · valueᵢ / divisor) on printed values, as the sheet's rule says. */
export function printedWeighted(terms: readonly { readonly weight: number; readonly value: string }[], divisor: number): string {
  const total = sum(terms.map((t) => mul(fromNumber(t.weight), printed(t.value))));
  return formatHundredths(roundHundredths(div(total, fromNumber(divisor))));
}

/** round(printed score × points / 100): a component's 折算. */
export function printedPoints(score: string, points: number): string {
  return formatHundredths(roundHundredths(div(mul(printed(score), fromNumber(points)), fromInt(100))));
}

/** Σ printed parts: the 总分 (exact, the parts have 2 decimals). */
export function printedSum(parts: readonly string[]): string {
  return formatHundredths(parts.reduce((total, part) => total + parseHundredths(part), 0n));
}

/** What a printed round row shows. */
export interface PrintedRoundRow {
  readonly selfScore: string | null;
  readonly socialScore: string | null;
  readonly selfPoints: string | null;
  readonly socialPoints: string | null;
  readonly total: string | null;
}

/**
 * Problems a scrutineer would find in a printed round row (empty when it adds up): each 折算
 * is round(得分 × 分值 / 100) and the total the sum of the printed 折算.
 */
export function checkPrintedRoundRow(row: PrintedRoundRow, points: { readonly self: number; readonly social: number }): readonly string[] {
  const problems: string[] = [];
  const pairs = [
    ['self', row.selfScore, row.selfPoints],
    ['social', row.socialScore, row.socialPoints],
  ] as const;
  for (const [component, score, shown] of pairs) {
    if ((score === null) !== (shown === null)) problems.push(`${component}: score and points must both be printed or both be blank`);
    if (score !== null && shown !== null && printedPoints(score, points[component]) !== shown) {
      problems.push(`${component}: round(${score} × ${points[component]} / 100) = ${printedPoints(score, points[component])}, printed ${shown}`);
    }
  }
  if (row.total !== null) {
    if (row.selfPoints === null || row.socialPoints === null) problems.push('a total is printed without both parts');
    else if (printedSum([row.selfPoints, row.socialPoints]) !== row.total) {
      problems.push(`${row.selfPoints} + ${row.socialPoints} = ${printedSum([row.selfPoints, row.socialPoints])}, printed ${row.total}`);
    }
  }
  return problems;
}

/** What a printed meeting row shows: the groups' printed scores and the meeting score. */
export interface PrintedMeetingRow {
  readonly score: string | null;
  readonly groups: readonly { readonly weight: number; readonly figure: string | null }[];
}

/** Problems in a printed meeting row: the score must be round(Σ W_g · printed group / 100). */
export function checkPrintedMeetingRow(row: PrintedMeetingRow): readonly string[] {
  if (row.score === null) return [];
  if (row.groups.some((g) => g.figure === null)) return ['a meeting score is printed without every group score'];
  const expected = printedWeighted(
    row.groups.map((g) => ({ weight: g.weight, value: g.figure ?? '0.00' })),
    100,
  );
  return expected === row.score ? [] : [`Σ W·group / 100 = ${expected}, printed ${row.score}`];
}
