/**
 * Files the chair hands on: the ranking (redacted, for publication), the anonymised ballots
 * (for re-tallying by scrutineers) and the sorted receipt list (for the printed appendix).
 */
import { Buffer } from 'node:buffer';
import type { Store } from '../../store/database';
import type { DownloadFile, MeetingResults } from '../../../../shared/api/chair/results';
import { ok, type Result } from '../../../../shared/domain/result';
import { writeTable, type TableFormat } from '../../import';
import { recordAudit } from '../audit';
import { ballotFileTable } from './ballot-file';
import { meetingResultsOf, type ResultsView } from './compute';
import { receiptList } from './changes';
import { loadMeetingData } from './meeting-data';
import { GROUP_LABELS } from '../../../../shared/tally';

const GROUP_NAMES = GROUP_LABELS.zh;
const MIME: Record<TableFormat, string> = {
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** A file name from the meeting title without characters Windows or macOS refuse. */
function fileName(title: string, what: string, format: TableFormat): string {
  const safe = title.replace(/[\\/:*?"<>|\u0000-\u001f]/gu, '_').slice(0, 80);
  return `${safe}-${what}.${format}`;
}

async function download(table: { headers: readonly string[]; rows: readonly (readonly string[])[] }, name: string, format: TableFormat, sheetName: string, warning: string | null): Promise<DownloadFile> {
  const bytes = await writeTable(table, format, { sheetName });
  return { fileName: name, mimeType: MIME[format], base64: Buffer.from(bytes).toString('base64'), warning };
}

/** The ranking as a table: what the screen shows, per-group figures only where not hidden. */
export function resultsTable(results: MeetingResults): { headers: string[]; rows: string[][] } {
  const graded = results.ballotType === 'graded';
  const groupHeaders = results.groups.flatMap((g) => [`${GROUP_NAMES[g.group]}票数`, `${GROUP_NAMES[g.group]}${graded ? '得分' : '提名率%'}`]);
  const headers = ['名次', '评议对象', '单位', '类别', graded ? '得分' : '综合提名率%', ...groupHeaders, '备注', '计算过程'];
  const rows = results.rankings.flatMap((ranking) =>
    ranking.rows.map((row) => [
      row.rank === null ? '—' : String(row.rank),
      row.name,
      row.department,
      row.category,
      row.score ?? '不完整',
      ...row.groups.flatMap((g) => [String(g.ballots), g.hidden ? '不公开' : (g.figure ?? '—')]),
      row.note,
      row.formula.zh.join('；'),
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
  recordAudit(store, input.meetingId, 'export_results', { format: input.format, objects: results.value.rows.length });
  return ok(await download(resultsTable(results.value), fileName(data.value.title, '结果', input.format), input.format, '评议结果', null));
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
  return ok(await download(ballotFileTable(data.value), fileName(data.value.title, '选票', input.format), input.format, '选票', warning));
}

/** The sorted receipt list, numbered, for the printed appendix. */
export async function exportReceipts(store: Store, input: { meetingId: string; format: TableFormat }): Promise<Result<DownloadFile>> {
  const list = receiptList(store, input.meetingId);
  if (!list.ok) return list;
  const rows = list.value.receipts.map((receipt, index) => [String(index + 1), receipt]);
  recordAudit(store, input.meetingId, 'export_receipts', { format: input.format, receipts: rows.length });
  return ok(await download({ headers: ['序号', '回执码'], rows }, fileName(list.value.title, '回执码清单', input.format), input.format, '回执码清单', null));
}
