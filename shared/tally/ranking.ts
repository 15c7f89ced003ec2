/**
 * Competition ranking (1, 2, 2, 4) on rounded 2-decimal values, with vetoed objects placed in a
 * block of their own at the worst end and unscored (incomplete) objects left unranked.
 */

/** Which end gets rank 1 in a graded round: best-first (highest total) or worst-first (最难办事 view). */
export type RankOrder = 'best-first' | 'worst-first';

/** 一票否决: the object takes the worst place whatever its score; the reason is printed. */
export interface Veto {
  readonly objectId: string;
  readonly reason: string;
}

/** One object to place. `key` is the rounded value in hundredths, null when there is no score. */
export interface RankCandidate {
  readonly id: string;
  readonly name: string;
  readonly key: bigint | null;
  readonly vetoed: boolean;
}

/** Where a candidate ended up: its rank (null = unranked) in display order. */
export interface RankPlacement {
  readonly id: string;
  readonly rank: number | null;
}

// Tie order inside a shared rank is by name, as a reader of a Chinese sheet expects it
// (pinyin-like collation, numbers numerically: 科室2 before 科室10), then by code units and id
// so that the order never depends on the input order even if the collator calls names equal.
const collator = new Intl.Collator('zh-Hans-CN', { numeric: true });

/** Compares two objects by name, then by id: the deterministic order inside a shared rank. */
export function compareByName(a: { readonly name: string; readonly id: string }, b: { readonly name: string; readonly id: string }): number {
  const byCollation = collator.compare(a.name, b.name);
  if (byCollation !== 0) return byCollation;
  if (a.name !== b.name) return a.name < b.name ? -1 : 1;
  if (a.id !== b.id) return a.id < b.id ? -1 : 1;
  return 0;
}

/**
 * Places candidates in display order with competition ranks on `key`.
 * - `highFirst`: the highest key gets rank 1 (else the lowest does).
 * - Vetoed candidates form one block ordered by name with consecutive ranks. `vetoedFirst`: they
 *   take ranks 1..v and the others continue at v+1 (v+1, v+2, v+2, v+4 …); otherwise they take
 *   the places right after the m ranked ones, m+1..m+v, so the numbers on a sheet never skip
 *   (a veto used to be numbered n after an unranked row, and n−1 never appeared).
 * - Non-vetoed candidates without a key are unranked (no place at all), ordered by name, and
 *   listed last: after the ranked ones and the vetoed block.
 */
export function placeRanked({
  candidates,
  highFirst,
  vetoedFirst,
}: {
  readonly candidates: readonly RankCandidate[];
  readonly highFirst: boolean;
  readonly vetoedFirst: boolean;
}): readonly RankPlacement[] {
  const vetoed = candidates.filter((c) => c.vetoed).sort(compareByName);
  const scored: { readonly candidate: RankCandidate; readonly key: bigint }[] = [];
  for (const candidate of candidates) {
    if (!candidate.vetoed && candidate.key !== null) scored.push({ candidate, key: candidate.key });
  }
  scored.sort((a, b) => {
    if (a.key !== b.key) return (a.key > b.key) === highFirst ? -1 : 1;
    return compareByName(a.candidate, b.candidate);
  });
  const unranked = candidates.filter((c) => !c.vetoed && c.key === null).sort(compareByName);

  const scoredOffset = vetoedFirst ? vetoed.length : 0;
  const vetoedOffset = vetoedFirst ? 0 : scored.length;
  const scoredPlacements: RankPlacement[] = [];
  let previousKey: bigint | null = null;
  let previousRank = 0;
  scored.forEach(({ candidate, key }, index) => {
    // Standard competition ranking: an equal rounded value shares the rank, the next differing
    // value skips as many ranks as were shared.
    const rank = key === previousKey ? previousRank : index + 1;
    previousKey = key;
    previousRank = rank;
    scoredPlacements.push({ id: candidate.id, rank: rank + scoredOffset });
  });
  const vetoedPlacements = vetoed.map((c, index) => ({ id: c.id, rank: vetoedOffset + index + 1 }));
  const unrankedPlacements = unranked.map((c) => ({ id: c.id, rank: null }));
  return vetoedFirst
    ? [...vetoedPlacements, ...scoredPlacements, ...unrankedPlacements]
    : [...scoredPlacements, ...vetoedPlacements, ...unrankedPlacements];
}

/** Merges vetoes by object: one object vetoed twice keeps both reasons, joined by "；". */
export function vetoReasons(vetoes: readonly Veto[]): ReadonlyMap<string, string> {
  const reasons = new Map<string, string>();
  for (const veto of vetoes) {
    const previous = reasons.get(veto.objectId);
    reasons.set(veto.objectId, previous === undefined ? veto.reason : `${previous}；${veto.reason}`);
  }
  return reasons;
}

/**
 * How a ranking reads. best-first / worst-first order a score; a worst-list ranks the most
 * nominated first. In every mode the vetoed take the worst places: last when the best come
 * first, first when the worst do (a worst-list reads worst first).
 */
export type RankingMode = RankOrder | 'worst-list';

/**
 * Ranks rows of objects in `mode`, on `keyOf` (the rounded value in hundredths, null = no
 * score): the one implementation of "vetoed objects take the worst places" for meetings,
 * worst-lists and round totals. Returns the rows in display order with their ranks.
 */
export function rankObjects<T extends { readonly objectId: string; readonly name: string; readonly vetoed: boolean }>(
  rows: readonly T[],
  keyOf: (row: T) => bigint | null,
  mode: RankingMode,
): (T & { readonly rank: number | null })[] {
  const byId = new Map(rows.map((row) => [row.objectId, row]));
  const placements = placeRanked({
    candidates: rows.map((row) => ({ id: row.objectId, name: row.name, key: keyOf(row), vetoed: row.vetoed })),
    highFirst: mode !== 'worst-first',
    vetoedFirst: mode !== 'best-first',
  });
  const ranked: (T & { readonly rank: number | null })[] = [];
  for (const placement of placements) {
    const row = byId.get(placement.id);
    if (row !== undefined) ranked.push({ ...row, rank: placement.rank });
  }
  return ranked;
}

/** Rows split by object category (in first-appearance order), or one partition (category null). */
export function partitionByCategory<T extends { readonly category: string }>(
  rows: readonly T[],
  byCategory: boolean,
): { readonly category: string | null; readonly rows: readonly T[] }[] {
  if (!byCategory) return [{ category: null, rows }];
  const partitions: { category: string; rows: T[] }[] = [];
  for (const row of rows) {
    let partition = partitions.find((p) => p.category === row.category);
    if (partition === undefined) partitions.push((partition = { category: row.category, rows: [] }));
    partition.rows.push(row);
  }
  return partitions;
}
