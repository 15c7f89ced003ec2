/**
 * Indicator weights are percentages that must total exactly 100. Each weight is a positive number
 * with at most two decimals (so 33.33 + 33.33 + 33.34 works for three indicators); the check is done
 * on integer hundredths, so floating-point sums such as 33.33 + 33.33 + 33.34 are exact.
 */
import { fail, ok, type Result } from '../domain/result';

/** Hundredths of a percent, or undefined when the weight is not a number with at most 2 decimals. */
export function toHundredths(weight: number): number | undefined {
  if (!Number.isFinite(weight)) return undefined;
  const hundredths = Math.round(weight * 100);
  return Math.abs(weight * 100 - hundredths) < 1e-6 ? hundredths : undefined;
}

/** Formats hundredths as a percentage without trailing zeros: 9000 → "90", 3333 → "33.33". */
export function formatPercent(hundredths: number): string {
  const sign = hundredths < 0 ? '-' : '';
  const abs = Math.abs(hundredths);
  const whole = Math.floor(abs / 100);
  const fraction = abs % 100;
  if (fraction === 0) return `${sign}${whole}`;
  return `${sign}${whole}.${String(fraction).padStart(2, '0').replace(/0$/, '')}`;
}

/**
 * Checks the weights of one indicator set: every weight > 0 with at most 2 decimals, total exactly 100 %.
 * Answers the params the console words (shared/i18n/error-words.ts): the indicator's position and
 * its weight as typed, or the total, how far off and which way, both as shown percentages.
 */
export function validateIndicatorWeights(weights: readonly number[]): Result<void> {
  if (weights.length === 0) return fail('weights_empty');
  let total = 0;
  for (const [i, weight] of weights.entries()) {
    const hundredths = toHundredths(weight);
    if (hundredths === undefined || hundredths <= 0) return fail('weight_invalid', { position: i + 1, value: String(weight) });
    total += hundredths;
  }
  if (total !== 10000) {
    return fail('weights_total', { total: formatPercent(total), diff: formatPercent(Math.abs(10000 - total)), rule: total > 10000 ? 'over' : 'short' });
  }
  return ok(undefined);
}
