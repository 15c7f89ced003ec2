/**
 * Commitments and rectification entries (公开承诺, 整改措施, 整改反馈, 暗访督查, 委员会评定) per
 * object lineage and round (issue 16): dated, with a text and the role that recorded them —
 * never a voter, and nothing here touches a ballot.
 */
import type { Store } from '../../store/database';
import { getObject, objectKeyOf, objectsOfRound } from '../../store/objects';
import { getRound, listRounds } from '../../store/meetings';
import { deleteFollowup, followupsOfObject, getFollowup, insertFollowup } from '../../store/followups';
import type { ObjectFollowups } from '../../../../shared/api/chair/history';
import type { Followup, FollowupKind, RecorderRole } from '../../../../shared/history/model';
import { fail, ok, type Result } from '../../../../shared/domain/result';
import { newId } from '../../ids';
import { recordAudit } from '../audit';

export function addFollowup(
  store: Store,
  input: { objectId: string; kind: FollowupKind; datedOn: string; text: string; recordedBy: RecorderRole },
): Result<Followup> {
  const object = getObject(store, input.objectId);
  if (object === null) return fail('object_not_found');
  const text = input.text.trim();
  if (text === '') return fail('field_empty', { field: 'followupText' }, { field: 'text' });
  const entry = { id: newId(), objectKey: objectKeyOf(store, object.id) ?? object.id, roundId: object.roundId, kind: input.kind, datedOn: input.datedOn, text, recordedBy: input.recordedBy };
  store.transaction(() => {
    insertFollowup(store, entry);
    recordAudit(store, null, 'add_followup', { kind: input.kind, object: `${object.department} ${object.name}` });
  });
  return ok(entry);
}

export function removeFollowup(store: Store, followupId: string): Result<{ id: string }> {
  const found = getFollowup(store, followupId);
  if (found === null) return fail('followup_not_found');
  store.transaction(() => {
    deleteFollowup(store, followupId);
    recordAudit(store, null, 'remove_followup', { kind: found.kind });
  });
  return ok({ id: followupId });
}

/**
 * Per object of the round, its lineage's entries of this and every earlier round (what setup and
 * results show next to the object: the commitments made and the rectification reported since).
 */
export function roundFollowups(store: Store, roundId: string): Result<ObjectFollowups[]> {
  const round = getRound(store, roundId);
  if (round === null) return fail('round_not_found');
  const rounds = listRounds(store).filter((r) => r.campaignId === round.campaignId && !r.rehearsal);
  const upTo = rounds.findIndex((r) => r.id === roundId);
  const names = new Map(rounds.map((r, i) => [r.id, { name: r.name, index: i }]));
  return ok(
    objectsOfRound(store, roundId).map((o) => {
      const objectKey = objectKeyOf(store, o.id) ?? o.id;
      const entries = followupsOfObject(store, objectKey)
        .filter((f) => (names.get(f.roundId)?.index ?? Infinity) <= upTo)
        .map((f) => ({ ...f, round: names.get(f.roundId)?.name ?? '' }));
      return { objectId: o.id, objectKey, entries };
    }),
  );
}
