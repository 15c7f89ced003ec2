/**
 * The history as a table (.xlsx/.csv): one line per round and object, in the columns the import
 * reads back, so that an office with earlier rounds on paper types them into the same sheet
 * (轮次, 单位, 评议对象, 类别, 总分, 名次, 评差位次, 主要问题, 一票否决) and starts with its history.
 */
import type { CampaignHistory } from '../api/chair/history';
import { matchColumns, type FieldSpec } from '../setup/columns';
import { cleanName, cleanText, type TableData } from '../setup/table';
import { FOLLOWUP_KIND_NAMES, RECORDER_ROLE_NAMES, type Followup } from './model';
import { ruleConditionText, type ConsequenceRule } from './consequence-rules';

type HistoryField = 'round' | 'department' | 'name' | 'category' | 'total' | 'rank' | 'worstRank' | 'problems' | 'veto';

export const HISTORY_FIELDS: readonly FieldSpec<HistoryField>[] = [
  { key: 'round', label: '轮次', synonyms: ['轮次', '评议轮次', '期次', '批次'], required: true },
  { key: 'department', label: '单位', synonyms: ['单位', '部门', '所属单位', '所属部门'], required: false },
  { key: 'name', label: '评议对象', synonyms: ['评议对象', '评议科室', '对象', '科室', '名称'], required: true },
  { key: 'category', label: '类别', synonyms: ['类别', '对象类别'], required: false },
  { key: 'total', label: '总分', synonyms: ['总分', '得分', '综合得分', '评议得分'], required: false },
  { key: 'rank', label: '名次', synonyms: ['名次', '排名', '综合排名', '测评名次'], required: false },
  { key: 'worstRank', label: '评差位次', synonyms: ['评差位次', '评差名次', '最难办事位次', '位次'], required: false },
  { key: 'problems', label: '主要问题', synonyms: ['主要问题', '问题'], required: false },
  { key: 'veto', label: '一票否决', synonyms: ['一票否决', '否决'], required: false },
];

const HEADERS = ['序号', '轮次', '单位', '评议对象', '类别', '总分', '名次', '类别内名次', '评差位次', '主要问题', '一票否决', '符合的结果运用规则（建议）', '来源'];

/** The export: every stored entry of the campaign, round by round, objects by name within a round. */
export function historyToTable(history: CampaignHistory): TableData {
  const rows: string[][] = [];
  history.rounds.forEach((round, r) => {
    for (const line of history.lines) {
      const cell = line.cells[r];
      if (cell === undefined || (cell.graded === null && cell.worst === null)) continue;
      const g = cell.graded;
      const w = cell.worst;
      const veto = g?.vetoed === true || w?.vetoed === true ? (g?.vetoReason ?? w?.vetoReason ?? '是') : '';
      rows.push([
        String(rows.length + 1),
        round.name,
        (g ?? w)?.department ?? line.department,
        (g ?? w)?.name ?? line.name,
        (g ?? w)?.category ?? line.category,
        g?.total ?? '',
        g?.rank === null || g === null ? '' : String(g.rank),
        g?.categoryRank === null || g === null ? '' : String(g.categoryRank),
        w?.rank === null || w === null ? '' : String(w.rank),
        w?.mainProblems.join('、') ?? '',
        veto,
        cell.rules.map((m) => `${m.consequence}（${m.reason}）`).join('；'),
        (g ?? w)?.source === 'import' ? '导入' : '正式结果',
      ]);
    }
  });
  return { headers: HEADERS, rows };
}

/** The follow-up entries as a table. */
export function followupsToTable(entries: readonly (Followup & { round: string; department: string; name: string })[]): TableData {
  return {
    headers: ['序号', '轮次', '单位', '评议对象', '类型', '日期', '内容', '记录人'],
    rows: entries.map((f, i) => [String(i + 1), f.round, f.department, f.name, FOLLOWUP_KIND_NAMES[f.kind], f.datedOn, f.text, RECORDER_ROLE_NAMES[f.recordedBy]]),
  };
}

/** One imported line of earlier results. */
export interface HistoryImportLine {
  readonly line: number;
  readonly round: string;
  readonly department: string;
  readonly name: string;
  readonly category: string;
  /** Printed total with 2 decimals, or null. */
  readonly total: string | null;
  readonly rank: number | null;
  readonly worstRank: number | null;
  readonly problems: readonly string[];
  readonly vetoReason: string | null;
  readonly errors: readonly HistoryNote[];
}

