/**
 * The result sheets (ranking, detail, worst-list). Every number on them comes from the results
 * service the 结果 tab shows (services/results: meetingResults and roundResults), so paper and
 * screen can never differ; this module only chooses which ranking a sheet prints and lays the
 * service's rows out as sheet lines, with the turnout counts, recorded overrides and fingerprint.
 */
import type { Store } from '../store/database';
import type { MeetingRow } from '../store/rows';
import type { DetailGroup, DetailMeeting, DetailObject, DetailSheet, GroupCount, RankingAndDetailSheet, RankingLine, RankingSheet, ReceiptsSheet, SheetHeader, WorstSheet } from '../../../shared/api/chair/printing';
import type { MeetingResults, ResultRow, RoundResultRow, RoundResults } from '../../../shared/api/chair/results';
import type { ComponentPoints, MeetingKind, TallyBallot } from '../../../shared/domain/model';
import { DEFAULT_ROUND_SETTINGS } from '../../../shared/domain/defaults';
import { getRound } from '../store/meetings';
import { fail, ok, type Result } from '../../../shared/domain/result';
import { mayPrintResults, meetingStatus } from '../../../shared/domain/lifecycle';
import { formatExplanation } from '../../../shared/tally';
import { findMeeting, meetingSettings, turnout } from '../services/meetings';
import { closedBallotSetDigest, meetingBallots, meetingBallotTexts, meetingResults, receiptList, roundResults } from '../services/results';
import { shortFingerprint, storedBallotSetDigest } from './fingerprint';
import { meetingState, sheetHeader } from './sheet-header';
import { combinedResultState, type ResultState } from '../../../shared/rules/result-state';
import { roundingFootnote, ruleText, withheldNote } from '../../../shared/rules/rule-text';
import { meetingWithheldNote } from '../services/results/exports';
import { roundComponentRows, roundNames } from '../services/results/round';
import { invalidBallotCounts } from '../store/paper';

/** The sheets rank as the results screen does by default: best first, one list for all categories. */
const SHEET_VIEW = { order: 'best-first', byCategory: false } as const;

/** One meeting behind a sheet: its row, its ballots (canonical order) and its results. */
interface SheetMeeting {
  readonly row: MeetingRow;
  readonly kind: MeetingKind;
  readonly ballots: readonly TallyBallot[];
  readonly results: MeetingResults;
}

/**
 * Which ranking a graded sheet prints. `round`: the round's combined totals (the 结果 tab's
 * 本轮合计), when both components are closed and this meeting is one of them. `meeting`: this
 * meeting's own ranking (the 结果 tab's 本场会议 view), when the round has no closed meeting
 * of the other kind or counts another meeting of this kind.
 */
type Basis =
  | { readonly mode: 'round'; readonly round: RoundResults; readonly meetings: readonly SheetMeeting[] }
  | { readonly mode: 'meeting'; readonly meeting: SheetMeeting };

function sheetMeeting(store: Store, meetingId: string): Result<SheetMeeting> {
  const row = findMeeting(store, meetingId);
  if (!row.ok) return row;
  const results = meetingResults(store, meetingId, SHEET_VIEW);
  if (!results.ok) return results;
  return ok({ row: row.value, kind: row.value.kind as MeetingKind, ballots: meetingBallots(store, meetingId), results: results.value });
}

/** A closed meeting's header and row, or why its result sheet cannot be printed. */
function closedMeeting(store: Store, meetingId: string, ballotType: 'graded' | 'worst'): Result<{ header: SheetHeader; row: MeetingRow }> {
  const found = sheetHeader(store, meetingId);
  if (!found.ok) return found;
  const { row } = found.value;
  if (!mayPrintResults(meetingStatus(row.status))) return fail('voting_not_closed', { action: 'print' });
  if (row.ballot_type !== ballotType) {
    return fail('wrong_sheet', { kind: row.ballot_type });
  }
  return found;
}

