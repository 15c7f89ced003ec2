/**
 * Proof, for a graded meeting's actual rows, that what a published row says about answers gives
 * no small group's count away. DOMAIN.md wants an incomplete object shown as such, never
 * re-weighted; but "数据不完整：人大代表、政协委员、分管领导无评分" on the results export says
 * that every one of the 3 officials skipped the object (不了解): their answered count is 0.
 *
 * What a published row says about answers (the per-group cells of every group are hidden where
 * one group is small: redaction's 'complement', so nothing else per group is published):
 * - `complete`: every group answered (a score or 不公开 in the score column, a rank);
 * - `unnamed`: 数据不完整, no group named;
 * - a list of groups: 数据不完整, naming the groups that gave no answer.
 *
 * For each small group S and row, answeredCountsFitting lists every count of S's ballots that
 * graded the object (0 … S's ballots) consistent with the row. A row is safe when at least two
 * remain. A complete row leaves 1 … n (safe from n = 2 on); an unnamed incomplete row leaves
 * 0 … n (S gave none, or answered and another group gave none); a row naming S leaves only 0.
 * So the published outputs never name the missing groups where a group is small
 * (publishedAnswersOf here; the wording is shared/rules/rule-text.ts publishedIncompleteNote),
 * and the internal signed sheet does.
 */
import type { VoterGroup } from '../domain/model';
import type { PublishedGroup } from './small-group-check';

/** What a published row says about which groups answered an object. */
export type PublishedAnswers = 'complete' | 'unnamed' | readonly VoterGroup[];

/** Why a meeting's rows may not be published as they stand (null: they may). */
export interface AnswersVerdict {
  readonly publishable: boolean;
  /** The first row (index) and group whose answered count follows from the row, when not publishable. */
  readonly determined: { readonly row: number; readonly group: VoterGroup } | null;
}

/** A group is below the threshold with at least one ballot: the small-group rule applies. */
function hasSmallGroup(groups: readonly { readonly ballots: number }[], smallGroupK: number): boolean {
  return groups.some((g) => g.ballots > 0 && g.ballots < smallGroupK);
}

/**
 * Whether the published outputs (results export, projector) may name the groups that gave no
 * answer for an incomplete object: not where a group is small.
 */
export function publishedNamesMissingGroups(groups: readonly { readonly ballots: number }[], smallGroupK: number): boolean {
  return !hasSmallGroup(groups, smallGroupK);
}

/** What the published row of an object says about its answers, given the groups that gave none. */
export function publishedAnswersOf(groups: readonly { readonly ballots: number }[], smallGroupK: number, missingGroups: readonly VoterGroup[]): PublishedAnswers {
  if (missingGroups.length === 0) return 'complete';
  return publishedNamesMissingGroups(groups, smallGroupK) ? missingGroups : 'unnamed';
}

function range(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);
}

/** The answered counts of group `index` (ballots that graded the object at all) that fit what the row says. */
export function answeredCountsFitting(groups: readonly PublishedGroup[], index: number, row: PublishedAnswers): number[] {
  const mine = groups[index];
  if (mine === undefined) return [];
  const answered = range(1, mine.ballots);
  if (row === 'complete') return answered;
  if (row === 'unnamed') {
    // Incomplete without a name: this group gave no answer, or it answered and another group
    // gave none (any group's ballots can all skip an object: 不了解 is always allowed).
    return groups.length > 1 ? [0, ...answered] : [0];
  }
  return row.includes(mine.group) ? [0] : answered;
}

/**
 * Whether a graded meeting's rows may be published as they say: yes when no group is small
 * (below the threshold, at least one ballot), or when every small group keeps at least two
 * possible answered counts on every row.
 */
export function answersArePublishable(groups: readonly PublishedGroup[], rows: readonly PublishedAnswers[], smallGroupK: number): AnswersVerdict {
  if (!hasSmallGroup(groups, smallGroupK)) return { publishable: true, determined: null };
  const small = groups.map((g, i) => ({ g, i })).filter(({ g }) => g.ballots > 0 && g.ballots < smallGroupK);
  for (let r = 0; r < rows.length; r += 1) {
    const row = rows[r] ?? 'complete';
    for (const { g, i } of small) {
      if (answeredCountsFitting(groups, i, row).length < 2) return { publishable: false, determined: { row: r, group: g.group } };
    }
  }
  return { publishable: true, determined: null };
}
