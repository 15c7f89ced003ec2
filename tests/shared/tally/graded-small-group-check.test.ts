/**
 * The graded derivability check against brute force: for small meetings every possible ballot
 * set of each group is tallied by the real tally, every pair gives a published meeting score,
 * and for each published score the small group's printed scores that fit it are listed. The
 * check must find the same list where it claims completeness, and a subset of it otherwise (a
 * subset can only withhold more, never publish a derivable figure). Seeded: FC_SEED to replay.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Grade, IndicatorSet, RoundingMode, TallyBallot, VoterGroup } from '../../../shared/domain/model';
import { gradedScoresArePublishable, smallGroupScoresFitting, tallyGradedMeeting, type GradedScoreRules, type PublishedGroup } from '../../../shared/tally';
import { add, div, formatHundredths, fromInt, fromNumber, mul, parseExact, roundHundredths, type Rational } from '../../../shared/tally/exact-number';
import { object } from './builders';

const SEED = Number(process.env['FC_SEED'] ?? 20261213);

type Answer = number | null;

/** Every multiset of `n` ballots drawn from `kinds` (each ballot: one answer per indicator). */
function multisets<T>(kinds: readonly T[], n: number, from = 0): T[][] {
  if (n === 0) return [[]];
  const out: T[][] = [];
  for (let i = from; i < kinds.length; i += 1) for (const rest of multisets(kinds, n - 1, i)) out.push([kinds[i] as T, ...rest]);
  return out;
}

function ballotKinds(indicators: number, grades: number, abstentions: boolean): Answer[][] {
  const options: Answer[] = [...(abstentions ? [null] : []), ...Array.from({ length: grades }, (_, g) => g)];
  let kinds: Answer[][] = [[]];
  for (let i = 0; i < indicators; i += 1) kinds = kinds.flatMap((k) => options.map((o) => [...k, o]));
  return kinds;
}

function asBallots(group: VoterGroup, set: readonly Answer[][], indicatorIds: readonly string[]): TallyBallot[] {
  return set.map((answers) => {
    const forObject = Object.fromEntries(indicatorIds.map((id, i) => [id, answers[i] ?? null]));
    const any = answers.some((a) => a !== null);
    const content: TallyBallot['content'] = { type: 'graded', answers: any ? { x: forObject } : {} };
    return { group, content };
  });
}

interface Setup {
  readonly weights: readonly number[];
  readonly points: readonly number[];
  readonly abstentions: boolean;
  readonly mode: RoundingMode;
  readonly groupWeights: readonly [number, number];
  readonly sizes: readonly [number, number];
}

function indicatorSet(weights: readonly number[]): IndicatorSet {
  return { id: 'set', name: 's', indicators: weights.map((weight, i) => ({ id: `i${i}`, name: `指标${i}`, description: '', weight })) };
}

function gradeScale(points: readonly number[]): Grade[] {
  return points.map((p, i) => ({ label: `g${i}`, points: p }));
}

/** Every carried score (exact value) one group of `n` ballots can give object x, by the real tally. */
function groupScores(setup: Setup, n: number): Rational[] {
  const ids = setup.weights.map((_, i) => `i${i}`);
  const seen = new Map<string, Rational>();
  for (const set of multisets(ballotKinds(setup.weights.length, setup.points.length, setup.abstentions), n)) {
    const tally = tallyGradedMeeting({
      objects: [object('x', '科室')],
      indicatorSets: [indicatorSet(setup.weights)],
      gradeScale: gradeScale(setup.points),
      groups: ['all'],
      groupWeights: { all: 100 },
      smallGroupK: 1,
      ballots: asBallots('all', set, ids),
      roundingMode: setup.mode,
    });
    const score = tally.objects[0]?.score;
    if (score) seen.set(score.exact, parseExact(score.exact));
  }
  return [...seen.values()];
}

function printed(r: Rational): string {
  return formatHundredths(roundHundredths(r));
}

/** published score → the small group's (index 0) printed scores that fit it, by brute force. */
function bruteForce(setup: Setup): Map<string, Set<string>> {
  const xs = groupScores(setup, setup.sizes[0]);
  const ys = groupScores(setup, setup.sizes[1]);
  const [wx, wy] = setup.groupWeights;
  const map = new Map<string, Set<string>>();
  for (const x of xs) {
    for (const y of ys) {
      const score = printed(div(add(mul(fromNumber(wx), x), mul(fromNumber(wy), y)), fromInt(100)));
      const set = map.get(score) ?? new Set<string>();
      set.add(printed(x));
      map.set(score, set);
    }
  }
  return map;
}

const setups = fc.record({
  weights: fc.constantFrom<number[]>([100], [50, 50], [30, 70], [40, 60], [25, 75]),
  points: fc.constantFrom<number[]>([100, 80, 60, 0], [100, 60, 0], [100, 0], [90, 75, 60, 0], [100, 85, 70, 55]),
  abstentions: fc.boolean(),
  mode: fc.constantFrom<RoundingMode>('printed', 'exact'),
  groupWeights: fc.constantFrom<[number, number]>([30, 70], [50, 50], [40, 60], [35, 65], [20, 80]),
  sizes: fc.tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 })),
});

