/**
 * Rounds over time (issue 16): object lineage across rounds (merge, split, matched imports),
 * history per object and per campaign read from stored official results, the chair's
 * consequence-rules table and what it says per object, commitments and rectification entries,
 * and the exports and imports of all of it. Nothing here reads or touches a ballot.
 */
import { z } from 'zod';
import { id } from './common';
import { consequenceRulesSchema, type ConsequenceRule, type MetRule } from '../../history/consequence-rules';
import { followupKindSchema, isoDateSchema, recorderRoleSchema, type Followup, type HistoryEntry } from '../../history/model';
import { MAX_IMPORT_FILE_BYTES, type ExportedFile } from './setup';
import type { HistoryNote } from '../../history/history-table';

const MAX_BASE64_CHARS = Math.ceil((4 * MAX_IMPORT_FILE_BYTES * 4) / 3) + 4;
const confirm = z.literal(true);
const format = z.enum(['csv', 'xlsx']);
const file = { fileName: z.string().min(1).max(255), base64: z.string().max(MAX_BASE64_CHARS) };
const text = z.string().max(1000);

/** A rename the secretary confirmed: the file's row (department + name) continues this lineage. */
export const lineageLinkSchema = z.strictObject({ department: text, name: text, objectKey: id });
export type LineageLink = z.infer<typeof lineageLinkSchema>;

export const historyInputs = {
  campaignHistory: z.strictObject({ campaignId: id }),
  objectHistory: z.strictObject({ campaignId: id, objectKey: id }),
  /** Per object of the round, the rules it meets and why. */
  roundConsequences: z.strictObject({ roundId: id }),
  consequenceRules: z.strictObject({ campaignId: id }),
  setConsequenceRules: z.strictObject({ campaignId: id, rules: consequenceRulesSchema }),
  resetConsequenceRules: z.strictObject({ campaignId: id, confirm }),
  /** Per object of the round: its entries of this and earlier rounds (shown next to it in setup and results). */
  roundFollowups: z.strictObject({ roundId: id }),
  addFollowup: z.strictObject({ objectId: id, kind: followupKindSchema, datedOn: isoDateSchema, text: text, recordedBy: recorderRoleSchema }),
  removeFollowup: z.strictObject({ followupId: id, confirm }),
  /** `objectId` joins the lineage of `intoObjectId` (an object of another round): a rename the match missed. */
  mergeObjects: z.strictObject({ objectId: id, intoObjectId: id, confirm }),
  /** `objectId` starts a lineage of its own from its round on (a wrong match, or a section split in two). */
  splitObject: z.strictObject({ objectId: id, confirm }),
  /** What an objects file means for lineage: matches, likely renames, new and removed objects. Saves nothing. */
  previewObjectLineage: z.strictObject({ roundId: id, ...file }),
  /** The history (one line per round and object), the follow-up entries or the rules table, as .xlsx/.csv. */
  exportHistory: z.strictObject({ campaignId: id, format, part: z.enum(['results', 'followups', 'rules']).optional() }),
  /** Earlier rounds' results from a spreadsheet (轮次, 单位, 评议对象, 总分, 名次, 评差位次, 主要问题): preview only. */
  previewHistoryImport: z.strictObject({ campaignId: id, ...file }),
  importHistory: z.strictObject({ campaignId: id, ...file, skipInvalid: z.boolean() }),
} as const;

/** A round as history shows it. */
export interface HistoryRoundView {
  readonly roundId: string;
  readonly name: string;
  readonly hasGraded: boolean;
  readonly hasWorst: boolean;
  /** 'import' when the round's figures came from a spreadsheet; null when nothing is stored yet. */
  readonly source: 'official' | 'import' | null;
}

/** Current streaks (as of the campaign's last round of the measure). */
export interface Streaks {
  readonly worstTop3: number;
  readonly worstTop10: number;
  /** Graded rounds in a row among the last `bottomPlaces`. */
  readonly gradedBottom: number;
}