function basisOf(store: Store, meetingId: string): Result<Basis> {
  const round = roundResults(store, { meetingId, ...SHEET_VIEW });
  if (!round.ok) return round;
  const used = round.value.components.filter((c) => c.used);
  const ids = used.map((c) => c.meetingId).filter((id): id is string => id !== null);
  if (used.length === 2 && ids.includes(meetingId)) {
    // Self first, as the sheet's columns read: 单位自评, then 社会测评.
    const meetings: SheetMeeting[] = [];
    for (const kind of ['self', 'social'] as const) {
      const id = used.find((c) => c.component === kind)?.meetingId;
      if (id === undefined || id === null) continue;
      const meeting = sheetMeeting(store, id);
      if (!meeting.ok) return meeting;
      meetings.push(meeting.value);
    }
    return ok({ mode: 'round', round: round.value, meetings });
  }
  const meeting = sheetMeeting(store, meetingId);
  if (!meeting.ok) return meeting;
  return ok({ mode: 'meeting', meeting: meeting.value });
}

function meetingsOf(basis: Basis): readonly SheetMeeting[] {
  return basis.mode === 'round' ? basis.meetings : [basis.meeting];
}

/** Draft or official for a sheet: a round's totals are official only once both meetings are. */
function stateOf(store: Store, meetings: readonly SheetMeeting[]): ResultState {
  return combinedResultState(meetings.map((m) => meetingState(store, m.row)));
}

/** What a result sheet's PDF file name says: draft or official, and the round when it prints the round's totals. */
export interface ResultSheetNaming {
  readonly state: ResultState;
  /** Campaign and round when the sheet prints the round's totals (本轮综合排序表); else null. */
  readonly round: { readonly campaign: string; readonly round: string } | null;
}

/**
 * The draft/official state of the sheet a meeting prints (for PDF file names), from the meeting
 * rows alone: the round's when both of its components are closed and this is one of them, and
 * then the round's names too, so the file is titled like the sheet (basisOf decides the same way).
 */
export function resultSheetState(store: Store, meetingId: string): Result<ResultSheetNaming> {
  const found = findMeeting(store, meetingId);
  if (!found.ok) return found;
  if (found.value.ballot_type !== 'graded' || !mayPrintResults(meetingStatus(found.value.status))) return ok({ state: meetingState(store, found.value), round: null });
  const rows = store.db.prepare('SELECT * FROM meetings WHERE round_id = ? ORDER BY position').all(found.value.round_id) as MeetingRow[];
  const components = roundComponentRows(rows);
  const round = components.length === 2 && components.some((m) => m.id === meetingId);
  const state = combinedResultState((round ? components : [found.value]).map((m) => meetingState(store, m)));
  return ok({ state, round: round ? roundNames(store, found.value.round_id) : null });
}

/**
 * The sheet's fingerprint: the digest of the stored ballot texts (storedBallotSetDigest, the
 * same value as ballotSetDigest of the parsed ballots, without parsing and serialising them),
 * kept with the closed meetings' ballot sets (closedBallotSetDigest).
 */
function fingerprintOf(store: Store, meetings: readonly SheetMeeting[]): string {
  return shortFingerprint(closedBallotSetDigest(store, meetings.map((m) => m.row.id)));
}

function isBlank(ballot: TallyBallot): boolean {
  if (ballot.content.type === 'worst') return ballot.content.picks.length === 0;
  return Object.values(ballot.content.answers).every((answers) => Object.values(answers).every((grade) => grade === null));
}

/** 应到 / 实到 / cast / valid / blank, and the paper and 无效票 counts (i17p), for each group of a meeting. */
function groupCounts(store: Store, meeting: SheetMeeting): GroupCount[] {
  const invalid = invalidBallotCounts(store, meeting.row.id);
  return turnout(store, meeting.row).map((g) => {
    const ballots = meeting.ballots.filter((b) => b.group === g.group);
    const blank = ballots.filter(isBlank).length;
    // Paper ballots carry no mark: they are the ballots beyond the codes used (services/paper.ts).
    const paper = Math.max(0, ballots.length - g.codesUsed);
    const counts = { cast: ballots.length, valid: ballots.length - blank, blank, paper, invalid: invalid.get(g.group) ?? 0 };
    return { meetingTitle: meeting.row.title, kind: meeting.kind, group: g.group, expected: g.expected, present: g.present, ...counts };
  });
}

