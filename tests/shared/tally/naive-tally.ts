/**
 * A deliberately naive second tally, written separately from shared/tally and never importing
 * it: for every object, group and indicator it loops over all ballots again, keeps fractions
 * unreduced as [numerator, denominator] pairs, rounds through truncated thousandths instead of
 * a half-up formula, and ranks by counting better rows instead of sorting. Integer grade points
 * and integer weights only (what the property tests generate).
 *
 * Rounding mode 'printed' (the default, as in the product): every step is rounded to 2 decimals
 * through naiveHundredths and the next step computes with that printed value; 'exact' rounds once.
 */
import type { EvalObject, Grade, IndicatorSet, TallyBallot, VoterGroup } from '../../../shared/domain/model';

/** An unreduced fraction. */
export type Frac = readonly [bigint, bigint];

const plus = (a: Frac, b: Frac): Frac => [a[0] * b[1] + b[0] * a[1], a[1] * b[1]];
const times = (a: Frac, b: Frac): Frac => [a[0] * b[0], a[1] * b[1]];
const over = (a: Frac, b: Frac): Frac => [a[0] * b[1], a[1] * b[0]];
const int = (n: number): Frac => [BigInt(n), 1n];

/** Hundredths, half-up: truncate to thousandths, then look at the last digit. */
export function naiveHundredths(f: Frac): bigint {
  let [n, d] = f;
  if (d < 0n) {
    n = -n;
    d = -d;
  }
  if (n < 0n) throw new Error('naive tally handles non-negative values only');
  const thousandths = (n * 1000n) / d;
  return thousandths / 10n + (thousandths % 10n >= 5n ? 1n : 0n);
}

/** "82.01" from a fraction. */
export function naiveRounded(f: Frac): string {
  const h = naiveHundredths(f);
  const cents = String(h % 100n);
  return `${h / 100n}.${cents.length === 1 ? `0${cents}` : cents}`;
}

export type NaiveMode = 'printed' | 'exact';

/** The value the next step sees: the printed hundredths, or the exact fraction. */
function step(f: Frac, mode: NaiveMode): Frac {
  return mode === 'printed' ? [naiveHundredths(f), 100n] : f;
}

/** Whether two fractions are equal. */
export function fracEquals(a: Frac, b: Frac): boolean {
  return a[0] * b[1] === b[0] * a[1];
}

export interface NaiveIndicator {
  readonly answered: number;
  readonly abstentions: number;
  readonly sum: number;
  readonly mean: string | null;
}

export interface NaiveGroup {
  readonly ballots: number;
  readonly answeredBallots: number;
  readonly score: string | null;
  readonly indicators: Readonly<Record<string, NaiveIndicator>>;
}

export interface NaiveGradedObject {
  readonly exact: Frac | null;
  readonly score: string | null;
  readonly missing: readonly VoterGroup[];
  readonly groups: Readonly<Partial<Record<VoterGroup, NaiveGroup>>>;
}

function answerOf(ballot: TallyBallot, objectId: string, indicatorId: string): number | null {
  if (ballot.content.type !== 'graded') return null;
  const forObject = ballot.content.answers[objectId];
  if (forObject === undefined) return null;
  const grade = forObject[indicatorId];
  return grade === undefined ? null : grade;
}

