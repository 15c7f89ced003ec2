/**
 * Results (issue 5): a meeting's ranking and a round's combined totals once voting has closed,
 * vetoes (一票否决), marking results official, exports (results, anonymised ballots, receipts)
 * and re-tallying an exported ballot file. Every per-group figure here has been through
 * redactSmallGroups: a group below the small-group threshold never shows its numbers.
 */
import { z } from 'zod';
import type { BallotType, MeetingKind, MeetingStatus, ObjectCategory, RoundingMode, VoterGroup } from '../../domain/model';
import { id, meetingRef } from './common';

/** Largest ballot file the console may upload for re-tallying, in bytes. */
export const MAX_RETALLY_FILE_BYTES = 32 * 1024 * 1024;
const MAX_BASE64_CHARS = Math.ceil((MAX_RETALLY_FILE_BYTES * 4) / 3) + 4;

const order = z.enum(['best-first', 'worst-first']);
const format = z.enum(['csv', 'xlsx']);
const view = { order: order.optional(), byCategory: z.boolean().optional() };

export const resultsInputs = {
  /** One meeting's ranking. Graded: by meeting score (order chooses the end); worst-list: always hardest first. */
  results: z.strictObject({ meetingId: id, ...view }),
  /** The round of `roundId`, or of the round `meetingId` belongs to: self + social combined. */
  roundResults: z
    .strictObject({ roundId: id.optional(), meetingId: id.optional(), ...view })
    .refine((input) => (input.roundId === undefined) !== (input.meetingId === undefined), { message: 'give roundId or meetingId' }),
  /** 一票否决: the object takes the worst place; the written reason is printed. */
  setVeto: z.strictObject({ meetingId: id, objectId: id, reason: z.string().max(500) }),
  clearVeto: z.strictObject({ meetingId: id, objectId: id, confirm: z.literal(true) }),
  /** Closed → official: from then on nothing about the meeting can change. */
  markOfficial: z.strictObject({ meetingId: id, confirm: z.literal(true) }),
  /** The published receipt list: sorted, no content. */
  receipts: meetingRef,
  exportResults: z.strictObject({ meetingId: id, format, ...view }),
  /** 本轮综合排序表 as a file: the round's 50 + 50 totals with every part, titled by campaign and round. */
  exportRoundResults: z.strictObject({ meetingId: id, format, ...view }),
  /** The meeting definition and the anonymised ballots in canonical order: enough to re-tally. */
  exportBallots: z.strictObject({ meetingId: id, format }),
  exportReceipts: z.strictObject({ meetingId: id, format }),
  /** Re-tallies an exported ballot file and compares it with the stored results. */
  retally: z.strictObject({ fileName: z.string().min(1).max(255), base64: z.string().max(MAX_BASE64_CHARS) }),
} as const;

/** Formula lines with the object's own numbers, one per step, in both languages. */
export interface FormulaLines {
  readonly zh: readonly string[];
  readonly en: readonly string[];
}

/** One indicator as answered by one group (graded meetings). */
export interface ResultIndicator {
  readonly indicatorId: string;
  readonly name: string;
  readonly weight: number;
  /** Ballots that gave a grade. */
  readonly answered: number;
  /** Ballots that left it blank (弃权). */
  readonly abstentions: number;
  readonly mean: string | null;
  /** Answers per grade, in the scale's order. */
  readonly gradeCounts: readonly number[];
}

/** A problem tag and how often it was ticked (worst-list meetings). */
export interface ResultTag {
  readonly tagId: string;
  readonly name: string;
  readonly count: number;
}

/** One voter group's figures for one object; everything but the counts is absent when hidden. */
export interface ResultGroup {
  readonly group: VoterGroup;
  readonly weight: number;
  /** Ballots the group cast in the meeting. */
  readonly ballots: number;
  /** Fewer ballots than the threshold ('small') or hidden so a small group's figures cannot be derived ('complement'). */
  readonly hidden: boolean;
  readonly hiddenReason: 'small' | 'complement' | null;
  /** Graded: the group score; worst-list: the nomination rate in %. Null when hidden or no answers. */
  readonly figure: string | null;
  /** Graded: ballots that graded this object at all. Worst-list: nominations. Null when hidden. */
  readonly count: number | null;
  readonly indicators: readonly ResultIndicator[];
  readonly tags: readonly ResultTag[];
}

