/**
 * A meeting's draft/official state for sheets, exports and file names: official since the audit
 * record markOfficial wrote (the confirmation time printed on 正式结果 sheets).
 */
import type { Store } from '../../store/database';
import { lastAuditAt } from '../../store/audit';
import type { MeetingRow } from '../../store/rows';
import type { MeetingStatus } from '../../../../shared/domain/model';
import { meetingResultState, type ResultState } from '../../../../shared/rules/result-state';

/** When the meeting's results were confirmed official, or null. */
export function confirmedAt(store: Store, meetingId: string): string | null {
  return lastAuditAt(store, meetingId, 'mark_official');
}

/** A meeting's state: draft until 确认为正式结果, then official with the confirmation time. */
export function meetingState(store: Store, row: MeetingRow): ResultState {
  return meetingResultState(row.status as MeetingStatus, row.status === 'official' ? confirmedAt(store, row.id) : null);
}
