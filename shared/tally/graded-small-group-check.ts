/**
 * Proof, for a graded meeting's actual numbers, that no published score gives a small group's
 * figure away. Hiding a small group's cells is not enough: the meeting score is
 * round(W₁·x₁ + W₂·x₂) / 100 with known weights, and with 3 officials the set of scores they can
 * give an object is small and sparse, so a published 99.87 may fit only one officials' score
 * (and a published 100.00 says every answer was 满意). A self-evaluation meeting's score IS its
 * one group's score, so a small self-evaluation never publishes scores.
 *
 * The check is constructive. For each object and each small group it looks for two different
 * printed group scores x ≠ x′ of the small group, each with an achievable score of the other group
 * that reproduces the published figure exactly (same carry and rounding as the tally). Two found:
 * nobody can tell the small group's figure from what is published. Fewer: the meeting's scores
 * are withheld. The sets of achievable group scores are computed exactly for the default
 * ('printed', every step on 2 decimals, so a group score is one of 0.00 … 100.00 and a bitset
 * holds them all); where exact enumeration would cost too much (exact mode, large groups under
 * unusual weights) a SUBSET of achievable scores is used. A subset can only miss witnesses, never
 * invent one, so the check may withhold more than needed but never publishes a derivable figure.
 *
 * Whole-meeting verdict, never per object: withholding only the objects whose figure is
 * determined would itself say which ones those are.
 */
import type { RoundingMode } from '../domain/model';
import type { PublishedGroup } from './small-group-check';

/** How a group score is formed for one object: its indicator set's weights and the grade scale. */
export interface GradedScoreRules {
  /** Percent weights of the indicators of the object's set. */
  readonly indicatorWeights: readonly number[];
  /** Points of each grade of the scale. */
  readonly gradePoints: readonly number[];
  /** A ballot may leave an indicator blank (弃权); false when the meeting requires every answer. */
  readonly abstentions: boolean;
  readonly mode: RoundingMode;
}

/** What leaves the room about one object of a graded meeting: its meeting score as printed, or null (incomplete). */
export interface PublishedGradedObject {
  readonly score: string | null;
  readonly rules: GradedScoreRules;
}

/** Why a graded meeting's scores are withheld (null verdict reason: publishable). */
export type GradedWithholdReason = 'single-group' | 'determined' | 'unproven';

export interface GradedVerdict {
  readonly publishable: boolean;
  readonly reason: GradedWithholdReason | null;
}

/**
 * The achievable group scores of one group, as integers k over a common denominator `den`
 * (value = k / den points). `printedOf(k)` is the 2-decimal figure the score would print as, in
 * hundredths; `exact` says the set is every achievable score, not a subset.
 */
interface ValueSet {
  readonly den: bigint;
  readonly bits: Uint8Array;
  /** prefix[i] = number of members below i: any member in [lo, hi] is prefix[hi+1] − prefix[lo] > 0. */
  readonly prefix: Int32Array;
  readonly exact: boolean;
  readonly printedOf: (k: number) => number;
}

/** Past this many word operations the exact enumeration gives way to a subset (see the module comment). */
const WORK_BUDGET = 60_000_000;
/** A value set never grows past this many members' range. */
const MAX_RANGE = 40_000_000;

/** Integers proportional to `values` (decimals as typed, up to 4 places), divided by their gcd; null when none fit. */
export function scaledIntegers(values: readonly number[]): number[] | null {
  for (let d = 0; d <= 4; d += 1) {
    const f = 10 ** d;
    const scaled = values.map((v) => Math.round(v * f));
    if (scaled.every((s, i) => Math.abs(s - (values[i] ?? 0) * f) < 1e-6 && s >= 0)) {
      const g = scaled.reduce((a, b) => gcdInt(a, b), 0);
      return g === 0 ? scaled : scaled.map((s) => s / g);
    }
  }
  return null;
}

function gcdInt(a: number, b: number): number {
  let x = Math.abs(a);
  let y = Math.abs(b);
  while (y !== 0) [x, y] = [y, x % y];
  return x;
}

