import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SET_WORST } from '../../../shared/domain/defaults';
import type { GradedBallot, TallyBallot } from '../../../shared/domain/model';
import {
  checkPrintedMeetingRow,
  checkPrintedRoundRow,
  combineRound,
  tallyGradedMeeting,
  tallyWorstMeeting,
  type GradedMeetingTally,
  type RoundRow,
} from '../../../shared/tally';
import { gradedScenario, roundScenario, vetoesOf, worstScenario, type GradedScenario } from './arbitraries';
import { naiveCombineRound, naiveGradedTally, naiveWorstTally } from './naive-tally';

// Seeded so a failure can be replayed: FC_SEED=<seed printed by fast-check> npx vitest run …
const SEED = Number(process.env['FC_SEED'] ?? 20261201);
const RUNS = { numRuns: 200, seed: SEED };

function scoreOf(tally: GradedMeetingTally, objectId: string): string | null {
  return tally.objects.find((o) => o.objectId === objectId)?.score?.rounded ?? null;
}

function allRows(result: ReturnType<typeof combineRound>): RoundRow[] {
  return result.rankings.flatMap((r) => [...r.rows]);
}

describe('graded tally against the naive tally', () => {
  it('agrees on the objects, groups and indicators present, and on every count, sum, mean, group score and meeting score', () => {
    fc.assert(
      fc.property(gradedScenario, (scenario) => {
        const tally = tallyGradedMeeting(scenario);
        const naive = naiveGradedTally(scenario);
        // The same objects, none dropped or added; the loop below then compares each one.
        expect(tally.objects.map((o) => o.objectId).sort()).toEqual(Object.keys(naive).sort());
        for (const object of tally.objects) {
          const expected = naive[object.objectId];
          expect(expected).toBeDefined();
          if (expected === undefined) return;
          expect(object.groups.map((g) => g.group).sort()).toEqual(Object.keys(expected.groups).sort());
          expect(object.score?.rounded ?? null).toBe(expected.score);
          expect(object.incomplete).toBe(expected.missing.length > 0);
          expect(object.missingGroups).toEqual(expected.missing);
          for (const group of object.groups) {
            const g = expected.groups[group.group];
            if (group.redacted || g === undefined) throw new Error('unexpected redaction');
            expect(group.ballots).toBe(g.ballots);
            expect(group.answeredBallots).toBe(g.answeredBallots);
            expect(group.score?.rounded ?? null).toBe(g.score);
            expect(group.indicators.map((i) => i.indicatorId).sort()).toEqual(Object.keys(g.indicators).sort());
            for (const indicator of group.indicators) {
              const i = g.indicators[indicator.indicatorId];
              expect(i).toBeDefined();
              expect(indicator.answered).toBe(i?.answered);
              expect(indicator.abstentions).toBe(i?.abstentions);
              expect(indicator.sumPoints).toBe(i?.sum);
              expect(indicator.mean?.rounded ?? null).toBe(i?.mean);
            }
          }
        }
      }),
      RUNS,
    );
  });

  it('counts abstentions and keeps them out of the means: answered + abstentions = ballots of the group', () => {
    fc.assert(
      fc.property(gradedScenario, (scenario) => {
        const tally = tallyGradedMeeting(scenario);
        for (const object of tally.objects) {
          for (const group of object.groups) {
            if (group.redacted) continue;
            for (const indicator of group.indicators) {
              expect(indicator.answered + indicator.abstentions).toBe(group.ballots);
              expect(indicator.gradeCounts.reduce((a, b) => a + b, 0)).toBe(indicator.answered);
              if (indicator.answered === 0) expect(indicator.mean).toBeNull();
              else if (scenario.roundingMode === 'exact') expect(indicator.mean?.value).toBeCloseTo(indicator.sumPoints / indicator.answered, 9);
              // Printed: the mean carried on is the half-up 2-decimal value, within half a cent.
              else expect(Math.abs((indicator.mean?.value ?? NaN) - indicator.sumPoints / indicator.answered)).toBeLessThanOrEqual(0.005 + 1e-9);
            }
          }
        }
      }),
      RUNS,
    );
  });

  it('never re-weights: an object is incomplete exactly when a group has no answer, and then has no score', () => {
    fc.assert(
      fc.property(gradedScenario, (scenario) => {
        const tally = tallyGradedMeeting(scenario);
        for (const object of tally.objects) {
          const noAnswer = object.groups.filter((g) => !g.redacted && g.score === null).map((g) => g.group);
          expect(object.missingGroups).toEqual(noAnswer);
          expect(object.incomplete).toBe(noAnswer.length > 0);
          expect(object.score === null).toBe(noAnswer.length > 0);
        }
      }),
      RUNS,
    );
  });

  it('produces JSON-safe results (they cross IPC and are stored): a JSON round trip changes nothing', () => {
    fc.assert(
      fc.property(gradedScenario, (scenario) => {
        const tally = tallyGradedMeeting(scenario);
        expect(JSON.parse(JSON.stringify(tally))).toEqual(tally);
      }),
      { numRuns: 50 },
    );
    fc.assert(
      fc.property(worstScenario, (scenario) => {
        const tally = tallyWorstMeeting({ ...scenario, tags: SET_WORST });
        expect(JSON.parse(JSON.stringify(tally))).toEqual(tally);
      }),
      { numRuns: 50 },
    );
  });

  it('does not depend on the order of the ballots', () => {
    fc.assert(
      fc.property(
        gradedScenario.chain((s) => fc.tuple(fc.constant(s), fc.shuffledSubarray([...s.ballots], { minLength: s.ballots.length }))),
        ([scenario, shuffled]) => {
          expect(tallyGradedMeeting({ ...scenario, ballots: shuffled })).toEqual(tallyGradedMeeting(scenario));
        },
      ),
      RUNS,
    );
  });

  it('ignores the weight of an indicator nobody answered, and scaling all weights of a set changes nothing', () => {
    fc.assert(
      fc.property(gradedScenario, fc.integer({ min: 1, max: 500 }), fc.integer({ min: 2, max: 7 }), (scenario, newWeight, factor) => {
        // Strip every answer to indicator i0 of set0, then give it any weight.
        const stripped: TallyBallot[] = scenario.ballots.map((ballot) => {
          const content = ballot.content as GradedBallot;
          const answers = Object.fromEntries(
            Object.entries(content.answers).map(([objectId, byIndicator]) => {
              const object = scenario.objects.find((o) => o.id === objectId);
              if (object?.indicatorSetId !== 'set0') return [objectId, byIndicator];
              return [objectId, Object.fromEntries(Object.entries(byIndicator).filter(([id]) => id !== 'i0'))];
            }),
          );
          return { group: ballot.group, content: { type: 'graded', answers } };
        });
        const base: GradedScenario = { ...scenario, ballots: stripped };
        const reweighted: GradedScenario = {
          ...base,
          indicatorSets: base.indicatorSets.map((s) =>
            s.id !== 'set0' ? s : { ...s, indicators: s.indicators.map((i) => (i.id === 'i0' ? { ...i, weight: newWeight } : i)) },
          ),
        };
        const scaled: GradedScenario = {
          ...scenario,
          indicatorSets: scenario.indicatorSets.map((s) => ({ ...s, indicators: s.indicators.map((i) => ({ ...i, weight: i.weight * factor })) })),
        };
        const a = tallyGradedMeeting(base);
        const b = tallyGradedMeeting(reweighted);
        const original = tallyGradedMeeting(scenario);
        const c = tallyGradedMeeting(scaled);
        for (const object of scenario.objects) {
          expect(scoreOf(b, object.id)).toBe(scoreOf(a, object.id));
          expect(c.objects.find((o) => o.objectId === object.id)?.score?.exact).toBe(
            original.objects.find((o) => o.objectId === object.id)?.score?.exact,
          );
        }
      }),
      RUNS,
    );
  });
});

