/**
 * Printing (issue 6): the data behind each A4 sheet, the one-time hand-off of code slips, and
 * PDFs rendered from the same print route the screen preview shows.
 */
import type { ResultState } from '../../rules/result-state';
import { z } from 'zod';
import { VOTER_GROUP_IDS } from '../../domain/voter-groups';
import type { BallotType, MeetingKind, MeetingStatus, RepresentativeCategory, VoterGroup } from '../../domain/model';
import type { InvalidPaperBallot, PaperReconciliationRow } from './paper';
import { id } from './common';

import { DATA_SHEETS, SHEETS, type DataSheet, type Sheet } from '../../print/sheets';

export { DATA_SHEETS, SHEETS, type DataSheet, type Sheet };

const voterGroup = z.enum(VOTER_GROUP_IDS);
/** A hand-off id: 22 base64url characters (128 bits). */
const handoffId = z.string().regex(/^[A-Za-z0-9_-]{22}$/);

/** Which sheet to render: the route's query string, parsed. */
export const sheetTarget = z.strictObject({
  meetingId: id,
  sheet: z.enum(SHEETS),
  /** Detail sheet of one object; all objects when absent. */
  objectId: id.optional(),
  /** Code slips only: the hand-off holding the codes. */
  handoff: handoffId.optional(),
});
export type SheetTarget = z.infer<typeof sheetTarget>;

export const printingInputs = {
  printData: z.strictObject({ meetingId: id, sheet: z.enum(DATA_SHEETS), objectId: id.optional() }),
  stashSlips: z.strictObject({
    meetingId: id,
    codes: z
      .array(z.strictObject({ group: voterGroup, code: z.string().regex(/^[0-9A-Z-]{13,20}$/), url: z.string().max(400) }))
      .min(1)
      .max(5000),
  }),
  takeSlips: z.strictObject({ handoff: handoffId }),
  renderPdf: sheetTarget,
  openPrint: sheetTarget.extend({ action: z.enum(['preview', 'print']) }),
} as const;

/** Title block printed on every sheet. */
export interface SheetHeader {
  readonly meetingId: string;
  readonly title: string;
  readonly campaign: string;
  readonly round: string;
  readonly heldOn: string;
  readonly place: string;
  readonly kind: MeetingKind;
  readonly status: MeetingStatus;
  /** When the data was read, ISO 8601 (the zero report prints it). */
  readonly printedAt: string;
  /** Result sheets: draft (初步结果（未确认）) or official since when; null on sheets that print no results. */
  readonly resultState: ResultState | null;
  /** The sheet's own name where it is not the route's (本轮综合排序表 for a round's totals), else null. */
  readonly sheetName: string | null;
  /** A rehearsal's sheet: 演练 watermark and notice (shared/rules/result-state.ts). */
  readonly rehearsal: boolean;
}

/** 应到 / 实到 / ballots per voter group of one meeting. */
export interface GroupCount {
  readonly meetingTitle: string;
  readonly kind: MeetingKind;
  readonly group: VoterGroup;
  readonly expected: number;
  readonly present: number;
  readonly cast: number;
  /** Ballots with at least one answer (graded) or one pick (worst-list). */
  readonly valid: number;
  /** Ballots that answered nothing: every indicator 弃权, or no object named. */
  readonly blank: number;
  /** i17p: of `cast`, the paper ballots keyed in (double entry); the rest came from tablets. */
  readonly paper: number;
  /** i17p: paper ballots kept as 无效票 (they break a rule): not in `cast`, counted in no figure. */
  readonly invalid: number;
}

export interface RankingLine {
  readonly rank: number | null;
  readonly name: string;
  readonly department: string;
  readonly selfPoints: string | null;
  readonly socialPoints: string | null;
  readonly total: string | null;
  /** Veto reason, incomplete components, override reasons. */
  readonly notes: string;
}

