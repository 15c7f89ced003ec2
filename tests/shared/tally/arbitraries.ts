/**
 * fast-check arbitraries for tally scenarios: small random objects, indicator sets whose
 * weights total 100, grade scales, voter groups and ballots with abstentions (null answers and
 * answers left out). Raw random numbers are mapped onto the scenario with modulo so that no
 * generator depends on another (shrinking stays simple).
 */
import fc from 'fast-check';
import { SET_WORST } from '../../../shared/domain/defaults';
import type { EvalObject, Grade, IndicatorSet, MeetingKind, TallyBallot, VoterGroup } from '../../../shared/domain/model';

/** Integer weights, each ≥ 1, totalling 100. */
export function weightsTotalling100(parts: number): fc.Arbitrary<number[]> {
  return fc
    .uniqueArray(fc.integer({ min: 1, max: 99 }), { minLength: parts - 1, maxLength: parts - 1 })
    .map((cuts) => {
      const sorted = [0, ...cuts.sort((a, b) => a - b), 100];
      return sorted.slice(1).map((cut, index) => cut - (sorted[index] ?? 0));
    });
}

const NAMES = 'abcdefgh'.split('');

/** Objects, indicator sets and a grade scale shared by the meetings of a round. */
export interface RoundShape {
  readonly objects: readonly EvalObject[];
  readonly indicatorSets: readonly IndicatorSet[];
  readonly gradeScale: readonly Grade[];
}

/** 1–4 objects over 1–2 sets of 1–4 indicators, and 1–4 integer grades. */
export const roundShape: fc.Arbitrary<RoundShape> = fc
  .record({
    sets: fc.array(
      fc.integer({ min: 1, max: 4 }).chain((n) => weightsTotalling100(n)),
      { minLength: 1, maxLength: 2 },
    ),
    objects: fc.array(fc.record({ set: fc.nat(), category: fc.constantFrom('科室', '科长') }), { minLength: 1, maxLength: 4 }),
    names: fc.shuffledSubarray(NAMES, { minLength: 4, maxLength: 4 }),
    // Coarse points half of the time, so equal scores (and shared ranks) are frequent.
    points: fc.oneof<fc.Arbitrary<number[]>[]>(
      fc.array(fc.constantFrom<number>(0, 50, 100), { minLength: 1, maxLength: 4 }),
      fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 1, maxLength: 4 }),
    ),
  })
  .map(({ sets, objects, names, points }) => {
    const indicatorSets: IndicatorSet[] = sets.map((weights, s) => ({
      id: `set${s}`,
      name: `set ${s}`,
      indicators: weights.map((weight, i) => ({ id: `i${i}`, name: `指标${i}`, description: '', weight })),
    }));
    return {
      indicatorSets,
      objects: objects.map((o, index) => ({
        id: `o${index}`,
        name: names[index] ?? `z${index}`,
        department: `dept${index % 2}`,
        category: o.category,
        indicatorSetId: `set${o.set % indicatorSets.length}`,
      })),
      gradeScale: points.map((p, index) => ({ label: `g${index}`, points: p })),
    };
  });

/** Random raw ballots: a group choice, a bit mask of objects left out, and one cell per (object, indicator). */
export function rawGradedBallots(minLength: number) {
  return fc.array(
    fc.record({
      group: fc.nat(),
      omit: fc.oneof(fc.constant(0), fc.nat({ max: 15 })),
      // −2: indicator left out of the answers, −1: null (弃权), n ≥ 0: grade n mod scale length.
      cells: fc.array(fc.integer({ min: -2, max: 7 }), { minLength: 16, maxLength: 16 }),
    }),
    { minLength, maxLength: 12 },
  );
}

/** Groups and weights of a meeting kind: officials get 1–99 % in a social meeting. */
export function groupsOfKind(kind: MeetingKind, officialsWeight: number): {
  readonly groups: readonly VoterGroup[];
  readonly groupWeights: Readonly<Partial<Record<VoterGroup, number>>>;
} {
  return kind === 'social'
    ? { groups: ['officials', 'recipients'], groupWeights: { officials: officialsWeight, recipients: 100 - officialsWeight } }
    : { groups: ['all'], groupWeights: { all: 100 } };
}

/** Maps raw ballots onto a shape's objects and indicators. */
export function buildGradedBallots(
  shape: RoundShape,
  groups: readonly VoterGroup[],
  raw: readonly { readonly group: number; readonly omit: number; readonly cells: readonly number[] }[],
): TallyBallot[] {
  return raw.map((r) => {
    const answers: Record<string, Record<string, number | null>> = {};
    shape.objects.forEach((object, o) => {
      if ((r.omit >> o) & 1) return;
      const set = shape.indicatorSets.find((s) => s.id === object.indicatorSetId);
      const forObject: Record<string, number | null> = {};
      set?.indicators.forEach((indicator, i) => {
        const cell = r.cells[o * 4 + i] ?? -2;
        if (cell === -1) forObject[indicator.id] = null;
        else if (cell >= 0) forObject[indicator.id] = cell % shape.gradeScale.length;
      });
      answers[object.id] = forObject;
    });
    return { group: groups[r.group % groups.length] ?? 'all', content: { type: 'graded', answers } };
  });
}

