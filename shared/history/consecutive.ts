/**
 * Consecutive appearances across rounds. "Consecutive" counts the rounds of one measure in the
 * campaign's order: for the worst list, the rounds that held a worst-list meeting (a round
 * without one neither breaks nor extends a streak); a round of that measure where the object was
 * not ranked (absent, or incomplete) breaks it.
 */
import type { HistoryEntry, HistoryMeasure } from './model';

/** A round as history orders it. */
export interface HistoryRound {
  readonly roundId: string;
  readonly name: string;
}

/** Entries of one object, keyed by round id then measure. */
export type ObjectEntries = ReadonlyMap<string, Partial<Record<HistoryMeasure, HistoryEntry>>>;

/** Rank counted from the bottom: 1 = last ranked. */
export function placeFromBottom(entry: HistoryEntry): number | null {
  return entry.rank === null ? null : entry.ranked - entry.rank + 1;
}

/** Worst-list top `places` (vetoed objects are placed first, so they count). */
export function inWorstTop(places: number): (entry: HistoryEntry) => boolean {
  return (entry) => entry.rank !== null && entry.rank <= places;
}

/** Graded bottom `places` (a vetoed object takes the worst places, so it counts). */
export function inGradedBottom(places: number): (entry: HistoryEntry) => boolean {
  return (entry) => {
    const fromBottom = placeFromBottom(entry);
    return fromBottom !== null && fromBottom <= places;
  };
}

/**
 * The rounds of the streak that ends at `roundId` (oldest first): the consecutive rounds of
 * `measure` up to and including it where `hit` holds. Empty when it does not hold there.
 */
export function streakEndingAt(
  measureRounds: readonly HistoryRound[],
  entries: ObjectEntries,
  measure: HistoryMeasure,
  roundId: string,
  hit: (entry: HistoryEntry) => boolean,
): HistoryRound[] {
  const end = measureRounds.findIndex((r) => r.roundId === roundId);
  const streak: HistoryRound[] = [];
  for (let i = end; i >= 0; i--) {
    const round = measureRounds[i];
    if (round === undefined) break;
    const entry = entries.get(round.roundId)?.[measure];
    if (entry === undefined || !hit(entry)) break;
    streak.unshift(round);
  }
  return streak;
}

/** The rounds of the campaign (in order) that have at least one entry of `measure`. */
export function roundsOfMeasure(rounds: readonly HistoryRound[], all: readonly HistoryEntry[], measure: HistoryMeasure): HistoryRound[] {
  const withMeasure = new Set(all.filter((e) => e.measure === measure).map((e) => e.roundId));
  return rounds.filter((r) => withMeasure.has(r.roundId));
}