/** round half up of num/den for non-negative integers (the tally's rounding of a non-negative value). */
function roundDiv(num: number, den: number): number {
  return Math.floor((2 * num + den) / (2 * den));
}

/** Sums of `count` grades (points in hundredths), as a sorted list. */
function sumsOf(points: readonly number[], count: number): number[] {
  let sums = new Set<number>([0]);
  for (let i = 0; i < count; i += 1) {
    const next = new Set<number>();
    for (const s of sums) for (const p of points) next.add(s + p);
    sums = next;
  }
  return [...sums].sort((a, b) => a - b);
}

/** dst |= src << shift, bit-level, on 32-bit words. */
function shiftOr(dst: Uint32Array, src: Uint32Array, shift: number): void {
  const ws = shift >>> 5;
  const bs = shift & 31;
  const n = Math.min(src.length, dst.length - ws);
  if (bs === 0) {
    for (let i = 0; i < n; i += 1) dst[i + ws] = (dst[i + ws] ?? 0) | (src[i] ?? 0);
    return;
  }
  for (let i = 0; i < n; i += 1) {
    const w = src[i] ?? 0;
    if (w === 0) continue;
    dst[i + ws] = (dst[i + ws] ?? 0) | (w << bs);
    if (i + ws + 1 < dst.length) dst[i + ws + 1] = (dst[i + ws + 1] ?? 0) | (w >>> (32 - bs));
  }
}

function finish(bits: Uint8Array, den: bigint, exact: boolean, printedOf: (k: number) => number): ValueSet {
  const prefix = new Int32Array(bits.length + 1);
  for (let i = 0; i < bits.length; i += 1) prefix[i + 1] = (prefix[i] ?? 0) + (bits[i] ?? 0);
  return { den, bits, prefix, exact, printedOf };
}

/**
 * Printed mode: a group score is round(Σ wᵢ·mᵢ / Σ_A wᵢ) in hundredths, mᵢ = round(sumᵢ / answeredᵢ)
 * the printed indicator mean, over the answered indicators A. A dynamic programme over the
 * indicators keeps, per Σ_A wᵢ, the bitset of reachable Σ wᵢ·mᵢ. `full`: every answer count
 * 1 … n and every subset of indicators (blanks allowed); else every ballot answers everything.
 * `complete`: the set is every achievable score under the meeting's rules (a subset otherwise).
 */
function printedValues(ballots: number, weights: readonly number[], points: readonly number[], full: boolean, complete: boolean): ValueSet | null {
  const counts = full ? Array.from({ length: ballots }, (_, i) => i + 1) : [ballots];
  const means = new Set<number>();
  for (const a of counts) for (const s of sumsOf(points, a)) means.add(roundDiv(s, a));
  const meanList = [...means].sort((a, b) => a - b);
  const maxMean = meanList.at(-1) ?? 0;
  const totalWeight = weights.reduce((a, b) => a + b, 0);
  const width = totalWeight * maxMean + 1;
  if (width > MAX_RANGE) return null;
  const words = (width >>> 5) + 1;
  // Keys: Σ_A wᵢ of the indicators answered so far (0 = none yet).
  let layers = new Map<number, Uint32Array>([[0, Uint32Array.from({ length: words }, (_, i) => (i === 0 ? 1 : 0))]]);
  let work = 0;
  for (const w of weights) {
    const next = new Map<number, Uint32Array>();
    const layer = (key: number): Uint32Array => {
      let found = next.get(key);
      if (found === undefined) {
        found = new Uint32Array(words);
        next.set(key, found);
      }
      return found;
    };
    for (const [key, bits] of layers) {
      if (full) shiftOr(layer(key), bits, 0); // nobody in the group answered this indicator
      const into = layer(key + w);
      work += meanList.length * words;
      if (work > WORK_BUDGET) return null;
      for (const m of meanList) shiftOr(into, bits, w * m);
    }
    layers = next;
  }
  const out = new Uint8Array(maxMean + 1);
  for (const [key, bits] of layers) {
    if (key === 0) continue;
    for (let i = 0; i < bits.length; i += 1) {
      let word = bits[i] ?? 0;
      while (word !== 0) {
        const low = word & -word;
        const bit = 31 - Math.clz32(low);
        out[roundDiv(i * 32 + bit, key)] = 1;
        word ^= low;
      }
    }
  }
  return finish(out, 100n, complete, (k) => k);
}