export interface ResultRow {
  readonly rank: number | null;
  readonly objectId: string;
  readonly name: string;
  readonly department: string;
  readonly category: ObjectCategory;
  /** Graded: meeting score 0–100; worst-list: combined nomination rate in %. Rounded half-up, exactly. Null when incomplete. */
  readonly score: string | null;
  /** The exact value behind `score` ("n" or "n/d"): what re-tallying compares. */
  readonly exact: string | null;
  readonly incomplete: boolean;
  readonly missingGroups: readonly VoterGroup[];
  readonly vetoed: boolean;
  readonly vetoReason: string | null;
  /** Worst-list: nominations from all groups; graded: null. */
  readonly nominations: number | null;
  /** Worst-list: ticked problems, most first; graded: empty. */
  readonly mainProblems: readonly ResultTag[];
  /** Short text for the sheet: the veto reason, the main problems, or why the row is incomplete. */
  readonly note: string;
  readonly groups: readonly ResultGroup[];
  readonly formula: FormulaLines;
}

export interface ResultRanking {
  /** null when ranked as a whole. */
  readonly category: ObjectCategory | null;
  readonly rows: readonly ResultRow[];
}

export interface ResultGroupSummary {
  readonly group: VoterGroup;
  readonly weight: number;
  readonly ballots: number;
  readonly hidden: boolean;
  readonly hiddenReason: 'small' | 'complement' | null;
}

/**
 * i13: what of a meeting's figures may leave the room. Where a voter group is below the
 * small-group threshold and the check cannot prove that no small group's figure follows from the
 * scores (graded) or combined rates (worst-list), the published outputs (results and round
 * exports, the projector) carry ranks (and main problems) only; the signed sheet says so.
 */
export interface MeetingPublication {
  readonly figuresWithheld: boolean;
  /**
   * Why: 'single-group' (the score is the one small group's own), 'determined' (a published
   * figure fits one small-group figure only), 'unproven' (the check could not show two),
   * 'answered' (i13: a row's complete or incomplete mark alone says how many of a small group's
   * ballots answered an object: a group of one ballot); null when nothing is withheld.
   */
  readonly reason: 'single-group' | 'determined' | 'unproven' | 'answered' | null;
}

export interface MeetingResults {
  readonly meetingId: string;
  readonly title: string;
  readonly kind: MeetingKind;
  readonly ballotType: BallotType;
  readonly status: MeetingStatus;
  /** Ballots cast. */
  readonly ballots: number;
  readonly order: 'best-first' | 'worst-first';
  readonly byCategory: boolean;
  readonly smallGroupK: number;
  readonly roundingMode: RoundingMode;
  readonly groups: readonly ResultGroupSummary[];
  readonly gradeLabels: readonly string[];
  readonly rankings: readonly ResultRanking[];
  /** All rankings' rows in display order (one list for sheets that do not split by category). */
  readonly rows: readonly ResultRow[];
  /** Worst-list: the published top N (ties at the last place included); graded: empty. */
  readonly top: readonly ResultRow[];
  readonly topN: number | null;
  /**
   * i17p: paper ballots kept as 无效票 per group (they break a rule and count in no figure).
   * Absent for results computed from a ballot file, which holds valid ballots only.
   */
  readonly invalidBallots?: readonly { readonly group: VoterGroup; readonly count: number }[];
  readonly publication: MeetingPublication;
}

/** One component of a round and where it comes from. */
export interface RoundComponent {
  readonly component: MeetingKind;
  readonly meetingId: string | null;
  readonly title: string | null;
  readonly status: MeetingStatus | null;
  /** The meeting's results are in the totals (its voting has closed). */
  readonly used: boolean;
  readonly note: string;
  /** i13: whether this component's scores stay off the published round outputs; null when not used. */
  readonly publication: MeetingPublication | null;
}