/** A whole graded meeting. */
export interface GradedScenario extends RoundShape {
  readonly groups: readonly VoterGroup[];
  readonly groupWeights: Readonly<Partial<Record<VoterGroup, number>>>;
  readonly smallGroupK: number;
  readonly ballots: readonly TallyBallot[];
  readonly roundingMode: 'printed' | 'exact';
}

/** Both rounding modes, the default ('printed') three times as often. */
export const roundingModeArb = fc.constantFrom<'printed' | 'exact'>('printed', 'printed', 'printed', 'exact');

/** A graded meeting of a given kind over a given shape. */
export function gradedMeetingOver(shape: RoundShape, kind: MeetingKind, minBallots = 0): fc.Arbitrary<GradedScenario> {
  return fc
    .record({
      officialsWeight: fc.integer({ min: 1, max: 99 }),
      smallGroupK: fc.integer({ min: 0, max: 6 }),
      raw: rawGradedBallots(minBallots),
      roundingMode: roundingModeArb,
    })
    .map(({ officialsWeight, smallGroupK, raw, roundingMode }) => {
      const { groups, groupWeights } = groupsOfKind(kind, officialsWeight);
      return { ...shape, groups, groupWeights, smallGroupK, ballots: buildGradedBallots(shape, groups, raw), roundingMode };
    });
}

/** A graded meeting of either kind. */
export const gradedScenario: fc.Arbitrary<GradedScenario> = fc
  .tuple(roundShape, fc.constantFrom<MeetingKind>('social', 'self'))
  .chain(([shape, kind]) => gradedMeetingOver(shape, kind));

/** Vetoes on a random subset of the objects. */
export function vetoesOf(objects: readonly EvalObject[], mask: number): { readonly objectId: string; readonly reason: string }[] {
  return objects.filter((_, index) => (mask >> index) & 1).map((o) => ({ objectId: o.id, reason: `吃拿卡要 ${o.name}` }));
}

/** A round: a shape, each meeting held or not, points, vetoes and ranking options. */
export const roundScenario = roundShape.chain((shape) =>
  fc.record({
    shape: fc.constant(shape),
    // Mostly held and with a few ballots, so that most rows are complete and get ranked.
    self: fc.option(gradedMeetingOver(shape, 'self', 2), { freq: 6 }),
    social: fc.option(gradedMeetingOver(shape, 'social', 4), { freq: 6 }),
    points: fc.record({ self: fc.integer({ min: 0, max: 100 }), social: fc.integer({ min: 0, max: 100 }) }),
    vetoMask: fc.oneof(fc.constant(0), fc.nat({ max: 15 })),
    order: fc.constantFrom('best-first' as const, 'worst-first' as const),
    byCategory: fc.boolean(),
    roundingMode: roundingModeArb,
  }),
);

/** A worst-list meeting: objects, groups, ballots of picks with tags, vetoes, top N. */
export const worstScenario = fc
  .record({
    shape: roundShape,
    kind: fc.constantFrom<MeetingKind>('social', 'self'),
    officialsWeight: fc.integer({ min: 1, max: 99 }),
    smallGroupK: fc.integer({ min: 0, max: 6 }),
    topN: fc.integer({ min: 1, max: 5 }),
    vetoMask: fc.oneof(fc.constant(0), fc.nat({ max: 15 })),
    roundingMode: roundingModeArb,
    raw: fc.array(
      fc.record({
        group: fc.nat(),
        picks: fc.uniqueArray(fc.nat({ max: 3 }), { maxLength: 4 }),
        tags: fc.array(fc.nat({ max: 31 }), { minLength: 4, maxLength: 4 }),
      }),
      { maxLength: 12 },
    ),
  })
  .map(({ shape, kind, officialsWeight, smallGroupK, topN, vetoMask, raw, roundingMode }) => {
    const { groups, groupWeights } = groupsOfKind(kind, officialsWeight);
    const tagIds = SET_WORST.indicators.map((t) => t.id);
    const ballots: TallyBallot[] = raw.map((r) => ({
      group: groups[r.group % groups.length] ?? 'all',
      content: {
        type: 'worst',
        picks: r.picks
          .filter((p) => p < shape.objects.length)
          .map((p, index) => ({
            objectId: shape.objects[p]?.id ?? '?',
            tags: tagIds.filter((_, t) => ((r.tags[index] ?? 0) >> t) & 1),
          })),
      },
    }));
    return { objects: shape.objects, groups, groupWeights, smallGroupK, topN, vetoes: vetoesOf(shape.objects, vetoMask), ballots, roundingMode };
  });