/**
 * Exact mode, every ballot answering every indicator: the score is Σ wᵢ·sumᵢ / (n · Σ wᵢ) with
 * sumᵢ a sum of n grades (hundredths), exactly; k = Σ wᵢ·sumᵢ over den = 100·n·Σwᵢ. This is every
 * achievable score when blanks are not allowed, a subset when they are.
 */
function exactValues(ballots: number, weights: readonly number[], points: readonly number[], complete: boolean): ValueSet | null {
  const sums = sumsOf(points, ballots);
  const maxSum = sums.at(-1) ?? 0;
  const totalWeight = weights.reduce((a, b) => a + b, 0);
  const width = totalWeight * maxSum + 1;
  if (width > MAX_RANGE) return null;
  const words = (width >>> 5) + 1;
  let bits = Uint32Array.from({ length: words }, (_, i) => (i === 0 ? 1 : 0));
  let work = 0;
  for (const w of weights) {
    const next = new Uint32Array(words);
    work += sums.length * words;
    if (work > WORK_BUDGET) return null;
    for (const s of sums) shiftOr(next, bits, w * s);
    bits = next;
  }
  const out = new Uint8Array(width);
  for (let i = 0; i < bits.length; i += 1) {
    let word = bits[i] ?? 0;
    while (word !== 0) {
      const low = word & -word;
      const k = i * 32 + (31 - Math.clz32(low));
      if (k < width) out[k] = 1;
      word ^= low;
    }
  }
  const perPrinted = ballots * totalWeight;
  return finish(out, BigInt(100 * perPrinted), complete, (k) => roundDiv(k, perPrinted));
}

const cache = new Map<string, ValueSet | null>();

/** The achievable scores of a group of `ballots` ballots under `rules` (cached: the same few sets recur). */
function groupValues(ballots: number, rules: GradedScoreRules): ValueSet | null {
  const weights = scaledIntegers(rules.indicatorWeights);
  const points = rules.gradePoints.map((p) => Math.round(p * 100));
  if (weights === null || weights.length === 0 || weights.every((w) => w === 0)) return null;
  if (points.some((p, i) => p < 0 || Math.abs(p - (rules.gradePoints[i] ?? 0) * 100) > 1e-6)) return null;
  const key = `${rules.mode}|${ballots}|${weights.join(',')}|${points.join(',')}|${rules.abstentions}`;
  if (cache.has(key)) return cache.get(key) ?? null;
  let set: ValueSet | null;
  if (rules.mode === 'printed') {
    set = printedValues(ballots, weights, points, rules.abstentions, true) ?? printedValues(ballots, weights, points, false, !rules.abstentions);
  } else {
    set = exactValues(ballots, weights, points, !rules.abstentions);
  }
  if (cache.size > 256) cache.clear();
  cache.set(key, set);
  return set;
}

/** ceil(a / b) for BigInt, b > 0. */
function ceilDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return q * b < a ? q + 1n : q;
}

/** A percent weight as num / den (decimals as typed). */
function weightRational(weight: number): { num: bigint; den: bigint } {
  for (let d = 0; d <= 6; d += 1) {
    const f = 10 ** d;
    if (Math.abs(Math.round(weight * f) - weight * f) < 1e-9) return { num: BigInt(Math.round(weight * f)), den: BigInt(f) };
  }
  return { num: BigInt(Math.round(weight * 1e6)), den: 1_000_000n };
}

/** Printed scores (hundredths) of a small group that fit a published score; `complete` when searched over every achievable score. */
export interface FittingScores {
  readonly scores: readonly number[];
  readonly complete: boolean;
}

/**
 * The different printed scores of group `index` that fit an object's published meeting score,
 * up to `limit`, with a witness score of the other group for each. Null when a set cannot be
 * built (the caller withholds). Only one- and two-group meetings exist (DOMAIN.md).
 */