export interface HistoryCell {
  readonly roundId: string;
  /** The lineage's object in this round; null where it was not evaluated. */
  readonly objectId: string | null;
  readonly graded: HistoryEntry | null;
  readonly worst: HistoryEntry | null;
  readonly rules: readonly MetRule[];
  readonly followups: number;
}

export interface HistoryLine {
  readonly objectKey: string;
  readonly name: string;
  readonly department: string;
  readonly category: string;
  /** One per round of the campaign, in the rounds' order. */
  readonly cells: readonly HistoryCell[];
  readonly streaks: Streaks;
}

export interface CampaignHistory {
  readonly campaignId: string;
  readonly campaign: string;
  readonly rounds: readonly HistoryRoundView[];
  readonly lines: readonly HistoryLine[];
  readonly bottomPlaces: number;
}

export interface ObjectHistory {
  readonly campaignId: string;
  readonly campaign: string;
  readonly objectKey: string;
  readonly name: string;
  readonly department: string;
  readonly category: string;
  /** Each round of the campaign; `objectId` is the lineage's object in that round (null where it was not evaluated). */
  readonly rounds: readonly (HistoryCell & { readonly name: string; readonly entries: readonly Followup[] })[];
  readonly streaks: Streaks;
  readonly bottomPlaces: number;
}

export interface RoundConsequenceLine {
  readonly objectId: string | null;
  readonly objectKey: string;
  readonly name: string;
  readonly department: string;
  readonly graded: HistoryEntry | null;
  readonly worst: HistoryEntry | null;
  readonly rules: readonly MetRule[];
}

export interface RoundConsequences {
  readonly roundId: string;
  readonly round: string;
  readonly campaign: string;
  /** False until the round has stored (official or imported) results. */
  readonly recorded: boolean;
  readonly lines: readonly RoundConsequenceLine[];
}

export interface RulesTable {
  readonly campaignId: string;
  readonly rules: readonly ConsequenceRule[];
  /** True when the chair has not edited the defaults. */
  readonly defaults: boolean;
  /** Each rule's condition in words, by rule id. */
  readonly conditions: Readonly<Record<string, string>>;
}

export interface ObjectFollowups {
  readonly objectId: string;
  readonly objectKey: string;
  readonly entries: readonly (Followup & { readonly round: string })[];
}

export interface LineagePreview {
  /** Rows that continue an object of the previous round (same department and name). */
  readonly matches: readonly { readonly department: string; readonly name: string; readonly objectKey: string }[];
  /** Likely renames: a new row and a removed object of the same department; confirmed one by one. */
  readonly renames: readonly { readonly department: string; readonly name: string; readonly fromName: string; readonly objectKey: string }[];
  readonly added: readonly { readonly department: string; readonly name: string }[];
  readonly removed: readonly { readonly department: string; readonly name: string; readonly objectKey: string }[];
  /** The round the file is compared with; null when it is the campaign's first. */
  readonly previousRound: string | null;
}

export interface HistoryImportRow {
  readonly line: number;
  readonly round: string;
  readonly department: string;
  readonly name: string;
  /** What is wrong with the row, as notes the console words (shared/i18n/import-notes.ts). */
  readonly errors: readonly HistoryNote[];
}

export interface HistoryImportPreview {
  readonly rounds: readonly { readonly name: string; readonly objects: number; readonly exists: boolean; readonly graded: boolean; readonly worst: boolean }[];
  readonly rows: readonly HistoryImportRow[];
  readonly errorCount: number;
  readonly validCount: number;
}

export interface HistoryOutputs {
  campaignHistory: CampaignHistory;
  objectHistory: ObjectHistory;
  roundConsequences: RoundConsequences;
  consequenceRules: RulesTable;
  setConsequenceRules: RulesTable;
  resetConsequenceRules: RulesTable;
  roundFollowups: readonly ObjectFollowups[];
  addFollowup: Followup;
  removeFollowup: { id: string };
  mergeObjects: { objectKey: string };
  splitObject: { objectKey: string };
  previewObjectLineage: LineagePreview;
  exportHistory: ExportedFile;
  previewHistoryImport: HistoryImportPreview;
  importHistory: { rounds: number; rows: number; skipped: number };
}
