/**
 * A meeting's roster of representatives (评议代表名单) and the 30 %/70 % composition check with the
 * chair's written override. A social meeting's roster splits into officials and recipients; a
 * self-evaluation roster is one group with no composition rule. Frozen once voting has opened.
 */
import type { Store } from '../../store/database';
import type { MeetingRow, RepresentativeRow } from '../../store/rows';
import type { SetupRepresentative } from '../../../../shared/api/chair/setup';
import { groupOfCategory, type MeetingKind, type RepresentativeCategory } from '../../../../shared/domain/model';
import { checkComposition, type CompositionCheck } from '../../../../shared/setup/composition';
import { countComposition, type RepresentativeDraft } from '../../../../shared/setup/roster';
import { err, ok, type Result } from '../../../../shared/domain/result';
import { newId } from '../../ids';
import { recordAudit } from '../audit';
import { editableMeeting, isReorderOf, nextPosition, optionalText, requiredText, writePositions } from './checks';

function toView(row: RepresentativeRow, kind: MeetingKind): SetupRepresentative {
  const category = row.category as RepresentativeCategory;
  return { id: row.id, name: row.name, unit: row.unit, category, group: groupOfCategory(kind, category) };
}

/** The roster in its order, each person with the voter group they vote in. */
export function meetingRoster(store: Store, meeting: Pick<MeetingRow, 'id' | 'kind'>): SetupRepresentative[] {
  const rows = store.db.prepare('SELECT * FROM representatives WHERE meeting_id = ? ORDER BY position').all(meeting.id) as RepresentativeRow[];
  return rows.map((row) => toView(row, meeting.kind as MeetingKind));
}

/** The 30 %/70 % check of a social meeting's roster; null for self-evaluation. */
export function rosterComposition(store: Store, meeting: Pick<MeetingRow, 'id' | 'kind'>): CompositionCheck | null {
  if (meeting.kind !== 'social') return null;
  return checkComposition(countComposition(meetingRoster(store, meeting)));
}

function findRepresentative(store: Store, representativeId: string): Result<RepresentativeRow> {
  const row = store.db.prepare('SELECT * FROM representatives WHERE id = ?').get(representativeId) as RepresentativeRow | undefined;
  return row ? ok(row) : err('representative_not_found', '找不到这位评议代表，可能已被删除，请刷新后再试。');
}

function checkPerson(store: Store, meetingId: string, input: { name: string; unit: string }, exceptId: string): Result<{ name: string; unit: string }> {
  const name = requiredText(input.name, '姓名', { name: true });
  if (!name.ok) return name;
  const unit = optionalText(input.unit, '工作单位');
  if (!unit.ok) return unit;
  // Two people may share a name; the same name at the same unit is almost always a double entry.
  if (store.db.prepare('SELECT 1 FROM representatives WHERE meeting_id = ? AND name = ? AND unit = ? AND id <> ?').get(meetingId, name.value, unit.value, exceptId)) {
    const shown = `${name.value}${unit.value === '' ? '' : `（${unit.value}）`}`;
    return err('duplicate_name', `名单中已有“${shown}”。如确是同名同单位的两个人，请在工作单位中注明职务或部门以便区分。`, { field: 'name' });
  }
  return ok({ name: name.value, unit: unit.value });
}

export function addRepresentative(store: Store, input: { meetingId: string; name: string; unit: string; category: RepresentativeCategory }): Result<SetupRepresentative> {
  const meeting = editableMeeting(store, input.meetingId);
  if (!meeting.ok) return meeting;
  const person = checkPerson(store, input.meetingId, input, '');
  if (!person.ok) return person;
  const id = newId();
  store.db
    .prepare('INSERT INTO representatives (id, meeting_id, name, unit, category, position, checked_in) VALUES (?, ?, ?, ?, ?, ?, 0)')
    .run(id, input.meetingId, person.value.name, person.value.unit, input.category, nextPosition(store, 'representatives', 'meeting_id = ?', input.meetingId));
  return ok(toView(store.db.prepare('SELECT * FROM representatives WHERE id = ?').get(id) as RepresentativeRow, meeting.value.kind as MeetingKind));
}

