/**
 * The sheet registry: every printable sheet once, with its printed title (Chinese: official
 * documents), the words of its PDF's file name, the console's name and hint (Chinese and
 * English), which meetings offer it and when it may be printed. The print route, the titles,
 * the file names and the printing tab all derive from here; the print query string is built
 * and parsed here only. Each data sheet's data type is declared here too (SheetDataBySheet),
 * so a new sheet is, besides this file: its producer in electron/core/printing/ (listed in
 * sheet-service.ts, whose table TypeScript checks complete) and its layout in
 * renderer/print/sheets/ (found by the name its entry gives).
 *
 * Plain data, no zod: the print and console bundles import it as it is.
 */
import { rehearsalFilePrefix } from '../rules/result-state';
import type { BallotType, MeetingKind, MeetingStatus, RepresentativeCategory, VoterGroup } from '../domain/model';
import type { ResultState } from '../rules/result-state';
import type { InvalidPaperBallot, PaperReconciliationRow } from '../api/chair/paper';

/** When a sheet may be printed: always, once codes were just generated, before any ballot, after close. */
export type SheetAvailability = 'always' | 'slipCodes' | 'noBallots' | 'results';

export interface SheetEntry {
  readonly id: string;
  /** The title printed on the sheet and in the window title. */
  readonly title: string;
  /** The words in the PDF's file name. */
  readonly fileName: string;
  /**
   * Where the sheet can print a round's totals (本轮综合排序表): its name then, in the title and
   * the PDF's file name, which start with campaign and round instead of a meeting's title.
   */
  readonly roundName?: string;
  /**
   * A sheet that covers a whole campaign (历次评议汇总表) or round (评议结果运用建议表, 整改反馈表),
   * whichever meeting it is printed from: its PDF's file name starts with the campaign's name, or
   * campaign and round, instead of that meeting's title.
   */
  readonly covers?: 'campaign' | 'round';
  readonly console: { readonly zh: { readonly name: string; readonly when: string }; readonly en: { readonly name: string; readonly when: string } };
  /** The meetings that offer it; null = every meeting. */
  readonly ballotType: BallotType | null;
  readonly availability: SheetAvailability;
  /** Its layout: renderer/print/sheets/<layout>.vue, found by the print page by this name. */
  readonly layout: string;
  /** False for code slips: their data comes from the one-time hand-off, not from the core's database. */
  readonly fromData: boolean;
}

