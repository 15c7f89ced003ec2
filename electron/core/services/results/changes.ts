/**
 * What the chair changes about results: vetoes (一票否决) and marking results official. Once a
 * meeting is official nothing about it changes; every change is in the audit trail.
 */
import { pendingPaperCount } from '../../store/paper';
import type { Store } from '../../store/database';
import type { EventHub } from '../../events';
import type { VetoView } from '../../../../shared/api/chair/results';
import type { MeetingStatus } from '../../../../shared/domain/model';
import { fail, ok, type Result } from '../../../../shared/domain/result';
import { findMeeting, meetingDefinition } from '../meetings';
import { recordAudit } from '../audit';
import { isOfficial, mayConfirmResults, mayMarkOfficial, mayRecordVeto, meetingStatus, resultsAvailable } from '../../../../shared/domain/lifecycle';
import { ballotStore } from '../../store/ballot-store';
import { deleteVeto, listVetoes, upsertVeto, vetoCount } from '../../store/vetoes';
import { plainBallotCount } from '../../store/counts';
import { markClosedMeetingOfficial } from '../../store/meetings';
import { recordRoundHistory } from '../history/record';

function vetoList(store: Store, meetingId: string, names: ReadonlyMap<string, string>): VetoView[] {
  return listVetoes(store, meetingId)
    .map((row) => ({ objectId: row.objectId, name: names.get(row.objectId) ?? row.objectId, reason: row.reason }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** Records or replaces a veto of one object of the meeting; the reason is required and printed. */
export function setVeto(
  store: Store,
  events: EventHub,
  input: { readonly meetingId: string; readonly objectId: string; readonly reason: string },
): Result<VetoView[]> {
  const found = findMeeting(store, input.meetingId);
  if (!found.ok) return found;
  const status = meetingStatus(found.value.status);
  if (isOfficial(status)) return fail('results_official', { action: 'change' });
  // A veto is a decision on results: while ballots may still arrive there are none to decide on.
  if (!mayRecordVeto(status)) return fail('voting_not_closed', { action: 'veto' });
  const reason = input.reason.trim();
  if (reason === '') return fail('veto_reason');
  const names = new Map(meetingDefinition(store, found.value).objects.map((o) => [o.id, o.name]));
  if (!names.has(input.objectId)) return fail('object_not_found');
  store.transaction(() => {
    upsertVeto(store, input.meetingId, { objectId: input.objectId, reason });
    recordAudit(store, input.meetingId, 'set_veto', { object: names.get(input.objectId) ?? input.objectId, reason });
  });
  events.emit({ type: 'changed', meetingId: input.meetingId });
  return ok(vetoList(store, input.meetingId, names));
}

/** Removes a veto (the chair confirmed it). */
export function clearVeto(store: Store, events: EventHub, input: { readonly meetingId: string; readonly objectId: string }): Result<VetoView[]> {
  const found = findMeeting(store, input.meetingId);
  if (!found.ok) return found;
  const status = meetingStatus(found.value.status);
  if (isOfficial(status)) return fail('results_official', { action: 'change' });
  if (!mayRecordVeto(status)) return fail('voting_not_closed', { action: 'veto' });
  const names = new Map(meetingDefinition(store, found.value).objects.map((o) => [o.id, o.name]));
  const removed = store.transaction(() => {
    const deleted = deleteVeto(store, input.meetingId, input.objectId);
    if (deleted) recordAudit(store, input.meetingId, 'clear_veto', { object: names.get(input.objectId) ?? input.objectId });
    return deleted;
  });
  if (!removed) return fail('veto_not_found');
  events.emit({ type: 'changed', meetingId: input.meetingId });
  return ok(vetoList(store, input.meetingId, names));
}

/** Closed → official. After this, results, vetoes and every other area refuse changes. */
export function markOfficial(store: Store, events: EventHub, meetingId: string): Result<{ meetingId: string; status: MeetingStatus }> {
  const found = findMeeting(store, meetingId);
  if (!found.ok) return found;
  const status = meetingStatus(found.value.status);
  if (isOfficial(status)) return fail('results_official', { action: 'mark_official' });
  // i17r: a rehearsal's results never count, closed or not.
  if (!mayConfirmResults({ status, rehearsal: (found.value.rehearsal_of ?? null) !== null }) && mayMarkOfficial(status)) {
    return fail('rehearsal_not_official');
  }
  if (!mayMarkOfficial(status)) return fail('voting_not_closed', { action: 'mark_official' });
  // i17p: a paper ballot keyed once or in conflict has not counted yet; official freezes the count.
  const pendingPaper = pendingPaperCount(store, meetingId);
  if (pendingPaper > 0) return fail('paper_entries_pending', { pending: pendingPaper });
  store.transaction(() => {
    if (!markClosedMeetingOfficial(store, meetingId)) throw new Error('meeting left the closed state while being marked official');
    recordAudit(store, meetingId, 'mark_official', { ballots: plainBallotCount(store, meetingId), vetoes: vetoCount(store, meetingId) });
    // i16: the round's history rows are written with the confirmation, so history never re-tallies.
    recordRoundHistory(store, meetingId);
  });
  events.emit({ type: 'status', meetingId, status: 'official' });
  events.emit({ type: 'changed', meetingId });
  return ok({ meetingId, status: 'official' });
}

/** The published receipt list: every receipt of the meeting, sorted, nothing else. */
export function receiptList(store: Store, meetingId: string): Result<{ meetingId: string; title: string; receipts: string[] }> {
  const found = findMeeting(store, meetingId);
  if (!found.ok) return found;
  // Listing receipts while ballots arrive would let someone watch a receipt appear: after close only.
  if (!resultsAvailable(meetingStatus(found.value.status))) return fail('voting_not_closed', { action: 'receipts' });
  if (ballotStore(store.db).isAnonymisationPending(meetingId)) return fail('anonymisation_pending');
  return ok({ meetingId, title: found.value.title, receipts: ballotStore(store.db).receipts(meetingId) });
}
