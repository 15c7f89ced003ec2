/**
 * Rounds over time (issue 16): what the product keeps of each round's results once they are
 * official (or imported from paper), per object lineage. An object keeps one `objectKey` across
 * rounds (copyRound, matched imports, manual merge/split); its round rows link to it. History
 * reads these stored rows, never ballots: a round's ballots are tallied once, when confirmed.
 *
 * Only combined figures are kept (round total, ranks, worst-list position, main problems): no
 * per-group figure, and no worst-list rate (a combined rate with small known groups can be solved
 * back into per-group counts, DOMAIN.md), so nothing here can break the small-group rule.
 */
import { z } from 'zod';

/** Which ranking a history row comes from: the round's graded total or its worst-list meeting. */
export const HISTORY_MEASURES = ['graded', 'worst'] as const;
export type HistoryMeasure = (typeof HISTORY_MEASURES)[number];

/** Where a history row comes from: a confirmed (正式) round of this product, or a spreadsheet of earlier rounds. */
export type HistorySource = 'official' | 'import';

/** One object's result in one round, for one measure. */
export interface HistoryEntry {
  readonly roundId: string;
  readonly objectKey: string;
  readonly measure: HistoryMeasure;
  readonly name: string;
  readonly department: string;
  readonly category: string;
  /** Graded: the round total as printed (2 decimals); worst: null (the rate stays on the internal sheet). */
  readonly total: string | null;
  /** Overall rank (graded: 1 = best; worst: 1 = hardest to deal with); null when unranked (incomplete). */
  readonly rank: number | null;
  readonly categoryRank: number | null;
  /** How many objects were ranked overall / in the category: what "bottom places" count from. */
  readonly ranked: number;
  readonly categoryRanked: number | null;
  /** Worst-list: the most-ticked problems (names), most first. */
  readonly mainProblems: readonly string[];
  readonly vetoed: boolean;
  readonly vetoReason: string | null;
  readonly source: HistorySource;
}

/** Follow-up entries per object and round (DOMAIN.md, steps of a campaign). */
export const FOLLOWUP_KINDS = ['commitment', 'measure', 'feedback', 'inspection', 'label'] as const;
export type FollowupKind = (typeof FOLLOWUP_KINDS)[number];

/** Printed names of the follow-up kinds. */
export const FOLLOWUP_KIND_NAMES: Readonly<Record<FollowupKind, string>> = {
  commitment: '公开承诺',
  measure: '整改措施',
  feedback: '整改反馈',
  inspection: '暗访督查',
  label: '委员会评定',
};

/** Who records a follow-up: a role of the office, never a voter. */
export const RECORDER_ROLES = ['chair', 'secretary', 'inspector', 'committee'] as const;
export type RecorderRole = (typeof RECORDER_ROLES)[number];
export const RECORDER_ROLE_NAMES: Readonly<Record<RecorderRole, string>> = {
  chair: '主持人',
  secretary: '工作人员',
  inspector: '督查人员',
  committee: '评审委员会',
};

export const followupKindSchema = z.enum(FOLLOWUP_KINDS);
export const recorderRoleSchema = z.enum(RECORDER_ROLES);
export const isoDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as 2026-11-23');

/** A recorded follow-up entry. */
export interface Followup {
  readonly id: string;
  readonly objectKey: string;
  readonly roundId: string;
  readonly kind: FollowupKind;
  readonly datedOn: string;
  readonly text: string;
  readonly recordedBy: RecorderRole;
}

/** Stored main problems: a short list of names. */
export const storedProblemsSchema = z.array(z.string().max(100)).max(20);
