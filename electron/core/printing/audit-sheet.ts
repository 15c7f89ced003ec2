/** 审计记录附表 (i17r): a meeting's audit lines, in words, with the chain's head for the signatures. */
import type { Store } from '../store/database';
import type { AuditSheet } from '../../../shared/api/chair/printing';
import { ok, type Result } from '../../../shared/domain/result';
import { auditActionName, auditDetailText } from '../../../shared/rules/audit-actions';
import { auditLines, chainState } from '../services/audit-trail';
import { sheetHeader } from './sheet-header';
import { MAIN_CHAIN } from '../store/audit-chain';

export function auditSheet(store: Store, meetingId: string): Result<AuditSheet> {
  const found = sheetHeader(store, meetingId);
  if (!found.ok) return found;
  // A rehearsal's lines are in its own chain: its appendix prints that chain's head.
  const chain = chainState(store, found.value.header.rehearsal ? meetingId : MAIN_CHAIN);
  const head = chain.head;
  const lines = auditLines(store, { meetingId }).map((l) => ({
    seq: l.seq,
    at: l.at,
    action: auditActionName(l.action, 'zh'),
    detail: auditDetailText(l.detail),
    hash: l.hash ?? '',
  }));
  return ok({ sheet: 'audit', header: found.value.header, lines, chain: { ok: chain.ok, lines: chain.lines, head } });
}