export function updateRepresentative(store: Store, input: { representativeId: string; name: string; unit: string; category: RepresentativeCategory }): Result<SetupRepresentative> {
  const rep = findRepresentative(store, input.representativeId);
  if (!rep.ok) return rep;
  const meeting = editableMeeting(store, rep.value.meeting_id);
  if (!meeting.ok) return meeting;
  const person = checkPerson(store, rep.value.meeting_id, input, input.representativeId);
  if (!person.ok) return person;
  store.db
    .prepare('UPDATE representatives SET name = ?, unit = ?, category = ? WHERE id = ?')
    .run(person.value.name, person.value.unit, input.category, input.representativeId);
  return ok(toView(store.db.prepare('SELECT * FROM representatives WHERE id = ?').get(input.representativeId) as RepresentativeRow, meeting.value.kind as MeetingKind));
}

export function removeRepresentative(store: Store, representativeId: string): Result<{ id: string }> {
  const rep = findRepresentative(store, representativeId);
  if (!rep.ok) return rep;
  const meeting = editableMeeting(store, rep.value.meeting_id);
  if (!meeting.ok) return meeting;
  store.db.prepare('DELETE FROM representatives WHERE id = ?').run(representativeId);
  return ok({ id: representativeId });
}

/** Puts the roster in the given order (the sign-in sheet follows it); the list must hold each person exactly once. */
export function reorderRoster(store: Store, input: { meetingId: string; representativeIds: readonly string[] }): Result<SetupRepresentative[]> {
  const meeting = editableMeeting(store, input.meetingId);
  if (!meeting.ok) return meeting;
  if (!isReorderOf(meetingRoster(store, meeting.value).map((r) => r.id), input.representativeIds)) {
    return err('reorder_mismatch', '代表名单已在别处被修改，顺序没有保存。请刷新后重新排序。');
  }
  writePositions(store, 'representatives', input.representativeIds);
  return ok(meetingRoster(store, meeting.value));
}

/** Saves imported representatives ('replace' empties the roster first). The caller has checked everything. */
export function saveRosterDrafts(store: Store, meetingId: string, drafts: readonly RepresentativeDraft[], mode: 'replace' | 'append'): void {
  store.transaction(() => {
    if (mode === 'replace') store.db.prepare('DELETE FROM representatives WHERE meeting_id = ?').run(meetingId);
    const start = nextPosition(store, 'representatives', 'meeting_id = ?', meetingId);
    const insert = store.db.prepare('INSERT INTO representatives (id, meeting_id, name, unit, category, position, checked_in) VALUES (?, ?, ?, ?, ?, ?, 0)');
    drafts.forEach((d, i) => insert.run(newId(), meetingId, d.name, d.unit, d.category, start + i));
    // Counts only: the audit trail never lists people.
    recordAudit(store, meetingId, 'import_roster', { mode, rows: drafts.length });
  });
}

/** Stores (or, with a blank reason, removes) the chair's written reason to go ahead despite the composition rule. */
export function setCompositionOverride(store: Store, input: { meetingId: string; reason: string | null }): Result<{ reason: string | null }> {
  const meeting = editableMeeting(store, input.meetingId);
  if (!meeting.ok) return meeting;
  if (meeting.value.kind !== 'social') {
    return err('override_not_needed', '单位自评的代表名单只有一组，没有 30%/70% 的构成要求，不需要例外说明。');
  }
  const reason = optionalText(input.reason ?? '', '例外理由');
  if (!reason.ok) return reason;
  const stored = reason.value === '' ? null : reason.value;
  store.transaction(() => {
    store.db.prepare('UPDATE meetings SET composition_override = ? WHERE id = ?').run(stored, input.meetingId);
    recordAudit(store, input.meetingId, stored === null ? 'clear_composition_override' : 'set_composition_override', {});
  });
  return ok({ reason: stored });
}
