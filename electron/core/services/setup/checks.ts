/**
 * What every setup service checks before it writes: a field's text (empty, too long), whether a
 * meeting or a round is frozen, and that the thing named exists. Each failure is a sentence that
 * names the field and says what to do; nothing is written when one comes back.
 */
import type { Store } from '../../store/database';
import type { CampaignRow, MeetingRow, RoundRow } from '../../store/rows';
import { err, ok, type Result } from '../../../../shared/domain/result';
import { isVoting, mayEditSetup, meetingStatus } from '../../../../shared/domain/lifecycle';
import { statusIn } from '../../store/status-sql';
import { MAX_FIELD_LENGTH, charLength, cleanName, cleanText } from '../../../../shared/setup/table';

/** A required text field: cleaned like an import cell, not empty, at most 100 characters. */
export function requiredText(value: string, field: string, options: { name?: boolean } = {}): Result<string> {
  const cleaned = options.name ? cleanName(value) : cleanText(value);
  if (cleaned === '') return err('field_empty', `“${field}”不能为空，请填写后再保存。`, { field });
  return limited(cleaned, field);
}

/** An optional text field: cleaned, at most 100 characters, may be empty. */
export function optionalText(value: string | undefined, field: string): Result<string> {
  return limited(cleanText(value ?? ''), field);
}

function limited(value: string, field: string): Result<string> {
  const length = charLength(value);
  if (length > MAX_FIELD_LENGTH) {
    return err('field_too_long', `“${field}”太长（${length} 个字），最多 ${MAX_FIELD_LENGTH} 个字，请缩短后再保存。`, { field });
  }
  return ok(value);
}

/** Why a meeting's definition is frozen, or null while it is a draft. */
export function meetingLock(row: Pick<MeetingRow, 'status'>): string | null {
  const status = meetingStatus(row.status);
  if (mayEditSetup(status)) return null;
  return isVoting(status)
    ? '本场会议已开始投票，会议的定义（评议对象、指标、设置、代表名单）已锁定，不能修改。如需调整，请复制本场会议后修改副本。'
    : '本场会议投票已结束，会议的定义已锁定，不能修改。如需再次评议，请复制本场会议或本轮。';
}

/** Why a round's objects and category mapping are frozen (one of its meetings has opened), or null. */
export function roundLock(store: Store, roundId: string): string | null {
  const opened = store.db
    .prepare(`SELECT title FROM meetings WHERE round_id = ? AND ${statusIn('status', (s) => !mayEditSetup(s))} ORDER BY position LIMIT 1`)
    .get(roundId) as { title: string } | undefined;
  if (!opened) return null;
  return `本轮的“${opened.title}”已开始投票，本轮的评议对象和指标分配已锁定，不能修改。如需调整，请复制本轮后修改副本。`;
}

export function findCampaign(store: Store, campaignId: string): Result<CampaignRow> {
  const row = store.db.prepare('SELECT * FROM campaigns WHERE id = ?').get(campaignId) as CampaignRow | undefined;
  return row ? ok(row) : err('campaign_not_found', '找不到这个评议活动，可能已被删除，请刷新后重新选择。');
}

export function findRound(store: Store, roundId: string): Result<RoundRow> {
  const row = store.db.prepare('SELECT * FROM rounds WHERE id = ?').get(roundId) as RoundRow | undefined;
  return row ? ok(row) : err('round_not_found', '找不到这一轮评议，可能已被删除，请刷新后重新选择。');
}

/** The meeting row when it exists and is still a draft; otherwise why it cannot be edited. */
export function editableMeeting(store: Store, meetingId: string): Result<MeetingRow> {
  const row = store.db.prepare('SELECT * FROM meetings WHERE id = ?').get(meetingId) as MeetingRow | undefined;
  if (!row) return err('meeting_not_found', '找不到这场评议会议，请刷新后重新选择。');
  const lock = meetingLock(row);
  return lock === null ? ok(row) : err('meeting_frozen', lock);
}

/** The round row when its objects may still change; otherwise why not. */
export function editableRound(store: Store, roundId: string): Result<RoundRow> {
  const round = findRound(store, roundId);
  if (!round.ok) return round;
  const lock = roundLock(store, roundId);
  return lock === null ? round : err('round_frozen', lock);
}

/** The next position at the end of a list: 1 + the largest position where `where` holds. */
export function nextPosition(store: Store, table: 'campaigns' | 'rounds' | 'meetings' | 'objects' | 'representatives', where = '1 = 1', ...params: string[]): number {
  return (store.db.prepare(`SELECT COALESCE(MAX(position), 0) + 1 AS p FROM ${table} WHERE ${where}`).get(...params) as { p: number }).p;
}

/** Meetings under a scope that stop it from being removed: ballots cast, or voting under way. */
export function removalBlocker(store: Store, where: string, param: string, what: string): string | null {
  const row = store.db
    .prepare(
      `SELECT m.title, m.status, (SELECT COUNT(*) FROM ballots b WHERE b.meeting_id = m.id) AS ballots
       FROM meetings m JOIN rounds r ON r.id = m.round_id WHERE ${where} ORDER BY ballots DESC LIMIT 1`,
    )
    .get(param) as { title: string; status: string; ballots: number } | undefined;
  const voting = store.db
    .prepare(`SELECT m.title FROM meetings m JOIN rounds r ON r.id = m.round_id WHERE ${where} AND ${statusIn('m.status', isVoting)} LIMIT 1`)
    .get(param) as { title: string } | undefined;
  if (voting) return `“${voting.title}”正在投票，不能删除${what}。请先结束投票。`;
  if (row && row.ballots > 0) {
    return `“${row.title}”已有 ${row.ballots} 张选票，不能删除${what}：评议记录必须保留。如不再需要，可以把它留在原处不用。`;
  }
  return null;
}

/** True when `given` lists exactly the ids of `current`, each once, in any order (a reorder's input). */
export function isReorderOf(current: readonly string[], given: readonly string[]): boolean {
  const set = new Set(given);
  return set.size === given.length && set.size === current.length && current.every((id) => set.has(id));
}

/** Stores a reordered list: each row's position becomes its place in `ids` (1-based), in one transaction. */
export function writePositions(store: Store, table: 'objects' | 'representatives', ids: readonly string[]): void {
  store.transaction(() => {
    const update = store.db.prepare(`UPDATE ${table} SET position = ? WHERE id = ?`);
    ids.forEach((id, i) => update.run(i + 1, id));
  });
}