export interface RoundResultRow {
  readonly rank: number | null;
  readonly objectId: string;
  readonly name: string;
  readonly department: string;
  readonly category: ObjectCategory;
  /** Parts, printed as partText gives them (2 decimals, or 4 in exact mode). */
  readonly selfScore: string | null;
  readonly socialScore: string | null;
  readonly selfPoints: string | null;
  readonly socialPoints: string | null;
  /** Half-up 2 decimals; in printed mode exactly selfPoints + socialPoints. */
  readonly total: string | null;
  readonly totalExact: string | null;
  readonly incomplete: boolean;
  readonly missing: readonly { readonly component: MeetingKind; readonly reason: 'not-held' | 'not-evaluated' | 'incomplete' }[];
  readonly vetoed: boolean;
  readonly vetoReason: string | null;
  /** From the ballots to the total: each component meeting's steps, then the round's. */
  readonly formula: FormulaLines;
}

export interface RoundResults {
  readonly roundId: string;
  readonly round: string;
  readonly campaign: string;
  readonly order: 'best-first' | 'worst-first';
  readonly byCategory: boolean;
  readonly componentPoints: { readonly self: number; readonly social: number };
  /** 'printed': every part is printed with 2 decimals and adds up; 'exact': parts carry 4 decimals. */
  readonly roundingMode: RoundingMode;
  readonly components: readonly RoundComponent[];
  readonly rankings: readonly { readonly category: ObjectCategory | null; readonly rows: readonly RoundResultRow[] }[];
}

export interface VetoView {
  readonly objectId: string;
  readonly name: string;
  readonly reason: string;
}

/** A file for the console to offer as a download. */
export interface DownloadFile {
  readonly fileName: string;
  readonly mimeType: string;
  readonly base64: string;
  /** Something the person must know before handing the file on, or null. */
  readonly warning: string | null;
}

/** How one object stands in one of the two results a re-tally compares. */
export interface RetallyStanding {
  readonly rank: number | null;
  /** The shown score, or null when the object's result is incomplete. */
  readonly score: string | null;
  readonly vetoed: boolean;
  readonly vetoReason: string | null;
}

/** One difference between the results from a ballot file and the stored ones. */
export type RetallyDifference =
  | { readonly kind: 'ballots'; readonly file: number; readonly stored: number }
  | { readonly kind: 'only_in_file' | 'only_stored'; readonly name: string }
  | { readonly kind: 'standing'; readonly name: string; readonly file: RetallyStanding; readonly stored: RetallyStanding };

export interface RetallyReport {
  readonly fileName: string;
  /** SHA-256 (hex) of the file's ballot set as docs/fingerprint.md defines it; the sheet prints its first 80 bits. */
  readonly fingerprint: string;
  readonly meetingId: string;
  readonly title: string;
  readonly ballots: number;
  /** Whether the meeting is in this database with results to compare. */
  readonly compared: boolean;
  /** Same objects, ranks, exact scores, vetoes and ballot count as the stored results. */
  readonly matches: boolean;
  /** Each difference as facts; the console and the command line word them (shared/i18n/retally-words.ts). */
  readonly differences: readonly RetallyDifference[];
  /** The results computed from the file alone. */
  readonly results: MeetingResults;
}

export interface ResultsOutputs {
  results: MeetingResults;
  roundResults: RoundResults;
  setVeto: readonly VetoView[];
  clearVeto: readonly VetoView[];
  markOfficial: { readonly meetingId: string; readonly status: MeetingStatus };
  receipts: { readonly meetingId: string; readonly title: string; readonly receipts: readonly string[] };
  exportResults: DownloadFile;
  exportRoundResults: DownloadFile;
  exportBallots: DownloadFile;
  exportReceipts: DownloadFile;
  retally: RetallyReport;
}
