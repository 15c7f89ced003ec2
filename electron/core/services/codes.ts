import { randomBytes } from 'node:crypto';
import type { Store } from '../store/database';
import type { EventHub } from '../events';
import type { IssuedCode } from '../../../shared/api/chair-contract';
import type { VoidResult, VoidTarget } from '../../../shared/api/chair/voting';
import { codeFromRandomBytes, formatCode, parseCode } from '../../../shared/codes/code-format';
import type { MeetingKind } from '../../../shared/domain/model';
import { mayGenerateCodes, mayVoidCodes, meetingStatus } from '../../../shared/domain/lifecycle';
import { fail, ok, type Result } from '../../../shared/domain/result';
import { sha256 } from '../ids';
import { ballotStore, type CodeRecord } from '../store/ballot-store';
import { meetingKeys } from '../store/meeting-keys';
import { voidIssuedCodes } from '../store/codes';
import { findMeeting, turnout } from './meetings';
import { recordAudit } from './audit';

/** How codes issued before version 3 were stored (unkeyed): still recognised while they vote. */
export function legacyCodeHash(code: string): string {
  return sha256(`pingyi-code:${code}`);
}

/**
 * A short unkeyed tag (24 bits), shared by many codes: it finds the candidate rows without the
 * key, and after close (key gone) it still tells a late tablet 投票已经结束.
 */
export function codeTag(code: string): string {
  return sha256(`pingyi-code-tag:${code}`).slice(0, 6);
}

/** The stored form of a code: its hash keyed with the meeting key, so a copy of the file cannot test a slip. */
export function codeHash(store: Store, meetingId: string, code: string): string {
  return meetingKeys(store).ensure(meetingId).token('pingyi-code', code);
}

/**
 * The code's row: by tag, checked with the keyed hash of each candidate's meeting; a closed
 * meeting's codes (key destroyed, hashes replaced) match by tag alone; then the legacy hash.
 */
export function findCode(store: Store, code: string): CodeRecord | null {
  const ballots = ballotStore(store.db);
  const keys = meetingKeys(store);
  let closed: CodeRecord | null = null;
  for (const row of ballots.codesWithTag(codeTag(code))) {
    const key = keys.get(row.meetingId);
    if (key) {
      if (key.token('pingyi-code', code) === row.hash) return row;
    } else if (row.hash.startsWith('closed-')) closed = row;
  }
  return closed ?? ballots.codeByHash(legacyCodeHash(code));
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
    return fail('meeting_closed', { action: 'generate_codes' });
  }
  const groups = turnout(store, meeting.value);
  const issued: IssuedCode[] = [];
  const codes = ballotStore(store.db);
  store.transaction(() => {
    for (const group of groups) {
      const count = group.expected + input.spares;
      const batch: string[] = [];
      while (batch.length < count) {
        const code = codeFromRandomBytes(randomBytes(8));
        const inserted = codes.insertCode({ hash: codeHash(store, input.meetingId, code), tag: codeTag(code), meetingId: input.meetingId, group: group.group });
        if (inserted) batch.push(code);
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
  if (!mayVoidCodes(meetingStatus(meeting.value.status))) return fail('meeting_closed', { action: 'void_codes' });
  const { target } = input;
  let voided = 0;
  if (target.kind === 'code') {
    const parsed = parseCode(target.code);
    if (!parsed.ok) return fail('malformed_code');
    const found = findCode(store, parsed.value);
    const row = found?.meetingId === input.meetingId ? found : null;
    if (!row) return fail('code_not_found');
    if (row.state === 'used') return fail('code_used', { action: 'void_codes' });
    if (row.state === 'voided') return fail('already_voided');
    store.transaction(() => {
      voided = ballotStore(store.db).setCodeState(row.hash, 'issued', 'voided') ? 1 : 0;
      recordAudit(store, input.meetingId, 'void_codes', { scope: 'code', count: voided });
    });
  } else {
    store.transaction(() => {
      voided = voidIssuedCodes(store, input.meetingId, target.kind === 'all' ? null : target.group);
      recordAudit(store, input.meetingId, 'void_codes', { scope: target.kind === 'all' ? 'all' : target.group, count: voided });
    });
  }
  const counts = turnout(store, meeting.value);
  events.emit({ type: 'turnout', meetingId: input.meetingId, turnout: counts });
  return ok({ voided, turnout: counts });
}