export interface RankingSheet {
  readonly sheet: 'ranking';
  readonly header: SheetHeader;
  /**
   * `round`: self and social meetings both held, totals are self + social points (50 + 50).
   * `social` / `self`: the round held that meeting only; rows rank on its own score (0–100).
   */
  readonly mode: 'round' | MeetingKind;
  readonly componentPoints: { readonly self: number; readonly social: number };
  /** 计分办法, one sentence a line, written from the meeting's settings (shared/rules/rule-text.ts). */
  readonly rules: readonly string[];
  /** Exact mode's note that the parts carry 4 decimals; null in printed mode. */
  readonly footnote: string | null;
  readonly rows: readonly RankingLine[];
  readonly counts: readonly GroupCount[];
  /** Recorded exceptions to the composition or attendance rules, printed under the counts. */
  readonly overrides: readonly string[];
  /** Short SHA-256 fingerprint of the ballot set, in groups of 4 hex digits. */
  /** i13: per meeting, what the published outputs withhold under the small-group rule and why; empty when no group is small. */
  readonly withheld: readonly string[];
  readonly fingerprint: string;
}

export interface DetailIndicator {
  readonly name: string;
  readonly weight: number;
  readonly answered: number;
  readonly abstentions: number;
  readonly mean: string | null;
}

export interface DetailGroup {
  readonly group: VoterGroup;
  readonly weight: number;
  readonly ballots: number;
  /** Figures withheld under the small-group rule. */
  readonly hidden: boolean;
  readonly score: string | null;
  readonly indicators: readonly DetailIndicator[];
}

export interface DetailMeeting {
  readonly title: string;
  readonly kind: MeetingKind;
  readonly score: string | null;
  readonly groups: readonly DetailGroup[];
  /** The formula with this object's numbers, one step a line. */
  readonly formula: readonly string[];
}

export interface DetailObject {
  readonly objectId: string;
  readonly name: string;
  readonly department: string;
  readonly category: string;
  readonly rank: number | null;
  readonly total: string | null;
  readonly meetings: readonly DetailMeeting[];
  /** Component points and total, one step a line. */
  readonly totalFormula: readonly string[];
}

export interface DetailSheet {
  readonly sheet: 'detail';
  readonly header: SheetHeader;
  readonly objects: readonly DetailObject[];
  readonly footnote: string | null;
  readonly fingerprint: string;
}

export interface WorstLine {
  readonly rank: number;
  readonly name: string;
  readonly department: string;
  /** Combined nomination rate, percent. */
  readonly rate: string | null;
  readonly problems: string;
  readonly vetoReason: string | null;
}

export interface WorstSheet {
  readonly sheet: 'worst';
  readonly header: SheetHeader;
  readonly topN: number;
  /** 计分办法 from the meeting's settings. */
  readonly rules: readonly string[];
  /** Where a group is small: what is withheld from the published outputs and why; else null. */
  readonly withheld: string | null;
  readonly rows: readonly WorstLine[];
  readonly counts: readonly GroupCount[];
  readonly fingerprint: string;
}

/** 回执清单: every receipt of the meeting, sorted, with the ballot-set fingerprint, for posting. */
export interface ReceiptsSheet {
  readonly sheet: 'receipts';
  readonly header: SheetHeader;
  readonly receipts: readonly string[];
  /** i17p: paper ballots counted (they have no receipt; the fingerprint covers them too). */
  readonly paperBallots: number;
  readonly fingerprint: string;
}

export interface SignInPerson {
  readonly seq: number;
  readonly name: string;
  readonly unit: string;
  readonly category: RepresentativeCategory;
}

export interface SignInSheet {
  readonly sheet: 'signin';
  readonly header: SheetHeader;
  readonly groups: readonly { readonly group: VoterGroup; readonly people: readonly SignInPerson[] }[];
}

export interface ZeroReportSheet {
  readonly sheet: 'zero';
  readonly header: SheetHeader;
  readonly groups: readonly {
    readonly group: VoterGroup;
    readonly expected: number;
    readonly present: number;
    readonly codesIssued: number;
    readonly codesVoided: number;
    readonly ballots: number;
  }[];
}

export interface SlipCode {
  readonly group: VoterGroup;
  readonly code: string;
  readonly url: string;
}

export interface SlipsSheet {
  readonly sheet: 'slips';
  readonly header: SheetHeader;
  readonly codes: readonly SlipCode[];
}

// i17p (issue 17 part 1): the blank paper ballot and the paper pile's reconciliation.

/** One object line of a blank paper ballot, numbered as the tablet numbers it. */
export interface PaperBallotObject {
  readonly seq: number;
  readonly name: string;
  readonly department: string;
}

