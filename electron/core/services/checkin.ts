/**
 * Check-in (签到) and attendance: who of the roster is in the room, and whether those present
 * keep the 30-person / 30 % rule. Check-in knows people and never touches codes or ballots:
 * which slip a person drew is nowhere recorded.
 */
import type { Store } from '../store/database';
import type { MeetingRow } from '../store/rows';
import { getRepresentative, rosterOf, setCheckedIn as storeCheckedIn, type Representative } from '../store/roster';
import { kindOf, type Meeting } from '../store/meetings';
import type { EventHub } from '../events';
import type { AttendanceCheck, CheckInEntry } from '../../../shared/api/chair/voting';
import { groupOfCategory, type MeetingKind } from '../../../shared/domain/model';
import { mayCheckIn } from '../../../shared/domain/lifecycle';
import { checkComposition } from '../../../shared/setup/composition';
import { fail, ok, type Result } from '../../../shared/domain/result';
import { findMeetingRecord } from './meetings';

function toEntry(kind: MeetingKind, person: Representative): CheckInEntry {
  return { id: person.id, name: person.name, unit: person.unit, category: person.category, group: groupOfCategory(kind, person.category), present: person.checkedIn };
}

/** The roster of a meeting in roster order, each line with its group and whether the person is present. */
export function checkInList(store: Store, meetingId: string): Result<CheckInEntry[]> {
  const meeting = findMeetingRecord(store, meetingId);
  if (!meeting.ok) return meeting;
  return ok(rosterOf(store, meetingId).map((person) => toEntry(meeting.value.kind, person)));
}

/**
 * Marks one representative present or absent. Other consoles reload through a `changed` event.
 * Nothing is audited per person: a timed list of arrivals is exactly what must not exist.
 */
export function setCheckedIn(store: Store, events: EventHub, input: { meetingId: string; representativeId: string; present: boolean }): Result<CheckInEntry> {
  const meeting = findMeetingRecord(store, input.meetingId);
  if (!meeting.ok) return meeting;
  if (!mayCheckIn(meeting.value.status)) {
    return fail('meeting_closed', { action: 'check_in' });
  }
  const person = storeCheckedIn(store, input.meetingId, input.representativeId, input.present) ? getRepresentative(store, input.representativeId) : null;
  if (!person) return fail('representative_not_found');
  events.emit({ type: 'changed', meetingId: input.meetingId });
  return ok(toEntry(meeting.value.kind, person));
}

/** The rule applied to the people checked in (实到), not to the roster. */
export function attendanceCheck(store: Store, meetingLike: Pick<Meeting, 'id' | 'kind' | 'attendanceOverride'> | MeetingRow): AttendanceCheck {
  const meeting = 'round_id' in meetingLike ? { id: meetingLike.id, kind: kindOf(meetingLike), attendanceOverride: meetingLike.attendance_override } : meetingLike;
  const kind = meeting.kind;
  const present = rosterOf(store, meeting.id).filter((person) => person.checkedIn);
  const officials = present.filter((person) => groupOfCategory(kind, person.category) === 'officials').length;
  const recipients = present.length - officials;
  const base = { officials, recipients, override: meeting.attendanceOverride };
  if (kind !== 'social') return { ...base, applies: false, ok: true, problems: [], fix: '', fixEn: '' };
  const check = checkComposition({ officials, recipients }, 'present');
  return {
    ...base,
    applies: true,
    ok: check.ok,
    problems: check.problems.map((p) => ({ message: p.message, messageEn: p.messageEn })),
    fix: check.fix,
    fixEn: check.fixEn,
  };
}
