/**
 * The audit trail as the console shows, exports and prints it (issue 17 part 3): filtered by
 * meeting and action, with the chain's state (store/audit-chain.ts). Lines hold actions and
 * counts only; nothing here adds a code, ballot id, receipt, name or address.
 */
import { Buffer } from 'node:buffer';
import type { Store } from '../store/database';
import { auditActions, auditHead, listAudit, verifyAudit, type AuditFilter } from '../store/audit';
import { GENESIS_HASH, MAIN_CHAIN } from '../store/audit-chain';
import { listNamedMeetings } from '../store/meetings';
import type { AuditChainState, AuditLine, AuditTrail } from '../../../shared/api/chair/rehearsal-audit';
import type { DownloadFile } from '../../../shared/api/chair/results';
import { ok, type Result } from '../../../shared/domain/result';
import { auditActionName, auditDetailText } from '../../../shared/rules/audit-actions';
import { rehearsalFilePrefix } from '../../../shared/rules/result-state';
import { writeTable, type TableFormat } from '../import';
import { recordAudit } from './audit';

/** The whole trail's state; the head is the main chain's, or a rehearsal's own when `chain` names one. */
export function chainState(store: Store, chain: string = MAIN_CHAIN): AuditChainState {
  const report = verifyAudit(store.db);
  const head = chain === MAIN_CHAIN ? auditHead(store) : (report.heads[chain] ?? GENESIS_HASH);
  return { ok: report.ok, lines: report.lines, head, problems: report.problems.map((p) => ({ kind: p.kind, seq: p.seq })) };
}

/** The chain a filter's meeting writes to: a rehearsal's own, else the main chain. */
function chainOfFilter(store: Store, filter: AuditFilter): string {
  if (filter.meetingId === undefined) return MAIN_CHAIN;
  const meeting = listNamedMeetings(store).find((m) => m.id === filter.meetingId);
  return meeting?.rehearsalOf ? meeting.id : MAIN_CHAIN;
}

/** The lines that match the filter, oldest first, with meeting titles. */
export function auditLines(store: Store, filter: AuditFilter): AuditLine[] {
  const titles = new Map(listNamedMeetings(store).map((m) => [m.id, m.title]));
  return listAudit(store, filter).map((e) => ({
    seq: e.seq,
    at: e.at,
    meetingId: e.meetingId,
    meetingTitle: e.meetingId === null ? null : (titles.get(e.meetingId) ?? null),
    action: e.action,
    detail: e.detail,
    hash: e.hash,
  }));
}

export function auditTrail(store: Store, filter: AuditFilter): Result<AuditTrail> {
  const all = listNamedMeetings(store);
  const withLines = new Set(listAudit(store).map((e) => e.meetingId));
  return ok({
    lines: auditLines(store, filter),
    actions: auditActions(store),
    meetings: all.filter((m) => withLines.has(m.id)).map((m) => ({ id: m.id, title: m.title })),
    chain: chainState(store, chainOfFilter(store, filter)),
  });
}

/** Local date and time to the second, as the appendix prints it. */
export function localSeconds(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

const MIME: Record<TableFormat, string> = {
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** The filtered trail as .csv or .xlsx, each line with its hash, and the chain's head in the title lines. */
export async function exportAudit(store: Store, input: AuditFilter & { format: TableFormat }): Promise<Result<DownloadFile>> {
  const lines = auditLines(store, input);
  const chain = chainState(store, chainOfFilter(store, input));
  const meeting = input.meetingId === undefined ? undefined : listNamedMeetings(store).find((m) => m.id === input.meetingId);
  const rows = lines.map((l) => [String(l.seq), localSeconds(l.at), l.meetingTitle ?? '', auditActionName(l.action, 'zh'), l.action, auditDetailText(l.detail), l.hash ?? '']);
  const what = meeting ? `${meeting.title}-审计记录` : '审计记录';
  const bytes = await writeTable({ headers: ['序号', '时间', '会议', '操作', '操作代码', '内容', '哈希'], rows }, input.format, {
    sheetName: '审计记录',
    titleLines: [`审计记录（${chain.ok ? '哈希链完整' : '哈希链已断开'}，共 ${chain.lines} 行）`, `链尾哈希：${chain.head}`],
  });
  recordAudit(store, input.meetingId ?? null, 'export_audit', { format: input.format, lines: lines.length });
  const safe = what.replace(/[\\/:*?"<>|\u0000-\u001f]/gu, '_').slice(0, 80);
  const name = `${rehearsalFilePrefix((meeting?.rehearsalOf ?? null) !== null)}${safe}.${input.format}`;
  return ok({ fileName: name, mimeType: MIME[input.format], base64: Buffer.from(bytes).toString('base64'), warning: null });
}
