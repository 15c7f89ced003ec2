/**
 * The incomplete-row check (i13) against brute force: for small two-group meetings, every way
 * the groups' ballots can answer or skip (不了解) one object is tallied by the real tally, and the
 * row each way would be published as (publishedAnswersOf: complete, 数据不完整 unnamed, or naming
 * the groups) is noted. For the actual ballots, the small group's answered counts that give the
 * same published row must be exactly answeredCountsFitting's list, and the row is publishable
 * only when two or more remain. Seeded: FC_SEED to replay.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TallyBallot, VoterGroup } from '../../../shared/domain/model';
import {
  answeredCountsFitting,
  answersArePublishable,
  publishedAnswersOf,
  redactSmallGroups,
  tallyGradedMeeting,
  type PublishedAnswers,
  type PublishedGroup,
} from '../../../shared/tally';
import { formatExplanation } from '../../../shared/tally';
import { INCOMPLETE_UNNAMED, incompleteNote, publishedIncompleteNote } from '../../../shared/rules/rule-text';
import { object } from './builders';

const SEED = Number(process.env['FC_SEED'] ?? 20261214);

/** `answered` ballots of the group grade object x (满意), the rest skip it. */
function ballots(group: VoterGroup, total: number, answered: number): TallyBallot[] {
  const skipped: Record<string, Record<string, number | null>> = {};
  return Array.from({ length: total }, (_, i): TallyBallot => ({ group, content: { type: 'graded', answers: i < answered ? { x: { a: 0 } } : skipped } }));
}

function tally(sizes: readonly [number, number], answered: readonly [number, number], smallGroupK: number) {
  return tallyGradedMeeting({
    objects: [object('x', '窗口科')],
    indicatorSets: [{ id: 'set', name: 's', indicators: [{ id: 'a', name: '态度', description: '', weight: 100 }] }],
    gradeScale: [
      { label: '满意', points: 100 },
      { label: '不满意', points: 0 },
    ],
    groups: ['officials', 'recipients'],
    groupWeights: { officials: 30, recipients: 70 },
    smallGroupK,
    ballots: [...ballots('officials', sizes[0], answered[0]), ...ballots('recipients', sizes[1], answered[1])],
    roundingMode: 'printed',
  });
}

const same = (a: PublishedAnswers, b: PublishedAnswers): boolean => JSON.stringify(a) === JSON.stringify(b);

describe('incomplete rows never give a small group’s answered count away (i13)', () => {
  it('lists exactly the brute-force answered counts behind each published row, for every way of answering (seeded)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 8 }), fc.integer({ min: 2, max: 8 }), (officials, recipients, k) => {
        const sizes = [officials, recipients] as const;
        const groups: PublishedGroup[] = [
          { group: 'officials', weight: 30, ballots: officials },
          { group: 'recipients', weight: 70, ballots: recipients },
        ];
        // The published row of every way the groups can answer, by the real tally.
        const rows = Array.from({ length: officials + 1 }, (_, a) =>
          Array.from({ length: recipients + 1 }, (_, b) => publishedAnswersOf(groups, k, tally(sizes, [a, b], k).objects[0]?.missingGroups ?? [])),
        );
        const published = (a: number, b: number): PublishedAnswers => rows[a]?.[b] ?? 'complete';
        for (let a = 0; a <= officials; a += 1) {
          for (let b = 0; b <= recipients; b += 1) {
            const row = published(a, b);
            for (const [index, size] of sizes.entries()) {
              // Brute force: every world's count of this group whose row reads the same.
              const truth = new Set<number>();
              for (let x = 0; x <= officials; x += 1) for (let y = 0; y <= recipients; y += 1) if (same(published(x, y), row)) truth.add(index === 0 ? x : y);
              expect([...truth].sort((p, q) => p - q), `${officials}+${recipients}, k ${k}, answered ${a}/${b}, group ${index}`).toEqual(answeredCountsFitting(groups, index, row));
              const small = size < k;
              if (small && truth.size < 2) expect(answersArePublishable(groups, [row], k).publishable).toBe(false);
            }
            if (officials >= 2 && recipients >= 2) expect(answersArePublishable(groups, [row], k)).toEqual({ publishable: true, determined: null });
          }
        }
      }),
      { numRuns: 60, seed: SEED },
    );
  });

  it('for the meeting with 3 officials and 20 recipients: the named row gives 0 away, the unnamed one does not', () => {
    const groups: PublishedGroup[] = [
      { group: 'officials', weight: 30, ballots: 3 },
      { group: 'recipients', weight: 70, ballots: 20 },
    ];
    // What the export printed before: 数据不完整：人大代表、政协委员、分管领导无评分.
    expect(answeredCountsFitting(groups, 0, ['officials'])).toEqual([0]);
    expect(answersArePublishable(groups, ['complete', ['officials']], 5)).toEqual({ publishable: false, determined: { row: 1, group: 'officials' } });
    // What it prints now: 数据不完整, no group.
    expect(publishedAnswersOf(groups, 5, ['officials'])).toBe('unnamed');
    expect(answeredCountsFitting(groups, 0, 'unnamed')).toEqual([0, 1, 2, 3]);
    expect(answersArePublishable(groups, ['complete', 'unnamed'], 5)).toEqual({ publishable: true, determined: null });
    expect(publishedIncompleteNote(groups, 5, ['officials'])).toBe(INCOMPLETE_UNNAMED);
    // No small group: the row names the group, as before.
    expect(publishedAnswersOf(groups, 3, ['officials'])).toEqual(['officials']);
    expect(publishedIncompleteNote(groups, 3, ['officials'])).toBe(incompleteNote(['officials']));
    expect(incompleteNote(['officials'])).toBe('数据不完整：人大代表、政协委员、分管领导无评分，不折算');
  });

  it('finds a one-ballot group’s answer in every complete row', () => {
    const groups: PublishedGroup[] = [
      { group: 'officials', weight: 30, ballots: 1 },
      { group: 'recipients', weight: 70, ballots: 20 },
    ];
    expect(answeredCountsFitting(groups, 0, 'complete')).toEqual([1]);
    expect(answersArePublishable(groups, ['unnamed', 'complete'], 5)).toEqual({ publishable: false, determined: { row: 1, group: 'officials' } });
  });

  it('leaves the redacted formula of an incomplete object without the hidden group that gave no answer', () => {
    const row = redactSmallGroups(tally([3, 20], [0, 20], 5)).objects[0];
    expect(row?.incomplete).toBe(true);
    const zh = formatExplanation(row?.explanation ?? { steps: [] }, 'zh');
    expect(zh).not.toContain('无评分');
    expect(zh).toContain('结果不完整，不折算');
    expect(zh).toContain('0.30×（不公开） + 0.70×（不公开）');
    // Without a small group nothing is hidden, and the formula still says who gave no answer.
    const open = redactSmallGroups(tally([6, 20], [0, 20], 5)).objects[0];
    expect(formatExplanation(open?.explanation ?? { steps: [] }, 'zh')).toContain('无评分');
  });
});
