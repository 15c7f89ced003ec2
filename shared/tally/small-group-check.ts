/**
 * Proof, for a meeting's actual numbers, that a published worst-list figure gives no group's count
 * away. With 3 officials and 20 recipients, a combined rate of 20.50 % has exactly one solution in
 * whole nominations per group (0.3 · 1/3 + 0.7 · 3/20): hiding the per-group cells is not enough.
 *
 * solutionsFor enumerates every tuple of per-group nomination counts (0..ballots of each group)
 * and keeps those that reproduce every published figure under the meeting's rounding mode. A
 * figure may be published only where more than one tuple remains; publishableRates answers that
 * for every object of a meeting at once.
 */
import type { RoundingMode, VoterGroup } from '../domain/model';
import { div, fromInt, fromNumber, mul, roundHundredths, sum, formatHundredths } from './exact-number';
import { carry } from './printed-arithmetic';

/** A voter group as the published outputs show it: its weight and how many ballots it cast. */
export interface PublishedGroup {
  readonly group: VoterGroup;
  readonly weight: number;
  readonly ballots: number;
}

/** What leaves the room about one object: its combined rate (printed, %), its total nominations, or neither. */
export interface PublishedWorstFigures {
  readonly rate: string | null;
  readonly nominations: number | null;
}

/** Enumeration stops here: a meeting large enough to reach it has no small group to protect. */
const MAX_TUPLES = 2_000_000;

/** The combined rate the tally would print for these per-group nominations. */
export function combinedRateOf(groups: readonly PublishedGroup[], counts: readonly number[], mode: RoundingMode): string | null {
  if (groups.some((g) => g.ballots === 0)) return null;
  const rates = groups.map((g, i) => carry(div(mul(fromInt(counts[i] ?? 0), fromInt(100)), fromInt(g.ballots)), mode));
  const combined = div(sum(groups.map((g, i) => mul(fromNumber(g.weight), rates[i] ?? fromInt(0)))), fromInt(100));
  return formatHundredths(roundHundredths(combined));
}

/**
 * How many tuples of per-group counts reproduce every published figure, up to `limit` (2 is
 * enough to know a figure is safe). Infinity when the groups are too large to enumerate, which
 * only happens where no group is small.
 */
export function solutionsFor(groups: readonly PublishedGroup[], figures: PublishedWorstFigures, mode: RoundingMode, limit = 2): number {
  const tuples = groups.reduce((n, g) => n * (g.ballots + 1), 1);
  if (tuples > MAX_TUPLES) return Number.POSITIVE_INFINITY;
  let found = 0;
  const counts = groups.map(() => 0);
  const visit = (index: number): boolean => {
    if (index === groups.length) {
      const total = counts.reduce((a, b) => a + b, 0);
      if (figures.nominations !== null && total !== figures.nominations) return false;
      if (figures.rate !== null && combinedRateOf(groups, counts, mode) !== figures.rate) return false;
      found += 1;
      return found >= limit;
    }
    for (let c = 0; c <= (groups[index]?.ballots ?? 0); c += 1) {
      counts[index] = c;
      if (visit(index + 1)) return true;
    }
    return false;
  };
  visit(0);
  return found;
}

/**
 * Whether a meeting may publish its objects' combined rates: false when any group is below the
 * threshold and some object's published figures have a single solution. A published figure set
 * that has no solution at all cannot come from this meeting's ballots and is refused too.
 */
export function ratesArePublishable(
  groups: readonly PublishedGroup[],
  objects: readonly PublishedWorstFigures[],
  smallGroupK: number,
  mode: RoundingMode,
): boolean {
  if (!groups.some((g) => g.ballots < smallGroupK)) return true;
  return objects.every((figures) => (figures.rate === null && figures.nominations === null) || solutionsFor(groups, figures, mode) > 1);
}
