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