/**
 * What a history import notes on a row, with the facts it is worded from; core sends these, the
 * console words them (shared/i18n/import-notes.ts historyNoteWords).
 */
export type HistoryNote =
  | { readonly note: 'round_empty' | 'name_empty' | 'no_result' }
  | { readonly note: 'total_invalid' | 'rank_invalid' | 'worst_invalid'; readonly value: string }
  | { readonly note: 'duplicate'; readonly unit: string; readonly name: string; readonly round: string }
  | { readonly note: 'round_held'; readonly round: string };

const POSITIVE_INT = /^[1-9]\d{0,4}$/;
const NUMBER = /^\d{1,3}(\.\d{1,4})?$/;

/** Half-up to 2 decimals, as every printed figure (a paper sheet says 85.5 for 85.50). */
function printedTotal(text: string): string {
  const [whole = '0', frac = ''] = text.split('.');
  const digits = `${frac}000`.slice(0, 3);
  let cents = Number(whole) * 100 + Number(digits.slice(0, 2));
  if (Number(digits.charAt(2)) >= 5) cents += 1;
  return `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
}

/** Reads a table of earlier rounds; null when its columns cannot be found. */
export function parseHistoryTable(table: TableData): HistoryImportLine[] | null {
  const columns = matchColumns(table.headers, HISTORY_FIELDS);
  if (columns.round === undefined || columns.name === undefined) return null;
  if (columns.total === undefined && columns.rank === undefined && columns.worstRank === undefined) return null;
  const cell = (row: readonly string[], field: HistoryField): string => {
    const at = columns[field];
    return at === undefined ? '' : cleanText(row[at]);
  };
  const seen = new Set<string>();
  const out: HistoryImportLine[] = [];
  table.rows.forEach((row, i) => {
    const line = table.rowLines?.[i] ?? (table.headerLine ?? 1) + 1 + i;
    if (row.every((c) => cleanText(c) === '')) return;
    const errors: HistoryNote[] = [];
    const round = cell(row, 'round');
    const name = cleanName(row[columns.name ?? 0]);
    const department = cell(row, 'department');
    if (round === '') errors.push({ note: 'round_empty' });
    if (name === '') errors.push({ note: 'name_empty' });
    const totalText = cell(row, 'total');
    const rankText = cell(row, 'rank');
    const worstText = cell(row, 'worstRank');
    if (totalText !== '' && (!NUMBER.test(totalText) || Number(totalText) > 100)) errors.push({ note: 'total_invalid', value: totalText });
    if (rankText !== '' && !POSITIVE_INT.test(rankText)) errors.push({ note: 'rank_invalid', value: rankText });
    if (worstText !== '' && !POSITIVE_INT.test(worstText)) errors.push({ note: 'worst_invalid', value: worstText });
    if (totalText === '' && rankText === '' && worstText === '') errors.push({ note: 'no_result' });
    const key = `${round}\u0000${department}\u0000${name}`;
    if (seen.has(key)) errors.push({ note: 'duplicate', unit: department, name, round });
    seen.add(key);
    const veto = cell(row, 'veto');
    const problems = cell(row, 'problems');
    out.push({
      line,
      round,
      department,
      name,
      category: cell(row, 'category') || '科室',
      total: totalText === '' || errors.length > 0 ? null : printedTotal(totalText),
      rank: rankText === '' || !POSITIVE_INT.test(rankText) ? null : Number(rankText),
      worstRank: worstText === '' || !POSITIVE_INT.test(worstText) ? null : Number(worstText),
      problems: problems === '' ? [] : problems.split(/[、,，;；\s]+/u).filter((p) => p !== '').slice(0, 5),
      vetoReason: veto === '' || veto === '否' ? null : veto,
      errors,
    });
  });
  return out;
}

/** The rules table as a table: condition in words, the consequence, on or off. */
export function rulesToTable(rules: readonly ConsequenceRule[]): TableData {
  return { headers: ['序号', '条件', '结果运用', '启用'], rows: rules.map((r, i) => [String(i + 1), ruleConditionText(r), r.consequence, r.enabled ? '是' : '否']) };
}