/** The written reasons for going ahead despite the 30 %/70 % rule: the roster's, then the attendance's. */
function overridesOf(meetings: readonly SheetMeeting[]): string[] {
  const out: string[] = [];
  for (const { row } of meetings) {
    if (row.composition_override) out.push(`${row.title}：代表构成例外说明：${row.composition_override}`);
    if (row.attendance_override) out.push(`${row.title}：到会人数例外说明：${row.attendance_override}`);
  }
  return out;
}

/** A round row's note: the veto, else why a component is missing (in the formula's own words). */
function roundNote(row: RoundResultRow, meetings: readonly SheetMeeting[]): string {
  if (row.vetoReason !== null) return `一票否决：${row.vetoReason}`;
  const notes = row.missing.map((m) => {
    const meetingRow = meetings.find((s) => s.kind === m.component)?.results.rows.find((r) => r.objectId === row.objectId);
    const step = { kind: 'component-missing' as const, component: m.component, reason: m.reason, missingGroups: meetingRow?.missingGroups ?? [] };
    return formatExplanation({ steps: [step] }, 'zh').replace(/。$/u, '');
  });
  if (notes.length === 0 && row.incomplete) notes.push('数据不完整');
  return notes.join('；');
}

function roundRows(round: RoundResults): RoundResultRow[] {
  return round.rankings.flatMap((r) => r.rows);
}

/** The names of the round's meetings' dates or places, each once ('' when none was entered). */
function joined(values: readonly string[]): string {
  return [...new Set(values.map((v) => v.trim()).filter((v) => v !== ''))].join('、');
}

/**
 * 本轮综合排序表: a round's totals are titled by campaign and round, not by the meeting the
 * sheet was asked from, and carry both meetings' dates and places.
 */
function roundHeader(header: SheetHeader, round: RoundResults, meetings: readonly SheetMeeting[], resultState: ResultState): SheetHeader {
  return {
    ...header,
    title: `${round.campaign} ${round.round}`,
    heldOn: joined(meetings.map((m) => m.row.held_on)),
    place: joined(meetings.map((m) => m.row.place)),
    resultState,
    sheetName: ROUND_SHEET_NAME,
  };
}

const ROUND_SHEET_NAME = '本轮综合排序表';

/** 评议结果排序表: the round's 50 + 50 totals, or this meeting's own ranking (see Basis). */
export function rankingSheet(store: Store, meetingId: string): Result<RankingSheet> {
  const found = closedMeeting(store, meetingId, 'graded');
  if (!found.ok) return found;
  const basis = basisOf(store, meetingId);
  if (!basis.ok) return basis;
  const b = basis.value;
  const meetings = meetingsOf(b);
  const rows: RankingLine[] =
    b.mode === 'round'
      ? roundRows(b.round).map((r) => ({ rank: r.rank, name: r.name, department: r.department, selfPoints: r.selfPoints, socialPoints: r.socialPoints, total: r.total, notes: roundNote(r, meetings) }))
      : b.meeting.results.rows.map((r) => ({ rank: r.rank, name: r.name, department: r.department, selfPoints: null, socialPoints: null, total: r.score, notes: r.note }));
  // The round's rules come from the round (its points) and its social meeting (weights, grades).
  const rulesMeeting = meetings.find((m) => m.kind === 'social') ?? meetings[0];
  if (rulesMeeting === undefined) return fail('voting_not_closed', { action: 'print' });
  const settings = meetingSettings(rulesMeeting.row);
  const mode = b.mode === 'round' ? 'round' : b.meeting.kind;
  const roundingMode = b.mode === 'round' ? b.round.roundingMode : b.meeting.results.roundingMode;
  return ok({
    sheet: 'ranking',
    header: b.mode === 'round' ? roundHeader(found.value.header, b.round, meetings, stateOf(store, meetings)) : { ...found.value.header, resultState: stateOf(store, meetings) },
    mode,
    componentPoints: b.mode === 'round' ? b.round.componentPoints : roundPointsOf(store, meetings[0]?.row.round_id ?? ''),
    rules: ruleText({ basis: mode, settings: { ...settings, roundingMode }, componentPoints: b.mode === 'round' ? b.round.componentPoints : undefined, order: SHEET_VIEW.order }),
    footnote: roundingFootnote(roundingMode),
    rows,
    counts: meetings.flatMap((m) => groupCounts(store, m)),
    overrides: overridesOf(meetings),
    withheld: withheldLines(b),
    fingerprint: fingerprintOf(store, meetings),
  });
}

