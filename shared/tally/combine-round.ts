/**
 * Combining a round: total = P_self · self / 100 + P_social · social / 100 (50 + 50 points by
 * default), rounded half-up to 2 decimals and ranked on the rounded value, with vetoed objects
 * at the worst end. A missing component makes the row incomplete; no total is ever guessed.
 */
import type { EvalObject, MeetingKind, ObjectCategory, VoterGroup } from '../domain/model';
import { ok, type Result } from '../domain/result';
import { add, div, fromInt, fromNumber, mul, type Rational } from './exact-number';
import type { Explanation, ExplanationStep, MissingReason } from './explanation';
import { figureOf, hundredthsOf, rationalOf, type ExactFigure } from './figure';
import type { GradedMeetingTally } from './graded-tally';
import { checkObjects, checkVetoes, tallyFail } from './input-checks';
import { carry, DEFAULT_ROUNDING_MODE, type RoundingMode } from './printed-arithmetic';
import { partitionByCategory, rankObjects, vetoReasons, type RankOrder, type Veto } from './ranking';

/** Points each component is worth in the total: {self: 50, social: 50} by default. */
export interface ComponentPoints {
  readonly self: number;
  readonly social: number;
}

/** What combineRound needs. A meeting not held is null. */
export interface CombineRoundInput {
  readonly objects: readonly EvalObject[];
  /** The tally of the self-evaluation meeting (groups ['all']), or null if not held. */
  readonly self: GradedMeetingTally | null;
  /** The tally of the social meeting (officials + recipients), or null if not held. */
  readonly social: GradedMeetingTally | null;
  readonly componentPoints: ComponentPoints;
  readonly vetoes: readonly Veto[];
  /** How each step hands its value on (printed-arithmetic.ts); default 'printed'. */
  readonly roundingMode?: RoundingMode;
  readonly options: {
    readonly order: RankOrder;
    /** Rank each object category separately (分类排名). */
    readonly byCategory?: boolean;
  };
}

/** A component of the total that could not be used, and why. */
export interface MissingComponent {
  readonly component: MeetingKind;
  readonly reason: MissingReason;
  /** For `incomplete`: the groups of that meeting that gave no answer for the object. */
  readonly missingGroups: readonly VoterGroup[];
}

/** One object of the round. */
export interface RoundRow {
  readonly objectId: string;
  readonly name: string;
  readonly department: string;
  readonly category: ObjectCategory;
  /** Meeting scores on 0–100. */
  readonly selfScore: ExactFigure | null;
  readonly socialScore: ExactFigure | null;
  /** The components' points: P_self · self / 100 and P_social · social / 100 (e.g. 44.00 and 38.00). */
  readonly selfPoints: ExactFigure | null;
  readonly socialPoints: ExactFigure | null;
  /**
   * 'printed' (default): the sum of the two printed points, so the sheet adds up by hand.
   * 'exact': the exact sum rounded once; it may then differ by 0.01 from the sum of the
   * rounded points, and the sheet prints the parts with more decimals.
   */
  readonly total: ExactFigure | null;
  readonly incomplete: boolean;
  readonly missing: readonly MissingComponent[];
  readonly vetoed: boolean;
  readonly vetoReason: string | null;
  /** Competition rank on the rounded total; null for incomplete rows that are not vetoed. */
  readonly rank: number | null;
  readonly explanation: Explanation;
}

/** One ranking: all objects, or one category with byCategory. Rows are in display order. */
export interface RoundRanking {
  /** null when the round is ranked as a whole. */
  readonly category: ObjectCategory | null;
  readonly rows: readonly RoundRow[];
}

/** The combined round. */
export interface RoundResult {
  readonly order: RankOrder;
  readonly byCategory: boolean;
  readonly componentPoints: ComponentPoints;
  readonly roundingMode: RoundingMode;
  /** One ranking, or one per category in the order categories first appear among the objects. */
  readonly rankings: readonly RoundRanking[];
}

/** Checks combineRound's input: unique objects, known vetoes, sensible points, right meeting kinds. */
export function checkRoundInput(input: CombineRoundInput): Result<true> {
  const checks = [checkObjects(input.objects), checkVetoes(input)];
  for (const check of checks) if (!check.ok) return check;
  for (const component of ['self', 'social'] as const) {
    const points = input.componentPoints[component];
    if (!Number.isFinite(points) || points < 0) {
      return tallyFail('settings', `The ${component} component needs points of 0 or more.`, { componentPoints: input.componentPoints });
    }
    const tally = input[component];
    if (tally !== null && tally.meetingKind !== component) {
      return tallyFail('meeting', `The ${component} component was given the tally of a ${tally.meetingKind} meeting.`);
    }
  }
  return ok(true);
}

