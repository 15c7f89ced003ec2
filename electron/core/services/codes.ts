import { randomBytes } from 'node:crypto';
import type { Store } from '../store/database';
import type { IssuedCode } from '../../../shared/api/chair-contract';
import { codeFromRandomBytes, formatCode } from '../../../shared/codes/code-format';
import type { MeetingKind } from '../../../shared/domain/model';
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
  if (meeting.value.status === 'closed' || meeting.value.status === 'official') {
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
