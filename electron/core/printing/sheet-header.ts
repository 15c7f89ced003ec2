import type { Store } from '../store/database';
import type { MeetingRow } from '../store/rows';
import type { SheetHeader } from '../../../shared/api/chair/printing';
import { ok, type Result } from '../../../shared/domain/result';
import { findMeeting, meetingView } from '../services/meetings';

/**
 * The title block of every sheet of a meeting, stamped with the time it was read: the names the
 * console shows (services/meetings.ts meetingView), so a sheet and the screen title agree.
 */
export function sheetHeader(store: Store, meetingId: string, now = new Date()): Result<{ header: SheetHeader; row: MeetingRow }> {
  const row = findMeeting(store, meetingId);
  if (!row.ok) return row;
  const view = meetingView(store, meetingId);
  if (!view.ok) return view;
  const { id, title, campaign, round, heldOn, place, kind, status, rehearsalOf } = view.value;
  return ok({
    row: row.value,
    header: { meetingId: id, title, campaign, round, heldOn, place, kind, status, printedAt: now.toISOString(), resultState: null, sheetName: null, rehearsal: rehearsalOf !== null },
  });
}

export { meetingState } from '../services/results/result-state';
