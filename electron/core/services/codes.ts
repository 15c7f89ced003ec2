import { randomBytes } from 'node:crypto';
import type { Store } from '../store/database';
import type { EventHub } from '../events';
import type { IssuedCode } from '../../../shared/api/chair-contract';
import type { VoidResult, VoidTarget } from '../../../shared/api/chair/voting';
import { codeFromRandomBytes, formatCode, parseCode } from '../../../shared/codes/code-format';
import type { MeetingKind } from '../../../shared/domain/model';
import { mayGenerateCodes, mayVoidCodes, meetingStatus } from '../../../shared/domain/lifecycle';
import { err, ok, type Result } from '../../../shared/domain/result';
import { sha256 } from '../ids';
import { findMeeting, turnout } from './meetings';
import { recordAudit } from './audit';

/** The stored form of a code: only this hash, never the code itself. */
export function codeHash(code: string): string {
  return sha256(`pingyi-code:${code}`);
}

/**
 * Issues one-time codes for a meeting: per voter group, that group's roster size plus `spares`.
 * The codes are returned once, for printing; the database keeps their hashes and groups only.
 * The returned list is sorted by code within a group, so it carries no generation order.
 */
export function generateCodes(store: Store, input: { meetingId: string; spares: number; joinUrl: string }): Result<IssuedCode[]> {
  const meeting = findMeeting(store, input.meetingId);
  if (!meeting.ok) return meeting;
  if (!mayGenerateCodes(meetingStatus(meeting.value.status))) {
    return err('meeting_closed', '投票已结束，不能再生成评议码。');
  }
  const groups = turnout(store, meeting.value);
  const issued: IssuedCode[] = [];
  const insert = store.db.prepare("INSERT INTO codes (hash, meeting_id, voter_group, state) VALUES (?, ?, ?, 'issued')");
  store.transaction(() => {
    for (const group of groups) {
      const count = group.expected + input.spares;
      const batch: string[] = [];
      while (batch.length < count) {
        const code = codeFromRandomBytes(randomBytes(8));
        const result = insert.run(codeHash(code), input.meetingId, group.group);
        if (result.changes === 1) batch.push(code);
      }
      batch.sort();
      for (const code of batch) issued.push({ group: group.group, code: formatCode(code), url: `${input.joinUrl}#${code}` });
    }
    recordAudit(store, input.meetingId, 'generate_codes', {
      kind: meeting.value.kind as MeetingKind,
      count: issued.length,
      spares: input.spares,
    });
  });
  return ok(issued);
}

/**
 * Voids unused codes: all of a meeting, all of one group, or one typed code (a lost or spoilt
 * slip). Used codes are never voided: their ballots stay counted. The audit records the scope
 * and the count, never the code.
 */
export function voidCodes(store: Store, events: EventHub, input: { meetingId: string; target: VoidTarget }): Result<VoidResult> {
  const meeting = findMeeting(store, input.meetingId);
  if (!meeting.ok) return meeting;
  if (!mayVoidCodes(meetingStatus(meeting.value.status))) return err('meeting_closed', '投票已结束，评议码已全部失效，无需作废。');
  const { target } = input;
  let voided = 0;
  if (target.kind === 'code') {
    const parsed = parseCode(target.code);
    if (!parsed.ok) return err('malformed_code', '评议码有误，请对照纸条逐位核对后重新输入。');
    const row = store.db.prepare('SELECT state FROM codes WHERE hash = ? AND meeting_id = ?').get(codeHash(parsed.code), input.meetingId) as { state: string } | undefined;
    if (!row) return err('code_not_found', '本场会议没有这个评议码，请核对纸条，并确认选择的是正确的会议。');
    if (row.state === 'used') return err('code_used', '这个评议码已经投过票，不能作废；它的选票会照常计入。');
    if (row.state === 'voided') return err('already_voided', '这个评议码已经作废，无需再次作废。');
    store.transaction(() => {
      voided = store.db.prepare("UPDATE codes SET state = 'voided' WHERE hash = ? AND state = 'issued'").run(codeHash(parsed.code)).changes;
      recordAudit(store, input.meetingId, 'void_codes', { scope: 'code', count: voided });
    });
  } else {
    store.transaction(() => {
      const sql = "UPDATE codes SET state = 'voided' WHERE meeting_id = ? AND state = 'issued'";
      voided =
        target.kind === 'all'
          ? store.db.prepare(sql).run(input.meetingId).changes
          : store.db.prepare(`${sql} AND voter_group = ?`).run(input.meetingId, target.group).changes;
      recordAudit(store, input.meetingId, 'void_codes', { scope: target.kind === 'all' ? 'all' : target.group, count: voided });
    });
  }
  const counts = turnout(store, meeting.value);
  events.emit({ type: 'turnout', meetingId: input.meetingId, turnout: counts });
  return ok({ voided, turnout: counts });
}