export function smallGroupScoresFitting(groups: readonly PublishedGroup[], index: number, score: string, rules: GradedScoreRules, limit = 2): FittingScores | null {
  const target = BigInt(Math.round(Number(score) * 100));
  const mine = groups[index];
  if (mine === undefined) return null;
  const own = groupValues(mine.ballots, rules);
  if (own === null) return null;
  const found = new Set<number>();
  if (groups.length === 1) {
    // The meeting score is the group's own score, carried and printed: one figure at most.
    for (let k = 0; k < own.bits.length && found.size < limit; k += 1) if (own.bits[k] === 1 && BigInt(own.printedOf(k)) === target) found.add(own.printedOf(k));
    return { scores: [...found], complete: own.exact };
  }
  if (groups.length !== 2) return null;
  const other = groups[1 - index];
  if (other === undefined) return null;
  const theirs = groupValues(other.ballots, rules);
  if (theirs === null) return null;
  // Published S (hundredths) fits x and y (points) when S − ½ ≤ Wx·x + Wy·y < S + ½, the tally's
  // half-up rounding of the meeting score in hundredths (weights in percent). With x = kx/dx,
  // y = ky/dy and Wx = a/c, Wy = b/c: ky ∈ [⌈dy·(c(2S−1)dx − 2a·kx) / (2b·dx)⌉, ⌈dy·(c(2S+1)dx − 2a·kx) / (2b·dx)⌉ − 1].
  const wx = weightRational(mine.weight);
  const wy = weightRational(other.weight);
  const c = wx.den * wy.den;
  const a = wx.num * wy.den;
  const b = wy.num * wx.den;
  if (b === 0n) {
    // The other group weighs nothing: the score is this group's alone.
    for (let k = 0; k < own.bits.length && found.size < limit; k += 1) {
      if (own.bits[k] !== 1) continue;
      const twice = 2n * a * BigInt(k);
      if (c * (2n * target - 1n) * own.den <= twice && twice < c * (2n * target + 1n) * own.den) found.add(own.printedOf(k));
    }
    return { scores: [...found], complete: own.exact };
  }
  const dx = own.den;
  const dy = theirs.den;
  const denominator = 2n * b * dx;
  const top = theirs.bits.length - 1;
  for (let k = 0; k < own.bits.length && found.size < limit; k += 1) {
    if (own.bits[k] !== 1) continue;
    const printed = own.printedOf(k);
    if (found.has(printed)) continue;
    const kx = BigInt(k);
    const lo = ceilDiv(dy * (c * (2n * target - 1n) * dx - 2n * a * kx), denominator);
    const hi = ceilDiv(dy * (c * (2n * target + 1n) * dx - 2n * a * kx), denominator) - 1n;
    const from = lo < 0n ? 0 : Number(lo);
    const to = hi > BigInt(top) ? top : Number(hi);
    if (from > to) continue;
    if ((theirs.prefix[to + 1] ?? 0) - (theirs.prefix[from] ?? 0) > 0) found.add(printed);
  }
  return { scores: [...found], complete: own.exact && theirs.exact };
}

/**
 * Whether a graded meeting may publish its objects' scores: yes when no group is small, or when
 * for every object and every small group at least two different printed group scores fit the
 * published score. A small group with no ballot has nothing to protect (its objects are incomplete).
 */
export function gradedScoresArePublishable(groups: readonly PublishedGroup[], objects: readonly PublishedGradedObject[], smallGroupK: number): GradedVerdict {
  const small = groups.map((g, i) => ({ g, i })).filter(({ g }) => g.ballots > 0 && g.ballots < smallGroupK);
  if (small.length === 0) return { publishable: true, reason: null };
  if (groups.length === 1) return { publishable: false, reason: 'single-group' };
  for (const object of objects) {
    if (object.score === null) continue;
    for (const { i } of small) {
      const fitting = smallGroupScoresFitting(groups, i, object.score, object.rules);
      if (fitting === null) return { publishable: false, reason: 'unproven' };
      if (fitting.scores.length < 2) return { publishable: false, reason: fitting.complete ? 'determined' : 'unproven' };
    }
  }
  return { publishable: true, reason: null };
}