describe('combining a round against the naive tally', () => {
  it('agrees on points, totals and ranks (ties share ranks, vetoes placed, incomplete unranked)', () => {
    fc.assert(
      fc.property(roundScenario, ({ shape, self, social, points, vetoMask, order, byCategory, roundingMode }) => {
        const vetoes = vetoesOf(shape.objects, vetoMask);
        const result = combineRound({
          objects: shape.objects,
          self: self === null ? null : tallyGradedMeeting({ ...self, roundingMode }),
          social: social === null ? null : tallyGradedMeeting({ ...social, roundingMode }),
          componentPoints: points,
          vetoes,
          roundingMode,
          options: { order, byCategory },
        });
        const naive = naiveCombineRound({
          objects: shape.objects,
          self: self === null ? null : naiveGradedTally({ ...self, roundingMode }),
          social: social === null ? null : naiveGradedTally({ ...social, roundingMode }),
          points,
          vetoes,
          order,
          byCategory,
          roundingMode,
        });
        const rows = allRows(result);
        expect(rows.map((r) => r.objectId).sort()).toEqual(shape.objects.map((o) => o.id).sort());
        expect(rows.map((r) => r.objectId).sort()).toEqual(Object.keys(naive).sort());
        for (const row of rows) {
          const expected = naive[row.objectId];
          expect(row.selfPoints?.rounded ?? null).toBe(expected?.selfPoints);
          expect(row.socialPoints?.rounded ?? null).toBe(expected?.socialPoints);
          expect(row.total?.rounded ?? null).toBe(expected?.total);
          expect(row.rank).toBe(expected?.rank);
          expect(row.incomplete).toBe(row.total === null);
          expect(row.vetoed).toBe(vetoes.some((v) => v.objectId === row.objectId));
        }
      }),
      RUNS,
    );
  });

  it('lists rows in rank order with vetoed rows at the worst end of the ranked ones and the unranked last, ties by name', () => {
    fc.assert(
      fc.property(roundScenario, ({ shape, self, social, points, vetoMask, order, byCategory }) => {
        const result = combineRound({
          objects: shape.objects,
          self: self === null ? null : tallyGradedMeeting(self),
          social: social === null ? null : tallyGradedMeeting(social),
          componentPoints: points,
          vetoes: vetoesOf(shape.objects, vetoMask),
          options: { order, byCategory },
        });
        for (const ranking of result.rankings) {
          const rows = ranking.rows;
          const vetoed = rows.filter((r) => r.vetoed);
          const scored = rows.filter((r) => !r.vetoed && r.rank !== null);
          const unranked = rows.filter((r) => r.rank === null);
          // Worst-first: vetoed, scored, unranked. Best-first: scored, vetoed, unranked: a veto
          // takes the last places, and the numbers never skip over an unranked row.
          expect(rows).toEqual(order === 'worst-first' ? [...vetoed, ...scored, ...unranked] : [...scored, ...vetoed, ...unranked]);
          expect(unranked.every((r) => r.total === null && !r.vetoed)).toBe(true);
          const offset = order === 'worst-first' ? vetoed.length : 0;
          for (const [index, row] of scored.entries()) {
            const previous = scored[index - 1];
            if (previous === undefined) {
              expect(row.rank).toBe(offset + 1);
              continue;
            }
            // Competition ranking: equal rank or the row's position.
            expect(row.rank === previous.rank || row.rank === offset + index + 1).toBe(true);
            if (row.rank === previous.rank) expect(previous.name < row.name).toBe(true);
          }
          const vetoStart = order === 'worst-first' ? 0 : scored.length;
          expect(vetoed.map((r) => r.rank)).toEqual(vetoed.map((_, i) => vetoStart + i + 1));
        }
      }),
      RUNS,
    );
  });

  it('rounds an exact total ending in 5 at the third decimal half-up', () => {
    // Self: 100 ballots, r of them give p+1 points, the others p: self = p + r/100 exactly.
    // Social: q. Total = (p + r/100 + q) / 2; with r odd it ends in 5 at the third decimal.
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 98 }), fc.integer({ min: 0, max: 49 }), fc.integer({ min: 0, max: 100 }), (p, half, q) => {
        const r = 2 * half + 1;
        const object = { id: 'o', name: '科室', department: 'd', category: '科室', indicatorSetId: 's' };
        const indicatorSets = [{ id: 's', name: 's', indicators: [{ id: 'i', name: 'i', description: '', weight: 100 }] }];
        const self = tallyGradedMeeting({
          objects: [object],
          indicatorSets,
          gradeScale: [
            { label: 'hi', points: p + 1 },
            { label: 'lo', points: p },
          ],
          groups: ['all'],
          groupWeights: { all: 100 },
          smallGroupK: 5,
          ballots: Array.from({ length: 100 }, (_, k) => ({
            group: 'all' as const,
            content: { type: 'graded' as const, answers: { o: { i: k < r ? 0 : 1 } } },
          })),
        });
        const social = tallyGradedMeeting({
          objects: [object],
          indicatorSets,
          gradeScale: [{ label: 'q', points: q }],
          groups: ['officials', 'recipients'],
          groupWeights: { officials: 30, recipients: 70 },
          smallGroupK: 0,
          ballots: (['officials', 'recipients'] as const).map((group) => ({ group, content: { type: 'graded' as const, answers: { o: { i: 0 } } } })),
        });
        const result = combineRound({
          objects: [object],
          self,
          social,
          componentPoints: { self: 50, social: 50 },
          vetoes: [],
          options: { order: 'best-first' },
        });
        const hundredths = (100 * (p + q) + r + 1) / 2; // half-up of (100(p+q) + r)/2 hundredths
        const expected = `${Math.floor(hundredths / 100)}.${String(hundredths % 100).padStart(2, '0')}`;
        expect(result.rankings[0]?.rows[0]?.total?.rounded).toBe(expected);
      }),
      { numRuns: 100, seed: SEED },
    );
  });
});

