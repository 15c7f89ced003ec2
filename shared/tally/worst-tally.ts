/**
 * The tally of one worst-list meeting (评差, 最难办事科室群众评): nomination rate per group,
 * combined with the groups' fixed weights, ranked most-nominated first, vetoed objects first of
 * all, and the top N published with their main problems (most-ticked tags).
 */
import type { EvalObject, IndicatorSet, TallyBallot, VoterGroup } from '../domain/model';
import { div, fromInt, fromNumber, mul, sum, type Rational } from './exact-number';
import type { Explanation, ExplanationStep, GroupTerm } from './explanation';
import { figureOf, hundredthsOf, type ExactFigure } from './figure';
import { summarizeGroups, type GroupSummary, type RedactedGroupFigures } from './group-summary';
import { checkWorstInput, type GroupWeights } from './input-checks';
import { carry, DEFAULT_ROUNDING_MODE, type RoundingMode } from './printed-arithmetic';
import { rankObjects, vetoReasons, type Veto } from './ranking';

/** Default length of the published list (top 10). */
export const DEFAULT_TOP_N = 10;

/** What tallyWorstMeeting needs. Ballots must all be worst-list ones (see checkWorstInput). */
export interface WorstMeetingInput {
  readonly objects: readonly EvalObject[];
  /** The problem tags, in display order: SET_WORST (冷懒推乱贪) by default. */
  readonly tags: IndicatorSet;
  readonly groups: readonly VoterGroup[];
  /** Percent per group, totalling 100. */
  readonly groupWeights: GroupWeights;
  readonly smallGroupK: number;
  /** How many places are published; default DEFAULT_TOP_N. */
  readonly topN?: number;
  readonly vetoes: readonly Veto[];
  readonly ballots: readonly TallyBallot[];
  /** How each step hands its value on (printed-arithmetic.ts); default 'printed'. */
  readonly roundingMode?: RoundingMode;
}

/** How often a problem tag was ticked for an object. */
export interface TagCount {
  readonly tagId: string;
  readonly name: string;
  readonly count: number;
}

/** A group's figures for one object, as tallied. */
export interface WorstGroupFigures extends GroupSummary {
  readonly redacted: false;
  /** Ballots of the group that named the object. */
  readonly nominations: number;
  /** nominations / ballots as a percentage; null when the group cast no ballot. */
  readonly rate: ExactFigure | null;
  readonly tagCounts: readonly TagCount[];
}

/** A group's figures for one object, full or redacted. */
export type WorstGroupResult = WorstGroupFigures | RedactedGroupFigures;

/** One object of a worst-list meeting. */
export interface WorstObjectResult {
  readonly objectId: string;
  readonly name: string;
  readonly department: string;
  readonly category: string;
  /** Nominations from all groups together. */
  readonly nominations: number;
  /** Ticks per tag from all groups, in the tag set's order. */
  readonly tagCounts: readonly TagCount[];
  /** Tags ticked at least once, most ticked first, ties in the tag set's order. */
  readonly mainProblems: readonly TagCount[];
  readonly groups: readonly WorstGroupResult[];
  /** Combined nomination rate Σ W_g · rate(g) / 100, a percentage; null when incomplete. */
  readonly rate: ExactFigure | null;
  readonly incomplete: boolean;
  /** Groups that cast no ballot, which leave every object without a rate. */
  readonly missingGroups: readonly VoterGroup[];
  readonly vetoed: boolean;
  readonly vetoReason: string | null;
  /** 1 = hardest to deal with; null when incomplete and not vetoed. */
  readonly rank: number | null;
  readonly explanation: Explanation;
}

/** One line of the published list. */
export interface WorstTopEntry {
  readonly rank: number;
  readonly objectId: string;
  readonly name: string;
  readonly department: string;
  readonly rate: ExactFigure | null;
  readonly mainProblems: readonly TagCount[];
  readonly vetoed: boolean;
  readonly vetoReason: string | null;
}

/** The tally of one worst-list meeting; `objects` are in ranking order. */
export interface WorstMeetingTally {
  readonly type: 'worst';
  readonly groups: readonly GroupSummary[];
  readonly ballotsCast: number;
  readonly smallGroupK: number;
  readonly topN: number;
  /** A group cast no ballot: no object has a rate, only vetoed objects are placed. */
  readonly incomplete: boolean;
  readonly missingGroups: readonly VoterGroup[];
  /** True once redactSmallGroups removed hidden groups' figures: safe to show or export. */
  readonly redacted: boolean;
  readonly objects: readonly WorstObjectResult[];
  /** The published list: ranks 1..topN (all ties at the last place included), nominated or vetoed objects only. */
  readonly top: readonly WorstTopEntry[];
}

/**
 * Tallies a worst-list meeting exactly. Throws if the input breaks an invariant (a graded
 * ballot, an unknown object, tag or group, an object named twice on one ballot, weights not
 * totalling 100, an unknown vetoed object): call checkWorstInput first to get it as a Result.
 */
