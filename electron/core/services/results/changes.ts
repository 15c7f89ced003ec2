/**
 * What the chair changes about results: vetoes (一票否决) and marking results official. Once a
 * meeting is official nothing about it changes; every change is in the audit trail.
 */
import type { Store } from '../../store/database';
import type { EventHub } from '../../events';
import type { VetoView } from '../../../../shared/api/chair/results';
import type { MeetingStatus } from '../../../../shared/domain/model';
import { err, ok, type Result } from '../../../../shared/domain/result';
import { findMeeting, meetingDefinition } from '../meetings';
import { recordAudit } from '../audit';
import { isOfficial, mayMarkOfficial, mayRecordVeto, meetingStatus, resultsAvailable } from '../../../../shared/domain/lifecycle';
import { ANONYMISATION_PENDING } from './meeting-data';
import { ballotStore } from '../../store/ballot-store';
import { deleteVeto, listVetoes, upsertVeto, vetoCount } from '../../store/vetoes';
import { plainBallotCount } from '../../store/counts';
import { markClosedMeetingOfficial } from '../../store/meetings';

/** The refusal every results change gives for an official meeting. */
export const OFFICIAL_REFUSAL = '结果已确认为正式结果，本场会议不能再作任何修改。如确有错误，请按规定另行处理并书面说明。';

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
  if (isOfficial(status)) return err('results_official', OFFICIAL_REFUSAL);
  // A veto is a decision on results: while ballots may still arrive there are none to decide on.
  if (!mayRecordVeto(status)) return err('voting_not_closed', '投票结束后才能记录一票否决：请先在“投票”页结束投票。');
  const reason = input.reason.trim();
  if (reason === '') return err('veto_reason', '请写明一票否决的理由（例如经查实的吃拿卡要问题），理由会印在结果表上。');
  const names = new Map(meetingDefinition(store, found.value).objects.map((o) => [o.id, o.name]));
  if (!names.has(input.objectId)) return err('object_not_found', '这场会议没有这个评议对象，请刷新后重新选择。');
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
  if (isOfficial(status)) return err('results_official', OFFICIAL_REFUSAL);
  if (!mayRecordVeto(status)) return err('voting_not_closed', '投票结束后才能记录一票否决：请先在“投票”页结束投票。');
  const names = new Map(meetingDefinition(store, found.value).objects.map((o) => [o.id, o.name]));
  const removed = store.transaction(() => {
    const deleted = deleteVeto(store, input.meetingId, input.objectId);
    if (deleted) recordAudit(store, input.meetingId, 'clear_veto', { object: names.get(input.objectId) ?? input.objectId });
    return deleted;
  });
  if (!removed) return err('veto_not_found', '这个评议对象没有一票否决记录，请刷新后再看。');
  events.emit({ type: 'changed', meetingId: input.meetingId });
  return ok(vetoList(store, input.meetingId, names));
}

/** Closed → official. After this, results, vetoes and every other area refuse changes. */
export function markOfficial(store: Store, events: EventHub, meetingId: string): Result<{ meetingId: string; status: MeetingStatus }> {
  const found = findMeeting(store, meetingId);
  if (!found.ok) return found;
  const status = meetingStatus(found.value.status);
  if (isOfficial(status)) return err('results_official', '结果已经是正式结果了。');
  if (!mayMarkOfficial(status)) return err('voting_not_closed', '投票结束后才能确认结果：请先在“投票”页结束投票。');
  store.transaction(() => {
    if (!markClosedMeetingOfficial(store, meetingId)) throw new Error('meeting left the closed state while being marked official');
    recordAudit(store, meetingId, 'mark_official', { ballots: plainBallotCount(store, meetingId), vetoes: vetoCount(store, meetingId) });
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
  if (!resultsAvailable(meetingStatus(found.value.status))) return err('voting_not_closed', '投票结束后才能公布回执码清单。');
  if (ballotStore(store.db).isAnonymisationPending(meetingId)) return err('anonymisation_pending', ANONYMISATION_PENDING);
  return ok({ meetingId, title: found.value.title, receipts: ballotStore(store.db).receipts(meetingId) });
}
