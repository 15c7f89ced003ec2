/**
 * Check-in (签到) and attendance: who of the roster is in the room, and whether those present
 * keep the 30-person / 30 % rule. Check-in knows people and never touches codes or ballots:
 * which slip a person drew is nowhere recorded.
 */
import type { Store } from '../store/database';
import type { MeetingRow } from '../store/rows';
import type { EventHub } from '../events';
import type { AttendanceCheck, CheckInEntry } from '../../../shared/api/chair/voting';
import { groupOfCategory, type MeetingKind, type RepresentativeCategory } from '../../../shared/domain/model';
import { mayCheckIn, meetingStatus } from '../../../shared/domain/lifecycle';
import { checkComposition } from '../../../shared/setup/composition';
import { err, ok, type Result } from '../../../shared/domain/result';
import { findMeeting } from './meetings';

interface RepresentativeRow {
  id: string;
  name: string;
  unit: string;
  category: string;
  checked_in: number;
}

function toEntry(kind: MeetingKind, row: RepresentativeRow): CheckInEntry {
  const category = row.category as RepresentativeCategory;
  return { id: row.id, name: row.name, unit: row.unit, category, group: groupOfCategory(kind, category), present: row.checked_in === 1 };
}

/** The roster of a meeting in roster order, each line with its group and whether the person is present. */
export function checkInList(store: Store, meetingId: string): Result<CheckInEntry[]> {
  const meeting = findMeeting(store, meetingId);
  if (!meeting.ok) return meeting;
  const rows = store.db
    .prepare('SELECT id, name, unit, category, checked_in FROM representatives WHERE meeting_id = ? ORDER BY position, name')
    .all(meetingId) as RepresentativeRow[];
  return ok(rows.map((row) => toEntry(meeting.value.kind as MeetingKind, row)));
}

/**
 * Marks one representative present or absent. Other consoles reload through a `changed` event.
 * Nothing is audited per person: a timed list of arrivals is exactly what must not exist.
 */
export function setCheckedIn(store: Store, events: EventHub, input: { meetingId: string; representativeId: string; present: boolean }): Result<CheckInEntry> {
  const meeting = findMeeting(store, input.meetingId);
  if (!meeting.ok) return meeting;
  if (!mayCheckIn(meetingStatus(meeting.value.status))) {
    return err('meeting_closed', '投票已结束，签到不能再更改。');
  }
  const changed = store.db
    .prepare('UPDATE representatives SET checked_in = ? WHERE id = ? AND meeting_id = ?')
    .run(input.present ? 1 : 0, input.representativeId, input.meetingId);
  if (changed.changes !== 1) return err('representative_not_found', '名单中找不到这位代表，请刷新签到名单后重试。');
  const row = store.db
    .prepare('SELECT id, name, unit, category, checked_in FROM representatives WHERE id = ?')
    .get(input.representativeId) as RepresentativeRow;
  events.emit({ type: 'changed', meetingId: input.meetingId });
  return ok(toEntry(meeting.value.kind as MeetingKind, row));
}

/** The rule applied to the people checked in (实到), not to the roster. */
export function attendanceCheck(store: Store, meeting: MeetingRow): AttendanceCheck {
  const kind = meeting.kind as MeetingKind;
  const rows = store.db.prepare('SELECT category FROM representatives WHERE meeting_id = ? AND checked_in = 1').all(meeting.id) as { category: string }[];
  const officials = rows.filter((r) => groupOfCategory(kind, r.category as RepresentativeCategory) === 'officials').length;
  const recipients = rows.length - officials;
  const base = { officials, recipients, override: meeting.attendance_override };
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