describe('the printed arithmetic (default rounding mode)', () => {
  it('every printed row adds up from its printed parts: 测评得分 from group scores, 折算 from 得分, 总分 from 折算; ranks by the printed total', () => {
    fc.assert(
      fc.property(roundScenario, ({ shape, self, social, points, vetoMask, order, byCategory }) => {
        const selfTally = self === null ? null : tallyGradedMeeting({ ...self, roundingMode: 'printed' });
        const socialTally = social === null ? null : tallyGradedMeeting({ ...social, roundingMode: 'printed' });
        for (const tally of [selfTally, socialTally]) {
          for (const object of tally?.objects ?? []) {
            const groups = object.groups.map((g) => ({ weight: g.weight, figure: g.redacted ? null : (g.score?.rounded ?? null) }));
            expect(checkPrintedMeetingRow({ score: object.score?.rounded ?? null, groups })).toEqual([]);
            for (const g of object.groups) {
              if (g.redacted || g.score === null) continue;
              // The group score from the printed indicator means of the answered indicators.
              const answered = g.indicators.filter((i) => i.mean !== null);
              const weights = answered.reduce((total, i) => total + i.weight, 0);
              const cents = answered.reduce((total, i) => total + i.weight * Math.round(Number(i.mean?.rounded) * 100), 0);
              expect(Math.round(Number(g.score.rounded) * 100)).toBe(Math.floor((2 * cents + weights) / (2 * weights)));
            }
          }
        }
        const result = combineRound({
          objects: shape.objects,
          self: selfTally,
          social: socialTally,
          componentPoints: points,
          vetoes: vetoesOf(shape.objects, vetoMask),
          options: { order, byCategory },
        });
        for (const ranking of result.rankings) {
          for (const row of ranking.rows) {
            const printed = {
              selfScore: row.selfScore?.rounded ?? null,
              socialScore: row.socialScore?.rounded ?? null,
              selfPoints: row.selfPoints?.rounded ?? null,
              socialPoints: row.socialPoints?.rounded ?? null,
              total: row.total?.rounded ?? null,
            };
            expect(checkPrintedRoundRow(printed, points)).toEqual([]);
          }
          // Ranks by the printed total: a higher printed total never has a worse rank.
          const scored = ranking.rows.filter((r) => !r.vetoed && r.rank !== null);
          for (const a of scored) {
            for (const b of scored) {
              const ta = Number(a.total?.rounded);
              const tb = Number(b.total?.rounded);
              if (ta === tb) expect(a.rank).toBe(b.rank);
              else if ((ta > tb) === (order === 'best-first')) expect(a.rank ?? 0).toBeLessThan(b.rank ?? 0);
            }
          }
        }
      }),
      RUNS,
    );
  });
});

