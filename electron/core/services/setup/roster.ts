/**
 * A meeting's roster of representatives (评议代表名单) and the 30 %/70 % composition check with the
 * chair's written override. A social meeting's roster splits into officials and recipients; a
 * self-evaluation roster is one group with no composition rule. Frozen once voting has opened.
 */
import type { Store } from '../../store/database';
import * as roster from '../../store/roster';
import type { Representative } from '../../store/roster';
import { setCompositionOverride as storeOverride, type Meeting } from '../../store/meetings';
import type { SetupRepresentative } from '../../../../shared/api/chair/setup';
import { groupOfCategory, type MeetingKind, type RepresentativeCategory } from '../../../../shared/domain/model';
import { checkComposition, type CompositionCheck } from '../../../../shared/setup/composition';
import { countComposition, type RepresentativeDraft } from '../../../../shared/setup/roster';
import { fail, ok, type Result } from '../../../../shared/domain/result';
import { newId } from '../../ids';
import { recordAudit } from '../audit';
import { editableMeeting, isReorderOf, optionalText, requiredText } from './checks';

function toView(person: Representative, kind: MeetingKind): SetupRepresentative {
  return { id: person.id, name: person.name, unit: person.unit, category: person.category, group: groupOfCategory(kind, person.category) };
}

/** A person just written: they exist, so a miss is a bug. */
function written(store: Store, representativeId: string, kind: MeetingKind): SetupRepresentative {
  const person = roster.getRepresentative(store, representativeId);
  if (!person) throw new Error(`representative ${representativeId} was written but cannot be read back`);
  return toView(person, kind);
}

/** The roster in its order, each person with the voter group they vote in. */
export function meetingRoster(store: Store, meeting: Pick<Meeting, 'id' | 'kind'>): SetupRepresentative[] {
  return roster.rosterOf(store, meeting.id).map((person) => toView(person, meeting.kind));
}

/** The 30 %/70 % check of a social meeting's roster; null for self-evaluation. */
export function rosterComposition(store: Store, meeting: Pick<Meeting, 'id' | 'kind'>): CompositionCheck | null {
  if (meeting.kind !== 'social') return null;
  return checkComposition(countComposition(meetingRoster(store, meeting)));
}

function findRepresentative(store: Store, representativeId: string): Result<Representative> {
  const person = roster.getRepresentative(store, representativeId);
  return person ? ok(person) : fail('representative_not_found', { scope: 'setup' });
}

function checkPerson(store: Store, meetingId: string, input: { name: string; unit: string }, exceptId: string): Result<{ name: string; unit: string }> {
  const name = requiredText(input.name, { field: 'personName' }, { name: true });
  if (!name.ok) return name;
  const unit = optionalText(input.unit, { field: 'unit' });
  if (!unit.ok) return unit;
  // Two people may share a name; the same name at the same unit is almost always a double entry.
  if (roster.rosterNameTaken(store, meetingId, name.value, unit.value, exceptId)) {
    return fail('duplicate_name', { target: 'representative', field: 'personName', name: name.value, unit: unit.value });
  }
  return ok({ name: name.value, unit: unit.value });
}

export function addRepresentative(store: Store, input: { meetingId: string; name: string; unit: string; category: RepresentativeCategory }): Result<SetupRepresentative> {
  const meeting = editableMeeting(store, input.meetingId);
  if (!meeting.ok) return meeting;
  const person = checkPerson(store, input.meetingId, input, '');
  if (!person.ok) return person;
  const id = newId();
  roster.insertRepresentatives(store, input.meetingId, [{ id, ...person.value, category: input.category }]);
  return ok(written(store, id, meeting.value.kind));
}

export function updateRepresentative(store: Store, input: { representativeId: string; name: string; unit: string; category: RepresentativeCategory }): Result<SetupRepresentative> {
  const rep = findRepresentative(store, input.representativeId);
  if (!rep.ok) return rep;
  const meeting = editableMeeting(store, rep.value.meetingId);
  if (!meeting.ok) return meeting;
  const person = checkPerson(store, rep.value.meetingId, input, input.representativeId);
  if (!person.ok) return person;
  roster.updateRepresentative(store, input.representativeId, { ...person.value, category: input.category });
  return ok(written(store, input.representativeId, meeting.value.kind));
}

export function removeRepresentative(store: Store, representativeId: string): Result<{ id: string }> {
  const rep = findRepresentative(store, representativeId);
  if (!rep.ok) return rep;
  const meeting = editableMeeting(store, rep.value.meetingId);
  if (!meeting.ok) return meeting;
  roster.deleteRepresentative(store, representativeId);
  return ok({ id: representativeId });
}

/** Puts the roster in the given order (the sign-in sheet follows it); the list must hold each person exactly once. */
export function reorderRoster(store: Store, input: { meetingId: string; representativeIds: readonly string[] }): Result<SetupRepresentative[]> {
  const meeting = editableMeeting(store, input.meetingId);
  if (!meeting.ok) return meeting;
  if (!isReorderOf(meetingRoster(store, meeting.value).map((r) => r.id), input.representativeIds)) {
    return fail('reorder_mismatch', { target: 'roster' });
  }
  store.transaction(() => roster.writeRepresentativePositions(store, input.representativeIds));
  return ok(meetingRoster(store, meeting.value));
}

/** Saves imported representatives ('replace' empties the roster first). The caller has checked everything. */
export function saveRosterDrafts(store: Store, meetingId: string, drafts: readonly RepresentativeDraft[], mode: 'replace' | 'append'): void {
  store.transaction(() => {
    if (mode === 'replace') roster.deleteRosterOf(store, meetingId);
    roster.insertRepresentatives(store, meetingId, drafts.map((d) => ({ id: newId(), name: d.name, unit: d.unit, category: d.category })));
    // Counts only: the audit trail never lists people.
    recordAudit(store, meetingId, 'import_roster', { mode, rows: drafts.length });
  });
}

/** Stores (or, with a blank reason, removes) the chair's written reason to go ahead despite the composition rule. */
export function setCompositionOverride(store: Store, input: { meetingId: string; reason: string | null }): Result<{ reason: string | null }> {
  const meeting = editableMeeting(store, input.meetingId);
  if (!meeting.ok) return meeting;
  if (meeting.value.kind !== 'social') {
    return fail('override_not_needed', { scope: 'self' });
  }
  const reason = optionalText(input.reason ?? '', { field: 'overrideReason' });
  if (!reason.ok) return reason;
  const stored = reason.value === '' ? null : reason.value;
  store.transaction(() => {
    storeOverride(store, input.meetingId, stored);
    recordAudit(store, input.meetingId, stored === null ? 'clear_composition_override' : 'set_composition_override', {});
  });
  return ok({ reason: stored });
}