/**
 * What the published outputs leave out under the small-group rule, per meeting, and why: this
 * signed sheet keeps every figure (the scrutineers check them by hand) and says so (i13).
 */
function withheldLines(basis: Basis): string[] {
  const meetings = meetingsOf(basis);
  return meetings.flatMap((m) => {
    // The round's totals are judged under the round's chain (round.ts componentPublication).
    const component = basis.mode === 'round' ? basis.round.components.find((c) => c.meetingId === m.row.id)?.publication : null;
    const publication = component ?? m.results.publication;
    const note = withheldNote({ ...m.results, figuresWithheld: publication.figuresWithheld, reason: publication.reason, incompleteObjects: m.results.rows.filter((r) => r.incomplete).length });
    return note === null ? [] : [meetings.length > 1 ? `${m.row.title}：${note}` : note];
  });
}

/** The component points of a round (its setting), 50 + 50 for a round that cannot be read. */
function roundPointsOf(store: Store, roundId: string): ComponentPoints {
  return getRound(store, roundId)?.settings.componentPoints ?? DEFAULT_ROUND_SETTINGS.componentPoints;
}

function detailGroups(row: ResultRow): DetailGroup[] {
  return row.groups.map((g) =>
    g.hidden
      ? { group: g.group, weight: g.weight, ballots: g.ballots, hidden: true, score: null, indicators: [] }
      : {
          group: g.group,
          weight: g.weight,
          ballots: g.ballots,
          hidden: false,
          score: g.figure,
          indicators: g.indicators.map((i) => ({ name: i.name, weight: i.weight, answered: i.answered, abstentions: i.abstentions, mean: i.mean })),
        },
  );
}

const VETO_LINE = /^一票否决：/u;

/** One meeting's part of an object's detail; the veto line is left to the total's formula. */
function detailMeeting(meeting: SheetMeeting, objectId: string): DetailMeeting | null {
  const row = meeting.results.rows.find((r) => r.objectId === objectId);
  if (row === undefined) return null;
  return { title: meeting.row.title, kind: meeting.kind, score: row.score, groups: detailGroups(row), formula: row.formula.zh.filter((line) => !VETO_LINE.test(line)) };
}

/**
 * The round's own lines of a round row's formula: roundResults writes each component meeting's
 * steps first, then combineRound's: one line per component (points or missing), the total, and
 * the veto when there is one.
 */
function roundLines(row: RoundResultRow): readonly string[] {
  return row.formula.zh.slice(-(3 + (row.vetoed ? 1 : 0)));
}