/** The graded meeting, the slow way. */
export function naiveGradedTally(input: {
  readonly objects: readonly EvalObject[];
  readonly indicatorSets: readonly IndicatorSet[];
  readonly gradeScale: readonly Grade[];
  readonly groups: readonly VoterGroup[];
  readonly groupWeights: Readonly<Partial<Record<VoterGroup, number>>>;
  readonly ballots: readonly TallyBallot[];
  readonly roundingMode?: NaiveMode;
}): Record<string, NaiveGradedObject> {
  const mode = input.roundingMode ?? 'printed';
  const out: Record<string, NaiveGradedObject> = {};
  for (const object of input.objects) {
    const set = input.indicatorSets.find((s) => s.id === object.indicatorSetId);
    if (set === undefined) throw new Error('no set');
    const groups: Partial<Record<VoterGroup, NaiveGroup>> = {};
    const groupExact: Partial<Record<VoterGroup, Frac>> = {};
    const missing: VoterGroup[] = [];
    for (const group of input.groups) {
      let ballotsOfGroup = 0;
      let answeredBallots = 0;
      for (const ballot of input.ballots) {
        if (ballot.group !== group) continue;
        ballotsOfGroup++;
        if (set.indicators.some((i) => answerOf(ballot, object.id, i.id) !== null)) answeredBallots++;
      }
      const indicators: Record<string, NaiveIndicator> = {};
      let weighted: Frac = [0n, 1n];
      let weights = 0;
      for (const indicator of set.indicators) {
        let answered = 0;
        let total = 0;
        for (const ballot of input.ballots) {
          if (ballot.group !== group) continue;
          const grade = answerOf(ballot, object.id, indicator.id);
          if (grade === null) continue;
          const g = input.gradeScale[grade];
          if (g === undefined) throw new Error('bad grade');
          answered++;
          total += g.points;
        }
        const mean: Frac | null = answered === 0 ? null : step([BigInt(total), BigInt(answered)], mode);
        indicators[indicator.id] = {
          answered,
          abstentions: ballotsOfGroup - answered,
          sum: total,
          mean: mean === null ? null : naiveRounded(mean),
        };
        if (mean !== null) {
          weighted = plus(weighted, times(int(indicator.weight), mean));
          weights += indicator.weight;
        }
      }
      const score = weights === 0 ? null : step(over(weighted, int(weights)), mode);
      if (score === null) missing.push(group);
      else groupExact[group] = score;
      groups[group] = { ballots: ballotsOfGroup, answeredBallots, score: score === null ? null : naiveRounded(score), indicators };
    }
    let exact: Frac | null = null;
    if (missing.length === 0) {
      exact = [0n, 1n];
      for (const group of input.groups) {
        const g = groupExact[group];
        if (g === undefined) throw new Error('unreachable');
        exact = plus(exact, times(over(int(input.groupWeights[group] ?? 0), int(100)), g));
      }
      exact = step(exact, mode);
    }
    out[object.id] = { exact, score: exact === null ? null : naiveRounded(exact), missing, groups };
  }
  return out;
}

/** Ranks by counting: rank = 1 + number of scored rows strictly better, vetoed as a block. */
function naiveRanks(
  rows: readonly { readonly id: string; readonly name: string; readonly key: bigint | null; readonly vetoed: boolean }[],
  highFirst: boolean,
  vetoedFirst: boolean,
): Record<string, number | null> {
  const ranks: Record<string, number | null> = {};
  const scored = rows.filter((r) => !r.vetoed && r.key !== null);
  const vetoed = rows.filter((r) => r.vetoed).map((r) => r.name + '\u0000' + r.id);
  vetoed.sort();
  for (const row of rows) {
    if (row.vetoed) {
      const index = vetoed.indexOf(row.name + '\u0000' + row.id);
      ranks[row.id] = index + 1 + (vetoedFirst ? 0 : scored.length);
    } else if (row.key === null) {
      ranks[row.id] = null;
    } else {
      const key = row.key;
      let better = 0;
      for (const other of scored) {
        if (other.key !== null && (highFirst ? other.key > key : other.key < key)) better++;
      }
      ranks[row.id] = better + 1 + (vetoedFirst ? vetoed.length : 0);
    }
  }
  return ranks;
}

export interface NaiveRoundRow {
  readonly selfPoints: string | null;
  readonly socialPoints: string | null;
  readonly total: string | null;
  readonly rank: number | null;
}

/** The round, the slow way: totals from the naive meeting tallies, ranks per category if asked. */
export function naiveCombineRound(input: {
  readonly objects: readonly EvalObject[];
  readonly self: Record<string, NaiveGradedObject> | null;
  readonly social: Record<string, NaiveGradedObject> | null;
  readonly points: { readonly self: number; readonly social: number };
  readonly vetoes: readonly { readonly objectId: string; readonly reason: string }[];
  readonly order: 'best-first' | 'worst-first';
  readonly byCategory: boolean;
  readonly roundingMode?: NaiveMode;
}): Record<string, NaiveRoundRow> {
  const mode = input.roundingMode ?? 'printed';
  const totals: Record<string, { selfPoints: Frac | null; socialPoints: Frac | null; total: Frac | null }> = {};
  for (const object of input.objects) {
    const s = input.self?.[object.id]?.exact ?? null;
    const t = input.social?.[object.id]?.exact ?? null;
    const selfPoints = s === null ? null : step(over(times(int(input.points.self), s), int(100)), mode);
    const socialPoints = t === null ? null : step(over(times(int(input.points.social), t), int(100)), mode);
    totals[object.id] = { selfPoints, socialPoints, total: selfPoints && socialPoints ? plus(selfPoints, socialPoints) : null };
  }
  const out: Record<string, NaiveRoundRow> = {};
  const categories = input.byCategory ? [...new Set(input.objects.map((o) => o.category))] : [null];
  for (const category of categories) {
    const members = input.objects.filter((o) => category === null || o.category === category);
    const ranks = naiveRanks(
      members.map((o) => {
        const total = totals[o.id]?.total ?? null;
        return { id: o.id, name: o.name, key: total === null ? null : naiveHundredths(total), vetoed: input.vetoes.some((v) => v.objectId === o.id) };
      }),
      input.order === 'best-first',
      input.order === 'worst-first',
    );
    for (const o of members) {
      const t = totals[o.id];
      out[o.id] = {
        selfPoints: t?.selfPoints ? naiveRounded(t.selfPoints) : null,
        socialPoints: t?.socialPoints ? naiveRounded(t.socialPoints) : null,
        total: t?.total ? naiveRounded(t.total) : null,
        rank: ranks[o.id] ?? null,
      };
    }
  }
  return out;
}