export const SHEET_REGISTRY = [
  {
    id: 'signin',
    layout: 'SignInSheet',
    title: '评议代表签到表',
    fileName: '签到表',
    console: {
      zh: { name: '签到表', when: '按代表类别分组，供代表到场签名。' },
      en: { name: 'Sign-in sheet', when: 'Grouped by voter group, for representatives to sign on arrival.' },
    },
    ballotType: null,
    availability: 'always',
    fromData: true,
  },
  {
    id: 'slips',
    layout: 'SlipsSheet',
    title: '评议码',
    fileName: '评议码条',
    console: {
      zh: { name: '评议码条', when: '评议码只在生成后显示一次，请在“投票”页面生成后立即打印。' },
      en: { name: 'Code slips', when: 'Codes are shown once after generation: print them from the Voting tab right away.' },
    },
    ballotType: null,
    availability: 'slipCodes',
    fromData: false,
  },
  // i17p (issue 17 part 1): blank paper ballots, printed with the code slips, before voting
  {
    id: 'paperBallot',
    title: '纸质评议表',
    fileName: '纸质评议表',
    console: {
      zh: { name: '纸质评议表（空白，每个代表类别一份）', when: '供不用平板的代表填写：不记名、不编号，印有代表类别。按需复印，投票结束后在“投票”页双人录入。' },
      en: { name: 'Paper ballot (blank, one per voter group)', when: 'For representatives who do not use a tablet: unsigned, unnumbered, with the voter group. Copy as needed; key in twice on the Voting tab after voting closes.' },
    },
    layout: 'PaperBallotSheet',
    ballotType: null,
    availability: 'always',
    fromData: true,
  },
  {
    id: 'zero',
    layout: 'ZeroReport',
    title: '投票前零票报告',
    fileName: '零票报告',
    console: {
      zh: { name: '投票前零票报告', when: '开始投票前打印，当场核验选票数为零并签字。' },
      en: { name: 'Zero report before voting', when: 'Before voting opens: shows the ballot count is zero, to be signed on the spot.' },
    },
    ballotType: null,
    availability: 'noBallots',
    fromData: true,
  },
  {
    id: 'ranking',
    layout: 'RankingSheet',
    title: '评议结果排序表',
    fileName: '评议结果排序表',
    roundName: '本轮综合排序表',
    console: {
      zh: { name: '评议结果排序表', when: '投票结束后可打印，须由主持人、监票人、计票人和单位主要负责人签字。' },
      en: { name: 'Ranking sheet', when: 'After voting closes; signed by the chair, scrutineer, teller and the principal leader.' },
    },
    ballotType: 'graded',
    availability: 'results',
    fromData: true,
  },
  {
    id: 'detail',
    layout: 'DetailSheet',
    title: '评议得分明细表',
    fileName: '评议明细表',
    console: {
      zh: { name: '评议得分明细表（每个对象一页）', when: '投票结束后可打印，列出每个对象的分组、指标、人数与计算过程。' },
      en: { name: 'Detail sheet (one page per object)', when: 'After voting closes: groups, indicators, counts and the calculation of every object.' },
    },
    ballotType: 'graded',
    availability: 'results',
    fromData: true,
  },
  // i13 (issue 13): the ranking and the detail sheets in one PDF, for the secretary's signing
  // set: one render instead of two (docs/performance.md, change 22).
  {
    id: 'rankingAndDetail',
    layout: 'RankingAndDetailSheet',
    title: '评议结果排序表及得分明细表',
    fileName: '排序表及明细表',
    console: {
      zh: { name: '排序表及明细表（一个文件，供签字）', when: '投票结束后可打印：排序表在前，每个对象的明细表在后，页码连续；内容与分别打印的两张表相同。' },
      en: { name: 'Ranking and details (one file, for signing)', when: 'After voting closes: the ranking sheet first, then every object\'s detail page, numbered through; the same content as the two sheets printed apart.' },
    },
    ballotType: 'graded',
    availability: 'results',
    fromData: true,
  },
  {
    id: 'worst',
    layout: 'WorstSheet',
    title: '最难办事科室评议结果公布表',
    fileName: '评差结果公布表',
    console: {
      zh: { name: '评差结果公布表（前 10 名）', when: '评差会议投票结束后可打印。' },
      en: { name: 'Worst-list publication sheet (top 10)', when: 'After a worst-list meeting closes.' },
    },
    ballotType: 'worst',
    availability: 'results',
    fromData: true,
  },
  {
    id: 'receipts',
    layout: 'ReceiptsSheet',
    title: '选票回执清单',
    fileName: '回执清单',
    console: {
      zh: { name: '回执清单（与排序表一同张贴）', when: '投票结束后可打印：全部回执码排序列出，附选票数据指纹，代表可核对自己的回执。' },
      en: { name: 'Receipt list (posted with the ranking)', when: 'After voting closes: every receipt, sorted, with the ballot-set fingerprint, for representatives to check theirs.' },
    },
    ballotType: null,
    availability: 'results',
    fromData: true,
  },
  // i17p (issue 17 part 1): paper ballots
  {
    id: 'paperReconciliation',
    title: '纸质票录入核对表',
    fileName: '纸质票核对表',
    console: {
      zh: { name: '纸质票录入核对表', when: '投票结束后可打印：各类别电子票 + 纸质票 + 未交回 = 实到，列出无效票及原因，由监票人、计票人签字。' },
      en: { name: 'Paper ballot reconciliation', when: 'After voting closes: per group, electronic + paper + not returned = present, with every invalid ballot and its reason, signed by the scrutineer and teller.' },
    },
    layout: 'PaperReconciliationSheet',
    ballotType: null,
    availability: 'results',
    fromData: true,
  },
  // i16 (issue 16): rounds over time. Printed from any meeting of the campaign (the route names a
  // meeting; the sheet covers its campaign, its round, or one object of its round).
  {
    id: 'history',
    covers: 'campaign',
    title: '历次评议汇总表',
    fileName: '历次评议汇总表',
    console: {
      zh: { name: '历次评议汇总表（本评议活动各轮）', when: '各轮确认为正式结果（或从表格导入）后的名次、评差位次和连续上榜次数。' },
      en: { name: 'History summary (every round of the campaign)', when: 'Ranks, worst-list positions and consecutive appearances of every confirmed (or imported) round.' },
    },
    layout: 'HistorySheet',
    ballotType: null,
    availability: 'always',
    fromData: true,
  },
  {
    id: 'consequences',
    covers: 'round',
    title: '评议结果运用建议表',
    fileName: '评议结果运用建议表',
    console: {
      zh: { name: '评议结果运用建议表（供领导参考）', when: '本轮每个对象符合的结果运用规则及理由；是建议，不是处理决定。' },
      en: { name: 'Suggested consequences (for the leadership)', when: 'Per object of this round, the rules of the table it meets and why; a suggestion, not a decision.' },
    },
    layout: 'ConsequencesSheet',
    ballotType: null,
    availability: 'always',
    fromData: true,
  },
  {
    id: 'rectification',
    covers: 'round',
    title: '整改反馈表',
    fileName: '整改反馈表',
    console: {
      zh: { name: '整改反馈表（每个对象一页）', when: '向评议代表反馈：本轮结果、公开承诺、整改措施与反馈、暗访督查记录。' },
      en: { name: 'Rectification feedback (one page per object)', when: 'For the representatives: this round\'s result, commitments, measures, feedback and undercover checks.' },
    },
    layout: 'RectificationSheet',
    ballotType: null,
    availability: 'always',
    fromData: true,
  },
  // i17r (issue 17): the audit trail of a meeting as an appendix the scrutineers sign, with the chain's head.
  {
    id: 'audit',
    title: '审计记录附表',
    fileName: '审计记录附表',
    console: {
      zh: { name: '审计记录附表（监票人签字）', when: '随时可打印：本场会议的全部操作记录及哈希链尾值，供监票人核对签字。' },
      en: { name: 'Audit trail appendix (signed by the scrutineers)', when: 'Any time: every recorded action of the meeting and the hash chain\'s head, for the scrutineers to check and sign.' },
    },
    layout: 'AuditSheet',
    ballotType: null,
    availability: 'always',
    fromData: true,
  },
] as const satisfies readonly SheetEntry[];