function groupsOf(setup: Setup): PublishedGroup[] {
  return [
    { group: 'officials', weight: setup.groupWeights[0], ballots: setup.sizes[0] },
    { group: 'recipients', weight: setup.groupWeights[1], ballots: setup.sizes[1] },
  ];
}

function rulesOf(setup: Setup): GradedScoreRules {
  return { indicatorWeights: setup.weights, gradePoints: setup.points, abstentions: setup.abstentions, mode: setup.mode };
}

describe('graded meetings: a small group’s score never follows from a published score', () => {
  it('finds exactly the brute-force fitting scores (printed; exact mode without blanks), a subset otherwise (seeded)', () => {
    fc.assert(
      fc.property(setups, (setup) => {
        // Fewer kinds keep the enumeration small: at most 2 indicators with blanks and 4 grades.
        if (setup.weights.length === 2 && setup.points.length === 4 && setup.sizes[0] + setup.sizes[1] > 5) return;
        const truth = bruteForce(setup);
        const groups = groupsOf(setup);
        for (const [score, fitting] of truth) {
          const found = smallGroupScoresFitting(groups, 0, score, rulesOf(setup), 10_000);
          expect(found, `score ${score}`).not.toBeNull();
          const mine = new Set((found?.scores ?? []).map((h) => formatHundredths(BigInt(h))));
          for (const s of mine) expect(fitting.has(s), `${s} fits ${score}`).toBe(true);
          if (found?.complete) expect([...mine].sort()).toEqual([...fitting].sort());
          const verdict = gradedScoresArePublishable(groups, [{ score, rules: rulesOf(setup) }], 5);
          // Publishable only when two different officials' scores truly fit.
          if (verdict.publishable) expect(fitting.size).toBeGreaterThanOrEqual(2);
          if (found?.complete) expect(verdict.publishable).toBe(fitting.size >= 2);
        }
        // Printed mode is always searched completely for groups this small.
        if (setup.mode === 'printed') for (const score of truth.keys()) expect(smallGroupScoresFitting(groups, 0, score, rulesOf(setup))?.complete).toBe(true);
      }),
      { numRuns: 40, seed: SEED },
    );
  }, 120_000);

  it('agrees with the real two-group tally on random ballot sets (seeded)', () => {
    fc.assert(
      fc.property(setups, fc.array(fc.nat(), { minLength: 8, maxLength: 8 }), (setup, picks) => {
        const ids = setup.weights.map((_, i) => `i${i}`);
        const kinds = ballotKinds(setup.weights.length, setup.points.length, setup.abstentions);
        const pick = (n: number, offset: number) => Array.from({ length: n }, (_, i) => kinds[(picks[offset + i] ?? 0) % kinds.length] ?? []);
        const ballots = [...asBallots('officials', pick(setup.sizes[0], 0), ids), ...asBallots('recipients', pick(setup.sizes[1], 4), ids)];
        const tally = tallyGradedMeeting({
          objects: [object('x', '科室')],
          indicatorSets: [indicatorSet(setup.weights)],
          gradeScale: gradeScale(setup.points),
          groups: ['officials', 'recipients'],
          groupWeights: { officials: setup.groupWeights[0], recipients: setup.groupWeights[1] },
          smallGroupK: 5,
          ballots,
          roundingMode: setup.mode,
        });
        const row = tally.objects[0];
        if (!row?.score) return;
        const officials = row.groups.find((g) => g.group === 'officials');
        const actual = officials && !officials.redacted ? officials.score?.rounded : undefined;
        const found = smallGroupScoresFitting(groupsOf(setup), 0, row.score.rounded, rulesOf(setup), 10_000);
        // The officials' real score always fits when the search is complete.
        if (found?.complete && actual !== undefined) expect(found.scores.map((h) => formatHundredths(BigInt(h)))).toContain(actual);
      }),
      { numRuns: 200, seed: SEED },
    );
  });

  it('withholds a small self-evaluation, 100.00 with 3 officials, and publishes a middling score with 3 officials and 20 recipients', () => {
    const rules: GradedScoreRules = { indicatorWeights: [20, 20, 20, 20, 20], gradePoints: [100, 80, 60, 0], abstentions: true, mode: 'printed' };
    expect(gradedScoresArePublishable([{ group: 'all', weight: 100, ballots: 4 }], [{ score: '88.00', rules }], 5)).toEqual({ publishable: false, reason: 'single-group' });
    const groups: PublishedGroup[] = [
      { group: 'officials', weight: 30, ballots: 3 },
      { group: 'recipients', weight: 70, ballots: 20 },
    ];
    // 100.00: every answer of both groups was 满意, the officials' score is 100.
    expect(smallGroupScoresFitting(groups, 0, '100.00', rules, 10)?.scores).toEqual([10000]);
    expect(gradedScoresArePublishable(groups, [{ score: '100.00', rules }], 5)).toEqual({ publishable: false, reason: 'determined' });
    expect(gradedScoresArePublishable(groups, [{ score: '82.37', rules }], 5)).toEqual({ publishable: true, reason: null });
    // No small group: nothing to check.
    expect(gradedScoresArePublishable(groups, [{ score: '100.00', rules }], 3)).toEqual({ publishable: true, reason: null });
  });
});