/** Where an object's component score comes from, or why it is missing. */
function componentScore(
  tally: GradedMeetingTally | null,
  component: MeetingKind,
  objectId: string,
): { readonly score: ExactFigure } | MissingComponent {
  if (tally === null) return { component, reason: 'not-held', missingGroups: [] };
  const row = tally.objects.find((o) => o.objectId === objectId);
  if (row === undefined) return { component, reason: 'not-evaluated', missingGroups: [] };
  if (row.score === null) return { component, reason: 'incomplete', missingGroups: row.missingGroups };
  return { score: row.score };
}

/**
 * Combines the self and social tallies of a round into ranked totals. Throws if the input
 * breaks an invariant (see checkRoundInput, which answers the same problem as a Result).
 * Ranks: best-first gives the complete rows 1..m and the vetoed m+1..m+v; worst-first gives
 * the vetoed 1..v and the complete rows from v+1; incomplete rows come last, unranked.
 */
export function combineRound(input: CombineRoundInput): RoundResult {
  const checked = checkRoundInput(input);
  if (!checked.ok) throw new Error(`${checked.error.code}: ${checked.error.message}`);
  const { objects, componentPoints, vetoes, options } = input;
  const reasons = vetoReasons(vetoes);
  const mode = input.roundingMode ?? DEFAULT_ROUNDING_MODE;

  const rows = objects.map((object): Omit<RoundRow, 'rank'> => {
    const steps: ExplanationStep[] = [];
    const missing: MissingComponent[] = [];
    const points = new Map<MeetingKind, Rational>();
    const scores = new Map<MeetingKind, ExactFigure>();
    for (const component of ['self', 'social'] as const) {
      const found = componentScore(input[component], component, object.id);
      if ('score' in found) {
        // printed: 折算 = round(printed 得分 × 分值 / 100), from the score as printed.
        const score = carry(rationalOf(found.score), mode);
        const componentPointsValue = carry(mul(fromNumber(componentPoints[component]), div(score, fromInt(100))), mode);
        scores.set(component, found.score);
        points.set(component, componentPointsValue);
        steps.push({
          kind: 'component-points',
          component,
          points: componentPoints[component],
          score: found.score.rounded,
          result: figureOf(componentPointsValue).rounded,
        });
      } else {
        missing.push(found);
        steps.push({ kind: 'component-missing', ...found });
      }
    }
    const selfPoints = points.get('self');
    const socialPoints = points.get('social');
    const total = selfPoints !== undefined && socialPoints !== undefined ? add(selfPoints, socialPoints) : null;
    steps.push({
      kind: 'total',
      terms: [selfPoints, socialPoints].map((p) => (p === undefined ? null : figureOf(p).rounded)),
      result: total === null ? null : figureOf(total).rounded,
    });
    const vetoReason = reasons.get(object.id) ?? null;
    if (vetoReason !== null) steps.push({ kind: 'veto', reason: vetoReason });
    return {
      objectId: object.id,
      name: object.name,
      department: object.department,
      category: object.category,
      selfScore: scores.get('self') ?? null,
      socialScore: scores.get('social') ?? null,
      selfPoints: selfPoints === undefined ? null : figureOf(selfPoints),
      socialPoints: socialPoints === undefined ? null : figureOf(socialPoints),
      total: total === null ? null : figureOf(total),
      incomplete: total === null,
      missing,
      vetoed: vetoReason !== null,
      vetoReason,
      explanation: { steps },
    };
  });

  const byCategory = options.byCategory ?? false;
  const partitions = partitionByCategory(rows, byCategory);

  return {
    order: options.order,
    byCategory,
    componentPoints,
    roundingMode: mode,
    rankings: partitions.map(({ category, rows: partitionRows }) => ({
      category,
      rows: rankRows(partitionRows, options.order),
    })),
  };
}

function rankRows(rows: readonly Omit<RoundRow, 'rank'>[], order: RankOrder): readonly RoundRow[] {
  return rankObjects(rows, (row) => (row.total === null ? null : hundredthsOf(row.total)), order);
}