export interface NaiveWorstRow {
  readonly nominations: number;
  readonly groupRates: Readonly<Partial<Record<VoterGroup, string | null>>>;
  readonly rate: string | null;
  readonly rank: number | null;
  readonly tagCounts: readonly number[];
  readonly mainProblems: readonly string[];
}

/** The worst-list meeting, the slow way. */
export function naiveWorstTally(input: {
  readonly objects: readonly EvalObject[];
  readonly tagIds: readonly string[];
  readonly groups: readonly VoterGroup[];
  readonly groupWeights: Readonly<Partial<Record<VoterGroup, number>>>;
  readonly vetoes: readonly { readonly objectId: string; readonly reason: string }[];
  readonly ballots: readonly TallyBallot[];
  readonly topN: number;
  readonly roundingMode?: NaiveMode;
}): { readonly rows: Record<string, NaiveWorstRow>; readonly top: readonly string[] } {
  const mode = input.roundingMode ?? 'printed';
  const pre: Record<string, { nominations: number; groupRates: Partial<Record<VoterGroup, string | null>>; rate: Frac | null; tagCounts: number[] }> = {};
  for (const object of input.objects) {
    let nominations = 0;
    const tagCounts = input.tagIds.map(() => 0);
    const groupRates: Partial<Record<VoterGroup, string | null>> = {};
    let combined: Frac | null = [0n, 1n];
    for (const group of input.groups) {
      let ballots = 0;
      let named = 0;
      for (const ballot of input.ballots) {
        if (ballot.group !== group || ballot.content.type !== 'worst') continue;
        ballots++;
        for (const pick of ballot.content.picks) {
          if (pick.objectId !== object.id) continue;
          named++;
          input.tagIds.forEach((tag, index) => {
            if (pick.tags.includes(tag)) tagCounts[index] = (tagCounts[index] ?? 0) + 1;
          });
        }
      }
      nominations += named;
      if (ballots === 0) {
        groupRates[group] = null;
        combined = null;
      } else {
        const rate: Frac = step([BigInt(named * 100), BigInt(ballots)], mode);
        groupRates[group] = naiveRounded(rate);
        if (combined !== null) combined = plus(combined, over(times(int(input.groupWeights[group] ?? 0), rate), int(100)));
      }
    }
    pre[object.id] = { nominations, groupRates, rate: combined === null ? null : step(combined, mode), tagCounts };
  }
  const ranks = naiveRanks(
    input.objects.map((o) => {
      const rate = pre[o.id]?.rate ?? null;
      return { id: o.id, name: o.name, key: rate === null ? null : naiveHundredths(rate), vetoed: input.vetoes.some((v) => v.objectId === o.id) };
    }),
    true,
    true,
  );
  const rows: Record<string, NaiveWorstRow> = {};
  const top: string[] = [];
  for (const object of input.objects) {
    const p = pre[object.id];
    if (p === undefined) continue;
    // Main problems: repeatedly take the first tag with the highest remaining count.
    const mainProblems: string[] = [];
    const remaining = [...p.tagCounts];
    for (;;) {
      let best = -1;
      remaining.forEach((count, index) => {
        if (count > 0 && (best === -1 || count > (remaining[best] ?? 0))) best = index;
      });
      if (best === -1) break;
      mainProblems.push(input.tagIds[best] ?? '?');
      remaining[best] = 0;
    }
    const rank = ranks[object.id] ?? null;
    const vetoed = input.vetoes.some((v) => v.objectId === object.id);
    rows[object.id] = {
      nominations: p.nominations,
      groupRates: p.groupRates,
      rate: p.rate === null ? null : naiveRounded(p.rate),
      rank,
      tagCounts: p.tagCounts,
      mainProblems,
    };
    if (rank !== null && rank <= input.topN && (vetoed || p.nominations > 0)) top.push(object.id);
  }
  return { rows, top };
}
