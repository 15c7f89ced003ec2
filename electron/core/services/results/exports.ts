/**
 * Files the chair hands on: the ranking (redacted, for publication), the anonymised ballots
 * (for re-tallying by scrutineers) and the sorted receipt list (for the printed appendix).
 */
import { Buffer } from 'node:buffer';
import type { Store } from '../../store/database';
import type { DownloadFile, MeetingResults, RoundResults } from '../../../../shared/api/chair/results';
import { ok, type Result } from '../../../../shared/domain/result';
import { writeTable, type TableFormat } from '../../import';
import { recordAudit } from '../audit';
import { ballotFileTable } from './ballot-file';
import { meetingResultsOf, type ResultsView } from './compute';
import { receiptList } from './changes';
import { loadMeetingData } from './meeting-data';
import { GROUP_LABELS } from '../../../../shared/tally';
import type { MeetingStatus } from '../../../../shared/domain/model';
import { combinedResultState, meetingResultState, REHEARSAL_NOTICE, rehearsalFilePrefix, rehearsalTitle, resultStateFileTag, resultStateTitle, type ResultState } from '../../../../shared/rules/result-state';
import type { WorkbookLayout } from '../../import/xlsx';
import type { MeetingRow } from '../../store/rows';
import { findMeeting } from '../meetings';
import { meetingState } from './result-state';
import { roundResults } from './round';
import { publishedIncompleteNote, withheldNote } from '../../../../shared/rules/rule-text';
import { safeFileName } from '../../../../shared/print/sheets';

