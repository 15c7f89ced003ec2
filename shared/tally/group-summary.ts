/**
 * Per-group ballot counts and the small-group rule. A group with fewer ballots than the
 * threshold is `small`; its figures are `hidden`. In a meeting with several groups every group
 * is hidden as soon as one is small, because the object's score is always shown and the other
 * groups' figures would then give the small group's by subtraction (30 % · x = score − 70 % · y).
 */
import type { TallyBallot, VoterGroup } from '../domain/model';
import type { HiddenReason } from './explanation';
import type { GroupWeights } from './input-checks';

/** One voter group of a meeting: weight, ballots cast, and whether its figures may be shown. */
export interface GroupSummary {
  readonly group: VoterGroup;
  /** Percent weight in the meeting score. */
  readonly weight: number;
  /** Ballots cast by this group in the meeting. */
  readonly ballots: number;
  /** Fewer ballots than the small-group threshold. */
  readonly small: boolean;
  /** Figures of this group must not be shown or exported (see redactSmallGroups). */
  readonly hidden: boolean;
  readonly hiddenReason: HiddenReason | null;
}

/** A hidden group's figures after redactSmallGroups: only its summary (weight, ballot count) stays. */
export interface RedactedGroupFigures extends GroupSummary {
  readonly redacted: true;
}

/** Counts ballots per group and applies the small-group rule. */
export function summarizeGroups({
  groups,
  groupWeights,
  smallGroupK,
  ballots,
}: {
  readonly groups: readonly VoterGroup[];
  readonly groupWeights: GroupWeights;
  readonly smallGroupK: number;
  readonly ballots: readonly TallyBallot[];
}): readonly GroupSummary[] {
  const counts = new Map<VoterGroup, number>();
  for (const ballot of ballots) counts.set(ballot.group, (counts.get(ballot.group) ?? 0) + 1);
  const small = new Set(groups.filter((g) => (counts.get(g) ?? 0) < smallGroupK));
  return groups.map((group) => {
    const hiddenReason: HiddenReason | null = small.has(group) ? 'small' : small.size > 0 ? 'complement' : null;
    return {
      group,
      weight: groupWeights[group] ?? 0,
      ballots: counts.get(group) ?? 0,
      small: small.has(group),
      hidden: hiddenReason !== null,
      hiddenReason,
    };
  });
}