export type Sheet = (typeof SHEET_REGISTRY)[number]['id'];
/** Sheets whose data the core computes (code slips come from the hand-off instead). */
export type DataSheet = Extract<(typeof SHEET_REGISTRY)[number], { fromData: true }>['id'];

// ── What each sheet prints ──────────────────────────────────────────────────────────────────
// A sheet's data type lives here, beside its registry entry: the core's producer
// (electron/core/printing/) returns it and its layout (renderer/print/sheets/) shows it.
// SheetDataBySheet below names each data sheet's type; it compiles only when every data sheet
// of the registry has one.

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

/** i13: the ranking and the detail sheets as one document (the signing set), each part as printed alone. */
export interface RankingAndDetailSheet {
  readonly sheet: 'rankingAndDetail';
  /** The ranking's title block (the document's title and its draft or official state). */
  readonly header: SheetHeader;
  readonly ranking: RankingSheet;
  readonly detail: DetailSheet;
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

/**
 * Compiles only when T names a data type for every data sheet of the registry, each carrying its
 * own id as `sheet`, and for nothing else: a registry entry without its data type fails here.
 */
type EveryDataSheet<T extends { readonly [S in DataSheet]: { readonly sheet: S } } & { readonly [K in Exclude<keyof T, DataSheet>]: never }> = T;

/** Each data sheet's data, by sheet. */
export type SheetDataBySheet = EveryDataSheet<{
  signin: SignInSheet;
  paperBallot: PaperBallotSheet;
  zero: ZeroReportSheet;
  ranking: RankingSheet;
  detail: DetailSheet;
  rankingAndDetail: RankingAndDetailSheet;
  worst: WorstSheet;
  receipts: ReceiptsSheet;
  paperReconciliation: PaperReconciliationSheet;
  history: HistorySheet;
  consequences: ConsequencesSheet;
  rectification: RectificationSheet;
  audit: AuditSheet;
}>;

/** The data of one data sheet. */
export type SheetDataOf<S extends DataSheet> = SheetDataBySheet[S];

/** Everything a data sheet shows, computed by the core. */
export type SheetData = SheetDataBySheet[DataSheet];

/** Every printable sheet, in the printing tab's order. */
export const SHEETS = SHEET_REGISTRY.map((s) => s.id) as [Sheet, ...Sheet[]];
export const DATA_SHEETS = SHEET_REGISTRY.filter((s) => s.fromData).map((s) => s.id) as [DataSheet, ...DataSheet[]];

/** The registry entry of a sheet. */
export function sheetEntry(sheet: Sheet): SheetEntry {
  const entry = SHEET_REGISTRY.find((s) => s.id === sheet);
  if (entry === undefined) throw new Error(`unknown sheet ${sheet}`);
  return entry;
}

/** Characters Windows or macOS refuse in a file name, replaced; 80 characters at most. */
export function safeFileName(text: string): string {
  return text.replace(/[\\/:*?"<>|\u0000-\u001f]/gu, '_').slice(0, 80);
}

/**
 * A sheet's PDF file name: `<title>-<sheet words>[-<初步结果（未确认）|正式结果>]-<stamp>.pdf`.
 * `round` (the meeting's campaign and round names) names a sheet that `covers` a campaign or a
 * round by them; for a sheet with a round name it is set only when the sheet prints a round's
 * totals, named by campaign and round with its round name (本轮综合排序表), as its printed title is.
 * Every other sheet is named by the meeting's title.
 */
export function sheetPdfFileName(input: {
  readonly sheet: Sheet;
  readonly meetingTitle: string;
  readonly round: { readonly campaign: string; readonly round: string } | null;
  readonly stateTag: string | null;
  readonly stamp: string;
  /** A rehearsal's file starts with 演练- (its wipe finds the saved copies by that name). */
  readonly rehearsal?: boolean;
}): string {
  const entry = sheetEntry(input.sheet);
  const round = input.round !== null && (entry.roundName !== undefined || entry.covers !== undefined) ? input.round : null;
  const title = round === null ? input.meetingTitle : entry.covers === 'campaign' ? round.campaign : `${round.campaign}${round.round}`;
  const words = round === null ? entry.fileName : (entry.roundName ?? entry.fileName);
  const state = input.stateTag === null ? '' : `-${input.stateTag}`;
  return `${rehearsalFilePrefix(input.rehearsal === true)}${safeFileName(title)}-${words}${state}-${input.stamp}.pdf`;
}

/** `{ <sheet>: field }` for every sheet. */
function bySheet(field: (entry: SheetEntry) => string): Record<Sheet, string> {
  return Object.fromEntries(SHEET_REGISTRY.map((s) => [s.id, field(s)])) as Record<Sheet, string>;
}

export const SHEET_TITLES = bySheet((s) => s.title);
export const SHEET_FILE_NAMES = bySheet((s) => s.fileName);

/** `{ sheet_<id>: name, when_<id>: hint }` entries for the console's i18n table. */
export function sheetMessages(lang: 'zh' | 'en'): Record<`sheet_${Sheet}` | `when_${Sheet}`, string> {
  return Object.fromEntries(SHEET_REGISTRY.flatMap((s) => [[`sheet_${s.id}`, s.console[lang].name], [`when_${s.id}`, s.console[lang].when]])) as Record<
    `sheet_${Sheet}` | `when_${Sheet}`,
    string
  >;
}

/** The sheets a meeting of this ballot type offers, in order. */
export function sheetsFor(ballotType: BallotType): readonly (typeof SHEET_REGISTRY)[number][] {
  return SHEET_REGISTRY.filter((s) => s.ballotType === null || s.ballotType === ballotType);
}

/** What the print route is asked to show. */
export interface PrintRoute {
  readonly sheet: Sheet;
  readonly meetingId: string;
  readonly objectId?: string | undefined;
  readonly handoff?: string | undefined;
  /** Rendered for a PDF: page numbers come from the PDF's footer template, not from CSS. */
  readonly pdf?: boolean | undefined;
}

const ID = /^[\w-]{1,64}$/;

/** The print route's query: `sheet=ranking&meeting=ID[&object=ID][&handoff=ID][&pdf=1]`. */
export function printQuery(route: PrintRoute): string {
  // Built by hand: shared/ runs where URLSearchParams is not declared (no DOM, no Node types).
  const pairs: [string, string][] = [['sheet', route.sheet], ['meeting', route.meetingId]];
  if (route.objectId !== undefined) pairs.push(['object', route.objectId]);
  if (route.handoff !== undefined) pairs.push(['handoff', route.handoff]);
  if (route.pdf === true) pairs.push(['pdf', '1']);
  return pairs.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&');
}

/** The first value of each key of a query string (`?` optional), decoded as a form would be. */
function queryValues(search: string): Map<string, string> {
  const values = new Map<string, string>();
  for (const part of search.replace(/^\?/, '').split('&')) {
    if (part === '') continue;
    const at = part.indexOf('=');
    // A malformed escape stays as written (as URLSearchParams keeps it), so the id check refuses it.
    const decode = (text: string): string => {
      const spaced = text.replace(/\+/g, ' ');
      try {
        return decodeURIComponent(spaced);
      } catch {
        return spaced;
      }
    };
    const key = decode(at < 0 ? part : part.slice(0, at));
    if (!values.has(key)) values.set(key, decode(at < 0 ? '' : part.slice(at + 1)));
  }
  return values;
}

/** Parses a print query string; null when it names no known sheet or a malformed id. */
export function parsePrintQuery(search: string): (PrintRoute & { readonly pdf: boolean }) | null {
  const params = queryValues(search);
  const sheet = SHEETS.find((s) => s === params.get('sheet'));
  const meetingId = params.get('meeting') ?? '';
  const objectId = params.get('object') ?? null;
  const handoff = params.get('handoff') ?? null;
  if (!sheet || !ID.test(meetingId)) return null;
  if (objectId !== null && !ID.test(objectId)) return null;
  if (handoff !== null && !ID.test(handoff)) return null;
  return {
    sheet,
    meetingId,
    ...(objectId === null ? {} : { objectId }),
    ...(handoff === null ? {} : { handoff }),
    pdf: params.get('pdf') === '1',
  };
}