/** 评议得分明细表: one object (or every object, one per page) with its groups, indicators and formula. */
export function detailSheet(store: Store, meetingId: string, objectId?: string): Result<DetailSheet> {
  const found = closedMeeting(store, meetingId, 'graded');
  if (!found.ok) return found;
  const basis = basisOf(store, meetingId);
  if (!basis.ok) return basis;
  const b = basis.value;
  const meetings = meetingsOf(b);
  const wanted = (id: string) => objectId === undefined || id === objectId;
  const details = (id: string) => meetings.map((m) => detailMeeting(m, id)).filter((d): d is DetailMeeting => d !== null);
  const objects: DetailObject[] =
    b.mode === 'round'
      ? roundRows(b.round)
          .filter((r) => wanted(r.objectId))
          .map((r) => ({ objectId: r.objectId, name: r.name, department: r.department, category: r.category, rank: r.rank, total: r.total, meetings: details(r.objectId), totalFormula: roundLines(r) }))
      : b.meeting.results.rows
          .filter((r) => wanted(r.objectId))
          .map((r) => ({
            objectId: r.objectId,
            name: r.name,
            department: r.department,
            category: r.category,
            rank: r.rank,
            total: r.score,
            meetings: details(r.objectId),
            totalFormula: r.vetoReason === null ? [] : [`一票否决：${r.vetoReason}`],
          }));
  if (objects.length === 0) return fail('object_not_found', { scope: 'print' });
  const roundingMode = b.mode === 'round' ? b.round.roundingMode : b.meeting.results.roundingMode;
  return ok({
    sheet: 'detail',
    header: { ...found.value.header, resultState: stateOf(store, meetings) },
    objects,
    footnote: roundingFootnote(roundingMode),
    fingerprint: fingerprintOf(store, meetings),
  });
}

/**
 * i13: the signing set, the ranking sheet then every object's detail page in one document: each
 * part exactly as printed alone (the same producers), so one PDF replaces the two without a
 * figure of its own. Either part's failure is the whole set's: no half set is printed.
 */
export function rankingAndDetailSheet(store: Store, meetingId: string): Result<RankingAndDetailSheet> {
  const ranking = rankingSheet(store, meetingId);
  if (!ranking.ok) return ranking;
  const detail = detailSheet(store, meetingId);
  if (!detail.ok) return detail;
  return ok({ sheet: 'rankingAndDetail', header: ranking.value.header, ranking: ranking.value, detail: detail.value });
}

/** 评差结果公布表: the published top N (default 10) with their main problems; vetoed objects first. */
export function worstSheet(store: Store, meetingId: string): Result<WorstSheet> {
  const found = closedMeeting(store, meetingId, 'worst');
  if (!found.ok) return found;
  const meeting = sheetMeeting(store, meetingId);
  if (!meeting.ok) return meeting;
  const { results } = meeting.value;
  const topN = results.topN ?? results.top.length;
  return ok({
    sheet: 'worst',
    header: { ...found.value.header, resultState: stateOf(store, [meeting.value]) },
    topN,
    rules: ruleText({ basis: 'worst', settings: { ...meetingSettings(meeting.value.row), roundingMode: results.roundingMode }, topN }),
    withheld: meetingWithheldNote(results),
    rows: results.top.map((t) => ({
      rank: t.rank ?? 0,
      name: t.name,
      department: t.department,
      rate: t.score,
      problems: t.mainProblems.slice(0, 3).map((p) => p.name).join('、'),
      vetoReason: t.vetoReason,
    })),
    counts: groupCounts(store, meeting.value),
    fingerprint: fingerprintOf(store, [meeting.value]),
  });
}

/**
 * 回执清单: the meeting's receipts, sorted, with the fingerprint of its ballot set, posted next to
 * the ranking so each representative can find the receipt their tablet showed. Nothing on it
 * links a receipt to a ballot (receiptList lists receipts only, in sorted order).
 */
export function receiptsSheet(store: Store, meetingId: string): Result<ReceiptsSheet> {
  const found = sheetHeader(store, meetingId);
  if (!found.ok) return found;
  const list = receiptList(store, meetingId);
  if (!list.ok) return list;
  const { row } = found.value;
  return ok({
    sheet: 'receipts',
    header: { ...found.value.header, resultState: meetingState(store, row) },
    receipts: list.value.receipts,
    paperBallots: turnout(store, row).reduce((n, g) => n + Math.max(0, g.ballots - g.codesUsed), 0),
    fingerprint: shortFingerprint(storedBallotSetDigest([{ meetingId, ballots: meetingBallotTexts(store, meetingId) }])),
  });
}