const GROUP_NAMES = GROUP_LABELS.zh;
const MIME: Record<TableFormat, string> = {
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/**
 * A file name from the meeting title without characters Windows or macOS refuse; a results file
 * says 初步结果（未确认） or 正式结果 in its name, as the sheets do in their titles.
 */
function safeName(text: string): string {
  return safeFileName(text);
}

function fileName(title: string, what: string, format: TableFormat, status?: MeetingStatus, rehearsal = false): string {
  const safe = safeName(title);
  const state = status === undefined ? '' : `-${resultStateFileTag(meetingResultState(status, null))}`;
  return `${rehearsalFilePrefix(rehearsal)}${safe}-${what}${state}.${format}`;
}

/** i17r: a rehearsal's every file starts with 演练-. */
function isRehearsal(store: Store, meetingId: string): boolean {
  const row = findMeeting(store, meetingId);
  return row.ok && (row.value.rehearsal_of ?? null) !== null;
}

async function download(
  table: { headers: readonly string[]; rows: readonly (readonly string[])[] },
  name: string,
  format: TableFormat,
  sheetName: string,
  warning: string | null,
  layout: WorkbookLayout = {},
): Promise<DownloadFile> {
  const bytes = await writeTable(table, format, { sheetName, ...layout });
  return { fileName: name, mimeType: MIME[format], base64: Buffer.from(bytes).toString('base64'), warning };
}

/** Local date and time to the minute, as the sheets print it: 2026-12-01 09:30. */
function localTime(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** The title lines of an exported table: what, for which meeting, when and where, draft or official. */
function titleLines(what: string, rows: readonly MeetingRow[], state: ResultState): string[] {
  const blank = '____________';
  const unique = (values: readonly string[]) => [...new Set(values.map((v) => v.trim() || blank))].join('、');
  const rehearsal = rows.some((r) => (r.rehearsal_of ?? null) !== null);
  return [
    ...(rehearsal ? [REHEARSAL_NOTICE] : []),
    `${rehearsalTitle(what, rehearsal)}（${resultStateTitle(state, localTime)}）`,
    `时间：${unique(rows.map((r) => r.held_on))}　地点：${unique(rows.map((r) => r.place))}`,
  ];
}

/** Columns of the results table written as numbers (.xlsx): the score, and each group's figure. */
function resultsNumberFormats(results: MeetingResults): Record<number, string> {
  const formats: Record<number, string> = { 0: '0', 4: '0.00' };
  results.groups.forEach((_, g) => {
    formats[5 + 2 * g] = '0';
    formats[6 + 2 * g] = '0.00';
  });
  return formats;
}

/**
 * Whether a worst-list meeting's combined rates may leave the room: where a group is small, only
 * if every object's rate has more than one solution in whole nominations per group
 * (shared/tally/small-group-check.ts). Graded meetings: true here; their scores are judged by
 * results.publication (graded-small-group-check.ts).
 */
export function worstRatesPublishable(results: MeetingResults): boolean {
  return results.ballotType !== 'worst' || !results.publication.figuresWithheld;
}

/** The note on what a meeting withholds from its published outputs, and why (null: no small group). */
export function meetingWithheldNote(results: MeetingResults): string | null {
  return withheldNote({
    ballotType: results.ballotType,
    groups: results.groups,
    smallGroupK: results.smallGroupK,
    figuresWithheld: results.publication.figuresWithheld,
    reason: results.publication.reason,
    incompleteObjects: results.rows.filter((r) => r.incomplete).length,
  });
}

/** The ranking as a table: what the screen shows, per-group figures only where not hidden. */
export function resultsTable(results: MeetingResults): { headers: string[]; rows: string[][] } {
  const withhold = results.publication.figuresWithheld;
  const graded = results.ballotType === 'graded';
  const groupHeaders = results.groups.flatMap((g) => [`${GROUP_NAMES[g.group]}票数`, `${GROUP_NAMES[g.group]}${graded ? '得分' : '提名率%'}`]);
  const headers = ['名次', '评议对象', '单位', '类别', graded ? '得分' : '综合提名率%', ...groupHeaders, '备注', '计算过程'];
  const rows = results.rankings.flatMap((ranking) =>
    ranking.rows.map((row) => [
      row.rank === null ? '—' : String(row.rank),
      row.name,
      row.department,
      row.category,
      withhold ? '不公开' : (row.score ?? '不完整'),
      ...row.groups.flatMap((g) => [String(g.ballots), g.hidden ? '不公开' : (g.figure ?? '—')]),
      // Withheld: the main problems without their tick counts, and no formula with the rates. An
      // incomplete graded row names the groups without answers only where no group is small (i13).
      withhold && !graded && !row.vetoed && !row.incomplete
        ? row.mainProblems.map((p) => p.name).join('、')
        : graded && row.incomplete && !row.vetoed
          ? publishedIncompleteNote(results.groups, results.smallGroupK, row.missingGroups)
          : row.note,
      withhold ? '不公开（见说明）' : row.formula.zh.join('；'),
    ]),
  );
  return { headers, rows };
}

/** The meeting's results as .csv or .xlsx. */
export async function exportResults(store: Store, input: { meetingId: string; format: TableFormat } & ResultsView): Promise<Result<DownloadFile>> {
  const data = loadMeetingData(store, input.meetingId);
  if (!data.ok) return data;
  const results = meetingResultsOf(data.value, input);
  if (!results.ok) return results;
  const row = findMeeting(store, input.meetingId);
  if (!row.ok) return row;
  recordAudit(store, input.meetingId, 'export_results', { format: input.format, objects: results.value.rows.length });
  const note = meetingWithheldNote(results.value);
  const lines = titleLines(`${data.value.title} 评议结果`, [row.value], meetingState(store, row.value));
  const layout = { titleLines: note === null ? lines : [...lines, note], numberFormats: resultsNumberFormats(results.value) };
  return ok(await download(resultsTable(results.value), fileName(data.value.title, '结果', input.format, data.value.status, isRehearsal(store, input.meetingId)), input.format, '评议结果', note, layout));
}

/** The round's 50 + 50 totals with every part, as a table (numbers as numbers in .xlsx). */
export function roundTable(round: RoundResults): { headers: string[]; rows: string[][] } {
  const p = round.componentPoints;
  // A component whose scores are withheld (small group, publication.ts) takes the total with it:
  // the total minus the other, printed part would give the withheld one back.
  const withheld = (kind: 'self' | 'social') => round.components.find((c) => c.component === kind)?.publication?.figuresWithheld === true;
  const selfOut = withheld('self');
  const socialOut = withheld('social');
  const hide = (out: boolean, value: string | null, missing: string) => (out && value !== null ? '不公开' : (value ?? missing));
  const headers = ['名次', '评议对象', '所属单位', '类别', '单位自评得分', `单位自评折算（${p.self}分）`, '社会测评得分', `社会测评折算（${p.social}分）`, '总分', '备注'];
  const rows = round.rankings.flatMap((ranking) =>
    ranking.rows.map((row) => [
      row.rank === null ? '—' : String(row.rank),
      row.name,
      row.department,
      row.category,
      hide(selfOut, row.selfScore, '—'),
      hide(selfOut, row.selfPoints, '—'),
      hide(socialOut, row.socialScore, '—'),
      hide(socialOut, row.socialPoints, '—'),
      hide(selfOut || socialOut, row.total, '不完整'),
      row.vetoReason !== null ? `一票否决：${row.vetoReason}` : row.incomplete ? '数据不完整' : '',
    ]),
  );
  return { headers, rows };
}

/** 本轮综合排序: the round's totals as .csv or .xlsx, titled by campaign and round. */
export async function exportRoundResults(
  store: Store,
  input: { readonly roundId?: string | undefined; readonly meetingId?: string | undefined; readonly format: TableFormat } & ResultsView,
): Promise<Result<DownloadFile>> {
  const round = roundResults(store, input);
  if (!round.ok) return round;
  const used = round.value.components.filter((c) => c.used && c.meetingId !== null);
  const rows: MeetingRow[] = [];
  for (const component of used) {
    const found = findMeeting(store, component.meetingId ?? '');
    if (found.ok) rows.push(found.value);
  }
  // A round's totals are official only once every meeting in them is.
  const state = combinedResultState(rows.map((r) => meetingState(store, r)));
  const decimals = round.value.roundingMode === 'printed' ? '0.00' : '0.0000';
  const notes: string[] = [];
  for (const component of used) {
    if (component.publication?.figuresWithheld !== true) continue;
    const data = loadMeetingData(store, component.meetingId ?? '');
    const results = data.ok ? meetingResultsOf(data.value) : data;
    const note = results.ok
      ? withheldNote({ ...results.value, figuresWithheld: true, reason: component.publication.reason, incompleteObjects: results.value.rows.filter((r) => r.incomplete).length })
      : null;
    if (note !== null) notes.push(`${component.title ?? ''}：${note}`);
  }
  const layout = {
    titleLines: [...titleLines(`${round.value.campaign} ${round.value.round} 本轮综合排序表`, rows, state), ...notes],
    numberFormats: { 0: '0', 4: decimals, 5: decimals, 6: decimals, 7: decimals, 8: '0.00' },
  };
  for (const r of rows) recordAudit(store, r.id, 'export_round_results', { format: input.format });
  const name = `${rehearsalFilePrefix(rows.some((r) => (r.rehearsal_of ?? null) !== null))}${safeName(`${round.value.campaign}${round.value.round}`)}-本轮综合排序表-${resultStateFileTag(state)}.${input.format}`;
  return ok(await download(roundTable(round.value), name, input.format, '本轮综合排序', notes.length === 0 ? null : notes.join('\n'), layout));
}

/** The definition and the anonymised ballots: the file a scrutineer re-tallies. */
export async function exportBallots(store: Store, input: { meetingId: string; format: TableFormat }): Promise<Result<DownloadFile>> {
  const data = loadMeetingData(store, input.meetingId);
  if (!data.ok) return data;
  const results = meetingResultsOf(data.value);
  if (!results.ok) return results;
  // Ballots carry their group (the 30/70 weighting needs it), so a small group's ballots can be
  // read off the file: the chair is told before handing it on.
  const hidden = results.value.groups.filter((g) => g.hiddenReason === 'small');
  const warning =
    hidden.length === 0
      ? null
      : `${hidden.map((g) => `${GROUP_NAMES[g.group]}只有 ${g.ballots} 张选票`).join('，')}（少于 ${results.value.smallGroupK} 张）：从选票文件可以看出该组的评分。此文件只交监票人核验，请勿公开。`;
  recordAudit(store, input.meetingId, 'export_ballots', { format: input.format, ballots: data.value.ballots.length });
  return ok(await download(ballotFileTable(data.value), fileName(data.value.title, '选票', input.format, undefined, isRehearsal(store, input.meetingId)), input.format, '选票', warning));
}

/** The sorted receipt list, numbered, for the printed appendix. */
export async function exportReceipts(store: Store, input: { meetingId: string; format: TableFormat }): Promise<Result<DownloadFile>> {
  const list = receiptList(store, input.meetingId);
  if (!list.ok) return list;
  const rows = list.value.receipts.map((receipt, index) => [String(index + 1), receipt]);
  recordAudit(store, input.meetingId, 'export_receipts', { format: input.format, receipts: rows.length });
  return ok(await download({ headers: ['序号', '回执码'], rows }, fileName(list.value.title, '回执码清单', input.format, undefined, isRehearsal(store, input.meetingId)), input.format, '回执码清单', null));
}
