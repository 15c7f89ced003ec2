/**
 * The tally of one graded meeting (每项打分): per object, per voter group, per indicator means,
 * group scores as weighted means of the answered indicators, and the meeting score with the
 * groups weighted by their fixed percentages whatever the turnout (DOMAIN.md, the 30 % / 70 % rule).
 */
import type { EvalObject, Grade, IndicatorSet, MeetingKind, TallyBallot, VoterGroup } from '../domain/model';
import { div, fromInt, fromNumber, mul, sum, toExactDecimal, toNumber, ZERO, type Rational } from './exact-number';
import type { Explanation, ExplanationStep, GroupTerm } from './explanation';
import { figureOf, type ExactFigure } from './figure';
import { summarizeGroups, type GroupSummary, type RedactedGroupFigures } from './group-summary';
import { checkGradedInput, meetingKindOf, type GroupWeights } from './input-checks';
import { carry, DEFAULT_ROUNDING_MODE, type RoundingMode } from './printed-arithmetic';

/** What tallyGradedMeeting needs. Ballots must all be graded ones (see checkGradedInput). */
export interface GradedMeetingInput {
  readonly objects: readonly EvalObject[];
  /** The sets objects refer to by indicatorSetId. */
  readonly indicatorSets: readonly IndicatorSet[];
  /** A ballot answer is an index into this scale, or null for 弃权. */
  readonly gradeScale: readonly Grade[];
  /** ['officials', 'recipients'] for a social meeting, ['all'] for a self-evaluation. */
  readonly groups: readonly VoterGroup[];
  /** Percent per group, totalling 100: {officials: 30, recipients: 70} or {all: 100}. */
  readonly groupWeights: GroupWeights;
  /** Per-group figures are hidden where a group has fewer ballots than this. */
  readonly smallGroupK: number;
  readonly ballots: readonly TallyBallot[];
  /** How each step hands its value on (printed-arithmetic.ts); default 'printed'. */
  readonly roundingMode?: RoundingMode;
}

/** One indicator of one object as answered by one group. */
export interface IndicatorFigures {
  readonly indicatorId: string;
  readonly name: string;
  /** The indicator's weight in its set. */
  readonly weight: number;
  /** Ballots of the group that gave this indicator a grade. */
  readonly answered: number;
  /** Ballots of the group that left it blank or absent (弃权); they count in no mean. */
  readonly abstentions: number;
  readonly sumPoints: number;
  /** How many answers chose each grade, indexed like the grade scale. */
  readonly gradeCounts: readonly number[];
  /** Mean points of the answers; null when nobody answered. */
  readonly mean: ExactFigure | null;
}

/** A group's figures for one object, as tallied. */
export interface GradedGroupFigures extends GroupSummary {
  readonly redacted: false;
  /** Ballots of the group that graded at least one indicator of the object. */
  readonly answeredBallots: number;
  /** Weighted mean over the answered indicators (0–100); null when the group gave no answer. */
  readonly score: ExactFigure | null;
  readonly indicators: readonly IndicatorFigures[];
}

/** A group's figures for one object, full or redacted. */
export type GradedGroupResult = GradedGroupFigures | RedactedGroupFigures;

/** The result of one object in one graded meeting. */
export interface GradedObjectResult {
  readonly objectId: string;
  readonly name: string;
  readonly department: string;
  readonly category: string;
  /** The meeting score on 0–100; null when incomplete. */
  readonly score: ExactFigure | null;
  /** A group gave no answer at all for this object: no score, never re-weighted. */
  readonly incomplete: boolean;
  readonly missingGroups: readonly VoterGroup[];
  readonly groups: readonly GradedGroupResult[];
  readonly explanation: Explanation;
}

/** The tally of one graded meeting; objects are in input order. */
export interface GradedMeetingTally {
  readonly type: 'graded';
  /** 'self' when the groups are ['all'], else 'social'. */
  readonly meetingKind: MeetingKind;
  readonly groups: readonly GroupSummary[];
  readonly ballotsCast: number;
  readonly smallGroupK: number;
  readonly roundingMode: RoundingMode;
  /** True once redactSmallGroups removed hidden groups' figures: safe to show or export. */
  readonly redacted: boolean;
  readonly objects: readonly GradedObjectResult[];
}