export function tallyWorstMeeting(input: WorstMeetingInput): WorstMeetingTally {
  const topN = input.topN ?? DEFAULT_TOP_N;
  const checked = checkWorstInput({ ...input, topN });
  if (!checked.ok) throw new Error(`${checked.error.code}: ${checked.error.message}`);
  const { objects, tags, groups, groupWeights, smallGroupK, vetoes, ballots } = input;
  const mode = input.roundingMode ?? DEFAULT_ROUNDING_MODE;

  // nominations[objectId][group] and ticks[objectId][group][tagId], in one pass over the ballots.
  const nominations = new Map<string, Map<VoterGroup, number>>();
  const ticks = new Map<string, Map<VoterGroup, Map<string, number>>>();
  for (const ballot of ballots) {
    if (ballot.content.type !== 'worst') continue;
    for (const pick of ballot.content.picks) {
      const byGroup = nominations.get(pick.objectId) ?? new Map<VoterGroup, number>();
      nominations.set(pick.objectId, byGroup);
      byGroup.set(ballot.group, (byGroup.get(ballot.group) ?? 0) + 1);
      const tickGroups = ticks.get(pick.objectId) ?? new Map<VoterGroup, Map<string, number>>();
      ticks.set(pick.objectId, tickGroups);
      const tagTicks = tickGroups.get(ballot.group) ?? new Map<string, number>();
      tickGroups.set(ballot.group, tagTicks);
      for (const tag of pick.tags) tagTicks.set(tag, (tagTicks.get(tag) ?? 0) + 1);
    }
  }

  const summaries = summarizeGroups({ groups, groupWeights, smallGroupK, ballots });
  const missingGroups = summaries.filter((s) => s.ballots === 0).map((s) => s.group);
  const reasons = vetoReasons(vetoes);
  const tagOrder = tags.indicators;

  const unranked = objects.map((object): Omit<WorstObjectResult, 'rank'> => {
    const steps: ExplanationStep[] = [];
    const groupResults: WorstGroupFigures[] = [];
    const rates = new Map<VoterGroup, Rational>();
    for (const summary of summaries) {
      const count = nominations.get(object.id)?.get(summary.group) ?? 0;
      const rate = summary.ballots === 0 ? null : carry(div(mul(fromInt(count), fromInt(100)), fromInt(summary.ballots)), mode);
      if (rate !== null) rates.set(summary.group, rate);
      const groupTicks = ticks.get(object.id)?.get(summary.group);
      groupResults.push({
        ...summary,
        redacted: false,
        nominations: count,
        rate: rate === null ? null : figureOf(rate),
        tagCounts: tagOrder.map((tag) => ({ tagId: tag.id, name: tag.name, count: groupTicks?.get(tag.id) ?? 0 })),
      });
      steps.push({
        kind: 'nomination-rate',
        group: summary.group,
        nominations: count,
        ballots: summary.ballots,
        rate: rate === null ? null : figureOf(rate).rounded,
      });
    }
    // Like graded scores: a group that cast no ballot leaves no rate rather than its weight
    // going to the others.
    const combined =
      missingGroups.length > 0
        ? null
        : carry(div(sum(summaries.map((s) => mul(fromNumber(s.weight), rates.get(s.group) ?? fromInt(0)))), fromInt(100)), mode);
    const terms: GroupTerm[] = summaries.map((s) => {
      const rate = rates.get(s.group);
      return { group: s.group, weight: s.weight, figure: rate === undefined ? null : figureOf(rate).rounded, hidden: false };
    });
    steps.push({ kind: 'combined-rate', terms, result: combined === null ? null : figureOf(combined).rounded });
    const vetoReason = reasons.get(object.id) ?? null;
    if (vetoReason !== null) steps.push({ kind: 'veto', reason: vetoReason });

    const tagCounts = tagOrder.map((tag) => ({
      tagId: tag.id,
      name: tag.name,
      count: groupResults.reduce((total, g) => total + (g.tagCounts.find((t) => t.tagId === tag.id)?.count ?? 0), 0),
    }));
    // Array.prototype.sort is stable, so equal counts keep the tag set's order.
    const mainProblems = tagCounts.filter((t) => t.count > 0).sort((a, b) => b.count - a.count);
    return {
      objectId: object.id,
      name: object.name,
      department: object.department,
      category: object.category,
      nominations: groupResults.reduce((total, g) => total + g.nominations, 0),
      tagCounts,
      mainProblems,
      groups: groupResults,
      rate: combined === null ? null : figureOf(combined),
      incomplete: combined === null,
      missingGroups,
      vetoed: vetoReason !== null,
      vetoReason,
      explanation: { steps },
    };
  });

  const ranked: WorstObjectResult[] = rankObjects(unranked, (row) => (row.rate === null ? null : hundredthsOf(row.rate)), 'worst-list');

  return {
    type: 'worst',
    groups: summaries,
    ballotsCast: ballots.length,
    smallGroupK,
    topN,
    incomplete: missingGroups.length > 0,
    missingGroups,
    redacted: false,
    objects: ranked,
    top: topEntries(ranked, topN),
  };
}

/**
 * The published list: every place up to topN, including all objects tied at the last place
 * (a tie is never broken by name for publication), but never an object nobody named unless
 * it was vetoed — a zero rate is not "hard to deal with".
 */
function topEntries(ranked: readonly WorstObjectResult[], topN: number): readonly WorstTopEntry[] {
  return ranked
    .filter((row) => row.rank !== null && row.rank <= topN && (row.vetoed || row.nominations > 0))
    .map((row) => ({
      rank: row.rank ?? 0,
      objectId: row.objectId,
      name: row.name,
      department: row.department,
      rate: row.rate,
      mainProblems: row.mainProblems,
      vetoed: row.vetoed,
      vetoReason: row.vetoReason,
    }));
}
