/**
 * The one stored form of a ballot (DESIGN.md: the order of taps is never a mark). Picks are
 * sorted by object position, tags by their order in the tag set, answers by object position
 * and indicator order; unknown ids (a file being re-tallied may hold them) go last, by id.
 * Together with canonicalJson (keys sorted) the same choices always give the same text.
 */
import type { BallotContent } from './model';
import type { MeetingDefinition } from './ballot-rules';

function byPosition(order: ReadonlyMap<string, number>) {
  return (a: string, b: string): number => {
    const pa = order.get(a) ?? Number.MAX_SAFE_INTEGER;
    const pb = order.get(b) ?? Number.MAX_SAFE_INTEGER;
    if (pa !== pb) return pa - pb;
    return a < b ? -1 : a > b ? 1 : 0;
  };
}

function positions(ids: readonly string[]): Map<string, number> {
  return new Map(ids.map((id, index) => [id, index]));
}

/** The ballot with its choices in the meeting's order. Never changes what the ballot says. */
export function canonicalBallot(definition: MeetingDefinition, ballot: BallotContent): BallotContent {
  const objectOrder = byPosition(positions(definition.objects.map((o) => o.id)));
  if (ballot.type === 'worst') {
    const tagOrder = byPosition(positions((definition.tagSet?.indicators ?? []).map((t) => t.id)));
    const picks = [...ballot.picks]
      .sort((a, b) => objectOrder(a.objectId, b.objectId))
      .map((pick) => ({ objectId: pick.objectId, tags: [...pick.tags].sort(tagOrder) }));
    return { type: 'worst', picks };
  }
  const sets = new Map(definition.indicatorSets.map((set) => [set.id, positions(set.indicators.map((i) => i.id))]));
  const setOf = new Map(definition.objects.map((o) => [o.id, o.indicatorSetId]));
  const answers: Record<string, Record<string, number | null>> = {};
  for (const objectId of Object.keys(ballot.answers).sort(objectOrder)) {
    const row = ballot.answers[objectId] ?? {};
    const indicatorOrder = byPosition(sets.get(setOf.get(objectId) ?? '') ?? new Map());
    const sorted: Record<string, number | null> = {};
    for (const indicatorId of Object.keys(row).sort(indicatorOrder)) sorted[indicatorId] = row[indicatorId] ?? null;
    answers[objectId] = sorted;
  }
  return { type: 'graded', answers };
}