describe('worst-list tally against the naive tally', () => {
  it('agrees on rates, combined rates, ranks, tag counts, main problems and the published list', () => {
    fc.assert(
      fc.property(worstScenario, (scenario) => {
        const tally = tallyWorstMeeting({ ...scenario, tags: SET_WORST });
        const naive = naiveWorstTally({ ...scenario, tagIds: SET_WORST.indicators.map((t) => t.id) });
        expect(tally.objects.map((o) => o.objectId).sort()).toEqual(Object.keys(naive.rows).sort());
        for (const row of tally.objects) {
          const expected = naive.rows[row.objectId];
          expect(row.nominations).toBe(expected?.nominations);
          expect(row.rate?.rounded ?? null).toBe(expected?.rate);
          expect(row.rank).toBe(expected?.rank);
          expect(row.tagCounts.map((t) => t.count)).toEqual(expected?.tagCounts);
          expect(row.mainProblems.map((t) => t.tagId)).toEqual(expected?.mainProblems);
          for (const group of row.groups) {
            if (group.redacted) throw new Error('unexpected redaction');
            expect(group.rate?.rounded ?? null).toBe(expected?.groupRates[group.group]);
          }
        }
        expect(tally.top.map((t) => t.objectId).sort()).toEqual([...naive.top].sort());
        // The published list is in rank order.
        const ranks = tally.top.map((t) => t.rank);
        expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
      }),
      RUNS,
    );
  });

  it('does not depend on the order of the ballots', () => {
    fc.assert(
      fc.property(
        worstScenario.chain((s) => fc.tuple(fc.constant(s), fc.shuffledSubarray([...s.ballots], { minLength: s.ballots.length }))),
        ([scenario, shuffled]) => {
          expect(tallyWorstMeeting({ ...scenario, tags: SET_WORST, ballots: shuffled })).toEqual(
            tallyWorstMeeting({ ...scenario, tags: SET_WORST }),
          );
        },
      ),
      RUNS,
    );
  });
});