/** 纸质评议表: one blank ballot per voter group, no serial number, nothing that names a person. */
export interface PaperBallotSheet {
  readonly sheet: 'paperBallot';
  readonly header: SheetHeader;
  readonly ballotType: BallotType;
  /** The groups of the meeting: one ballot each, its group printed as on the code slip. */
  readonly groups: readonly VoterGroup[];
  /** Graded: the objects of each indicator set with that set's indicators as columns. */
  readonly sections: readonly { readonly setName: string; readonly indicators: readonly string[]; readonly objects: readonly PaperBallotObject[] }[];
  /** Graded: the grade labels, best first. */
  readonly grades: readonly string[];
  /** Worst-list: every object, the problems that may be ticked, and K. */
  readonly objects: readonly PaperBallotObject[];
  readonly tags: readonly string[];
  readonly worstK: number;
  /** How to fill it in and what makes it a 无效票, one sentence a line. */
  readonly instructions: readonly string[];
}

/** 纸质票核对表: per group, electronic + paper + not returned = 实到, and the 无效票 with their rules. */
export interface PaperReconciliationSheet {
  readonly sheet: 'paperReconciliation';
  readonly header: SheetHeader;
  readonly rows: readonly PaperReconciliationRow[];
  readonly invalid: readonly InvalidPaperBallot[];
  /** The fingerprint of the ballot set as it stands (tablet and paper ballots together). */
  readonly fingerprint: string;
}

/** i16: one object's line of the 历次评议汇总表: a short text per round, current streaks. */
export interface HistorySheetLine {
  readonly department: string;
  readonly name: string;
  readonly cells: readonly string[];
  readonly streaks: string;
}

/** i16: 历次评议汇总表 of the meeting's campaign. */
export interface HistorySheet {
  readonly sheet: 'history';
  readonly header: SheetHeader;
  readonly rounds: readonly { readonly name: string; readonly imported: boolean }[];
  readonly lines: readonly HistorySheetLine[];
  readonly bottomPlaces: number;
}

/** i16: 评议结果运用建议表 of the meeting's round: what the rules table says, marked as a suggestion. */
export interface ConsequencesSheet {
  readonly sheet: 'consequences';
  readonly header: SheetHeader;
  /** 建议（…不是处理决定）: printed under the title and in the footer. */
  readonly suggestion: string;
  readonly recorded: boolean;
  readonly lines: readonly { readonly department: string; readonly name: string; readonly result: string; readonly rules: readonly { readonly consequence: string; readonly reason: string }[] }[];
}

/** i16: 整改反馈表, one page per object of the round (or the one asked for). */
export interface RectificationSheet {
  readonly sheet: 'rectification';
  readonly header: SheetHeader;
  readonly objects: readonly {
    readonly department: string;
    readonly name: string;
    readonly results: readonly { readonly round: string; readonly text: string }[];
    readonly rules: readonly { readonly consequence: string; readonly reason: string }[];
    readonly entries: readonly { readonly round: string; readonly kind: string; readonly datedOn: string; readonly text: string; readonly recordedBy: string }[];
  }[];
}

/** 审计记录附表 (i17r): the meeting's audit lines and the chain's head at printing time. */
export interface AuditSheet {
  readonly sheet: 'audit';
  readonly header: SheetHeader;
  readonly lines: readonly { readonly seq: number; readonly at: string; readonly action: string; readonly detail: string; readonly hash: string }[];
  /** The whole trail's state: intact or not, its length, and the main chain's head. */
  readonly chain: { readonly ok: boolean; readonly lines: number; readonly head: string };
}

/** Everything a data sheet shows, computed by the core. */
export type SheetData = RankingSheet | DetailSheet | WorstSheet | ReceiptsSheet | SignInSheet | ZeroReportSheet | PaperBallotSheet | PaperReconciliationSheet | HistorySheet | ConsequencesSheet | RectificationSheet | AuditSheet;

/** A rendered PDF. Slips are never saved by the app (they carry live codes): savedTo is null. */
export interface RenderedPdf {
  readonly fileName: string;
  readonly base64: string;
  readonly pages: number;
  /** Where the copy in the data folder's exports/ was written, or null. */
  readonly savedTo: string | null;
}

export interface PrintingOutputs {
  printData: SheetData;
  stashSlips: { readonly handoff: string };
  takeSlips: SlipsSheet;
  renderPdf: RenderedPdf;
  openPrint: { readonly opened: true };
}