// Only counts are kept while reading ballots: the sum of points is Σ count × points per grade,
// computed once per indicator afterwards, so the hot loop does integer increments, no BigInt.
interface IndicatorAccumulator {
  answered: number;
  readonly gradeCounts: number[];
}

interface GroupAccumulator {
  answeredBallots: number;
  readonly indicators: Map<string, IndicatorAccumulator>;
}

/** Σ count × points over the grades: the exact sum of the points given. */
function sumOfPoints(gradeCounts: readonly number[], points: readonly Rational[]): Rational {
  return sum(gradeCounts.map((count, grade) => mul(fromInt(count), points[grade] ?? ZERO)));
}

/**
 * Tallies a graded meeting exactly. Throws if the input breaks an invariant (a worst-list
 * ballot, an unknown object, indicator, grade or group, weights not totalling 100): call
 * checkGradedInput first to get that problem as a Result.
 */
export function tallyGradedMeeting(input: GradedMeetingInput): GradedMeetingTally {
  const checked = checkGradedInput(input);
  if (!checked.ok) throw new Error(`${checked.error.code}: ${checked.error.message}`);
  const { objects, indicatorSets, gradeScale, groups, groupWeights, smallGroupK, ballots } = input;
  const mode = input.roundingMode ?? DEFAULT_ROUNDING_MODE;

  const points = gradeScale.map((grade) => fromNumber(grade.points));
  // accumulators[objectId][group] — filled in one pass over the ballots.
  const accumulators = new Map<string, Map<VoterGroup, GroupAccumulator>>();
  for (const ballot of ballots) {
    // checkGradedInput guarantees graded content; the guard only narrows the type.
    if (ballot.content.type !== 'graded') continue;
    // for...in rather than Object.entries in this hot loop (see checkGradedInput).
    const answersByObject = ballot.content.answers;
    for (const objectId in answersByObject) {
      const answers = answersByObject[objectId] ?? {};
      let answeredAny = false;
      let byGroup = accumulators.get(objectId);
      if (byGroup === undefined) {
        byGroup = new Map();
        accumulators.set(objectId, byGroup);
      }
      let group = byGroup.get(ballot.group);
      if (group === undefined) {
        group = { answeredBallots: 0, indicators: new Map() };
        byGroup.set(ballot.group, group);
      }
      for (const indicatorId in answers) {
        const grade = answers[indicatorId];
        if (grade === null || grade === undefined) continue;
        const gradePoints = points[grade];
        if (gradePoints === undefined) continue;
        answeredAny = true;
        let indicator = group.indicators.get(indicatorId);
        if (indicator === undefined) {
          indicator = { answered: 0, gradeCounts: gradeScale.map(() => 0) };
          group.indicators.set(indicatorId, indicator);
        }
        indicator.answered += 1;
        indicator.gradeCounts[grade] = (indicator.gradeCounts[grade] ?? 0) + 1;
      }
      if (answeredAny) group.answeredBallots += 1;
    }
  }

  const summaries = summarizeGroups({ groups, groupWeights, smallGroupK, ballots });
  const meetingKind = meetingKindOf(groups);
  const setsById = new Map(indicatorSets.map((s) => [s.id, s]));

  const results = objects.map((object): GradedObjectResult => {
    const indicators = setsById.get(object.indicatorSetId)?.indicators ?? [];
    const steps: ExplanationStep[] = [];
    const groupResults: GradedGroupFigures[] = [];
    const groupScores = new Map<VoterGroup, Rational>();
    for (const summary of summaries) {
      const accumulator = accumulators.get(object.id)?.get(summary.group);
      const figures: IndicatorFigures[] = [];
      const weightedTerms: {
        readonly indicatorId: string;
        readonly weightPercent: number;
        readonly weight: Rational;
        readonly mean: Rational;
      }[] = [];
      for (const indicator of indicators) {
        const counted = accumulator?.indicators.get(indicator.id);
        const acc = counted === undefined ? undefined : { ...counted, sumPoints: sumOfPoints(counted.gradeCounts, points) };
        const answered = acc?.answered ?? 0;
        const mean = acc === undefined || answered === 0 ? null : carry(div(acc.sumPoints, fromInt(answered)), mode);
        figures.push({
          indicatorId: indicator.id,
          name: indicator.name,
          weight: indicator.weight,
          answered,
          abstentions: summary.ballots - answered,
          sumPoints: toNumber(acc?.sumPoints ?? ZERO),
          gradeCounts: acc?.gradeCounts.slice() ?? gradeScale.map(() => 0),
          mean: mean === null ? null : figureOf(mean),
        });
        if (acc !== undefined && mean !== null) {
          weightedTerms.push({ indicatorId: indicator.id, weightPercent: indicator.weight, weight: fromNumber(indicator.weight), mean });
          steps.push({
            kind: 'indicator-mean',
            group: summary.group,
            indicatorId: indicator.id,
            indicatorName: indicator.name,
            sumPoints: toExactDecimal(acc.sumPoints) ?? figureOf(acc.sumPoints).rounded,
            answered,
            abstentions: summary.ballots - answered,
            mean: figureOf(mean).rounded,
          });
        }
      }
      // Indicators nobody in the group answered are left out of both sums, so a blank
      // indicator neither drags the score down nor changes the other indicators' weights.
      let score: Rational | null = null;
      if (weightedTerms.length > 0) {
        const weightSum = sum(weightedTerms.map((t) => t.weight));
        score = carry(div(sum(weightedTerms.map((t) => mul(t.weight, t.mean))), weightSum), mode);
        groupScores.set(summary.group, score);
        steps.push({
          kind: 'group-score',
          group: summary.group,
          terms: weightedTerms.map((t) => ({
            indicatorId: t.indicatorId,
            weight: t.weightPercent,
            mean: figureOf(t.mean).rounded,
          })),
          weightSum: toNumber(weightSum),
          result: figureOf(score).rounded,
        });
      } else {
        steps.push({ kind: 'group-missing', group: summary.group });
      }
      groupResults.push({
        ...summary,
        redacted: false,
        answeredBallots: accumulator?.answeredBallots ?? 0,
        score: score === null ? null : figureOf(score),
        indicators: figures,
      });
    }

    const missingGroups = summaries.filter((s) => !groupScores.has(s.group)).map((s) => s.group);
    // The groups keep their fixed weights: a group without answers makes the object
    // incomplete instead of handing its weight to the others.
    let meetingScore: Rational | null = null;
    if (missingGroups.length === 0) {
      meetingScore = carry(
        div(sum(summaries.map((s) => mul(fromNumber(s.weight), groupScores.get(s.group) ?? ZERO))), fromInt(100)),
        mode,
      );
    }
    const terms: GroupTerm[] = summaries.map((s) => {
      const groupScore = groupScores.get(s.group);
      return { group: s.group, weight: s.weight, figure: groupScore === undefined ? null : figureOf(groupScore).rounded, hidden: false };
    });
    steps.push({
      kind: 'meeting-score',
      meeting: meetingKind,
      terms,
      result: meetingScore === null ? null : figureOf(meetingScore).rounded,
    });

    return {
      objectId: object.id,
      name: object.name,
      department: object.department,
      category: object.category,
      score: meetingScore === null ? null : figureOf(meetingScore),
      incomplete: missingGroups.length > 0,
      missingGroups,
      groups: groupResults,
      explanation: { steps },
    };
  });

  return {
    type: 'graded',
    meetingKind,
    groups: summaries,
    ballotsCast: ballots.length,
    smallGroupK,
    roundingMode: mode,
    redacted: false,
    objects: results,
  };
}
