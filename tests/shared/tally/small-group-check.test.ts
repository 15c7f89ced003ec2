import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SET_WORST } from '../../../shared/domain/defaults';
import type { TallyBallot } from '../../../shared/domain/model';
import { combinedRateOf, ratesArePublishable, solutionsFor, tallyWorstMeeting, type PublishedGroup } from '../../../shared/tally';
import { object } from './builders';

const SEED = Number(process.env['FC_SEED'] ?? 20261201);
const ISSUE_GROUPS: PublishedGroup[] = [
  { group: 'officials', weight: 30, ballots: 3 },
  { group: 'recipients', weight: 70, ballots: 20 },
];

describe('small groups are never derivable from a published rate', () => {
  it('finds the issue’s case: 20.50 % with 3 officials and 20 recipients has one solution (1 and 3 nominations)', () => {
    const rate = combinedRateOf(ISSUE_GROUPS, [1, 3], 'printed');
    expect(rate).toBe('20.50');
    expect(solutionsFor(ISSUE_GROUPS, { rate, nominations: null }, 'printed', 10)).toBe(1);
    expect(ratesArePublishable(ISSUE_GROUPS, [{ rate, nominations: null }], 5, 'printed')).toBe(false);
    // With no small group nothing needs checking.
    expect(ratesArePublishable(ISSUE_GROUPS, [{ rate, nominations: null }], 3, 'printed')).toBe(true);
  });

  it('allows a figure with several solutions: 0 % and 100 % are unique, so a meeting with them is withheld', () => {
    expect(solutionsFor(ISSUE_GROUPS, { rate: '0.00', nominations: null }, 'printed')).toBe(1);
    const groups: PublishedGroup[] = [
      { group: 'officials', weight: 50, ballots: 2 },
      { group: 'recipients', weight: 50, ballots: 2 },
    ];
    // 50 % = (1/2 + 1/2)/2 = (2/2 + 0/2)/2 = (0/2 + 2/2)/2: three solutions.
    expect(solutionsFor(groups, { rate: '50.00', nominations: null }, 'printed', 10)).toBe(3);
    expect(ratesArePublishable(groups, [{ rate: '50.00', nominations: null }], 5, 'printed')).toBe(true);
    // Adding the total nominations published elsewhere (2) leaves all three; adding 0 leaves none.
    expect(solutionsFor(groups, { rate: '50.00', nominations: 2 }, 'printed', 10)).toBe(3);
    expect(solutionsFor(groups, { rate: '50.00', nominations: 0 }, 'printed', 10)).toBe(0);
  });

  it('reproduces the tally’s printed combined rate for random small meetings (seeded), and every real rate has a solution', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 25 }),
        fc.integer({ min: 1, max: 99 }),
        fc.constantFrom<'printed' | 'exact'>('printed', 'exact'),
        fc.nat(),
        fc.nat(),
        (officials, recipients, weight, mode, a, b) => {
          const c = [a % (officials + 1), b % (recipients + 1)];
          const ballots: TallyBallot[] = [
            ...Array.from({ length: officials }, (_, i): TallyBallot => ({ group: 'officials', content: { type: 'worst', picks: i < (c[0] ?? 0) ? [{ objectId: 'x', tags: [] }] : [] } })),
            ...Array.from({ length: recipients }, (_, i): TallyBallot => ({ group: 'recipients', content: { type: 'worst', picks: i < (c[1] ?? 0) ? [{ objectId: 'x', tags: [] }] : [] } })),
          ];
          const tally = tallyWorstMeeting({
            objects: [object('x', '科室')],
            tags: SET_WORST,
            groups: ['officials', 'recipients'],
            groupWeights: { officials: weight, recipients: 100 - weight },
            smallGroupK: 5,
            vetoes: [],
            ballots,
            roundingMode: mode,
          });
          const groups: PublishedGroup[] = [
            { group: 'officials', weight, ballots: officials },
            { group: 'recipients', weight: 100 - weight, ballots: recipients },
          ];
          const rate = tally.objects[0]?.rate?.rounded ?? null;
          expect(combinedRateOf(groups, c, mode)).toBe(rate);
          expect(solutionsFor(groups, { rate, nominations: null }, mode)).toBeGreaterThanOrEqual(1);
        },
      ),
      { numRuns: 200, seed: SEED },
    );
  });
});
