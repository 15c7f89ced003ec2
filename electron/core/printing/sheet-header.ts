import type { Store } from '../store/database';
import type { MeetingListRow } from '../store/rows';
import type { SheetHeader } from '../../../shared/api/chair/printing';
import type { MeetingKind, MeetingStatus } from '../../../shared/domain/model';
import { err, ok, type Result } from '../../../shared/domain/result';

/** A meeting row with its round and campaign names. */
export function meetingListRow(store: Store, meetingId: string): MeetingListRow | undefined {
  return store.db
    .prepare(
      `SELECT m.*, r.name AS round_name, c.name AS campaign_name
       FROM meetings m JOIN rounds r ON r.id = m.round_id JOIN campaigns c ON c.id = r.campaign_id WHERE m.id = ?`,
    )
    .get(meetingId) as MeetingListRow | undefined;
}

/** The title block of every sheet of a meeting, stamped with the time it was read. */
export function sheetHeader(store: Store, meetingId: string, now = new Date()): Result<{ header: SheetHeader; row: MeetingListRow }> {
  const row = meetingListRow(store, meetingId);
  if (!row) return err('meeting_not_found', '找不到这场评议会议，请刷新后重新选择。');
  return ok({
    row,
    header: {
      meetingId: row.id,
      title: row.title,
      campaign: row.campaign_name,
      round: row.round_name,
      heldOn: row.held_on,
      place: row.place,
      kind: row.kind as MeetingKind,
      status: row.status as MeetingStatus,
      printedAt: now.toISOString(),
    },
  });
}
