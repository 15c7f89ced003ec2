/**
 * Object identity across rounds (issue 16). Every object carries a lineage key: copyRound keeps
 * it, an import matched on department + name takes the previous round's key, and the chair can
 * merge two lineages (a rename the match missed) or split one (a wrong match, a section split
 * in two). A lineage has at most one object per round. Identity is not part of a frozen
 * definition, so it may be corrected after voting too: results and ballots do not change.
 */
import type { Store } from '../../store/database';
import { getObject, objectKeyOf, objectsOfCampaign, objectsOfRound, setObjectKey, type LineageObject } from '../../store/objects';
import { getRound, listRounds } from '../../store/meetings';
import { moveHistory, moveRoundHistory } from '../../store/history';
import { moveFollowups, moveRoundFollowups } from '../../store/followups';
import { withTransaction } from '../../store/transaction';
import type { LineageLink, LineagePreview } from '../../../../shared/api/chair/history';
import type { ObjectDraft } from '../../../../shared/setup/objects';
import { fail, ok, type Result } from '../../../../shared/domain/result';
import { newId } from '../../ids';
import { recordAudit } from '../audit';

const keyOfPlace = (department: string, name: string): string => `${department}\u0000${name}`;

/** The round before `roundId` in its campaign, or null for the first. */
function previousRoundId(store: Store, roundId: string): string | null {
  const round = getRound(store, roundId);
  if (round === null) return null;
  const rounds = listRounds(store).filter((r) => r.campaignId === round.campaignId);
  const at = rounds.findIndex((r) => r.id === roundId);
  return at > 0 ? (rounds[at - 1]?.id ?? null) : null;
}

/** The lineage keys of the previous round's objects, by department + name. */
function previousKeys(store: Store, roundId: string): { roundId: string | null; objects: LineageObject[] } {
  const previous = previousRoundId(store, roundId);
  if (previous === null) return { roundId: null, objects: [] };
  const round = getRound(store, previous);
  const all = round === null ? [] : objectsOfCampaign(store, round.campaignId);
  return { roundId: previous, objects: all.filter((o) => o.roundId === previous) };
}

/**
 * What importing `drafts` into the round means for identity: rows matching an object of the
 * previous round (department + name), likely renames (in a department, new rows and removed
 * objects), new rows, and removed objects. A rename is only suggested; the secretary confirms it.
 */
export function lineagePreview(store: Store, roundId: string, drafts: readonly Pick<ObjectDraft, 'department' | 'name'>[]): LineagePreview {
  const previous = previousKeys(store, roundId);
  const byPlace = new Map(previous.objects.map((o) => [keyOfPlace(o.department, o.name), o]));
  const matched = new Set<string>();
  const matches: LineagePreview['matches'][number][] = [];
  const unmatched: { department: string; name: string }[] = [];
  for (const d of drafts) {
    const found = byPlace.get(keyOfPlace(d.department, d.name));
    if (found === undefined) unmatched.push({ department: d.department, name: d.name });
    else {
      matched.add(found.objectKey);
      matches.push({ department: d.department, name: d.name, objectKey: found.objectKey });
    }
  }
  const removed = previous.objects.filter((o) => !matched.has(o.objectKey)).map((o) => ({ department: o.department, name: o.name, objectKey: o.objectKey }));
  // A rename is suggested where a department has new rows and removed objects: paired in order.
  const renames: LineagePreview['renames'][number][] = [];
  const added: LineagePreview['added'][number][] = [];
  const removedLeft = [...removed];
  for (const row of unmatched) {
    const at = removedLeft.findIndex((r) => r.department === row.department);
    const gone = at < 0 ? undefined : removedLeft.splice(at, 1)[0];
    if (gone === undefined) added.push(row);
    else renames.push({ department: row.department, name: row.name, fromName: gone.name, objectKey: gone.objectKey });
  }
  const roundName = previous.roundId === null ? null : (getRound(store, previous.roundId)?.name ?? null);
  // A suggested rename is not also listed as removed.
  return { matches, renames, added, removed: removedLeft, previousRound: roundName };
}

/**
 * The lineage key each imported row takes: an exact match with the previous round, a rename the
 * secretary confirmed (`links`), else a new lineage (undefined: the new object's own id).
 */
export function importedKeys(store: Store, roundId: string, drafts: readonly Pick<ObjectDraft, 'department' | 'name'>[], links: readonly LineageLink[]): (string | undefined)[] {
  const previous = previousKeys(store, roundId);
  const byPlace = new Map(previous.objects.map((o) => [keyOfPlace(o.department, o.name), o.objectKey]));
  const confirmed = new Map(links.filter((l) => previous.objects.some((o) => o.objectKey === l.objectKey)).map((l) => [keyOfPlace(l.department, l.name), l.objectKey]));
  const used = new Set<string>();
  return drafts.map((d) => {
    const place = keyOfPlace(d.department, d.name);
    const key = byPlace.get(place) ?? confirmed.get(place);
    // One object per lineage per round: a second row claiming it starts its own.
    if (key === undefined || used.has(key)) return undefined;
    used.add(key);
    return key;
  });
}

/** The round ids of a lineage's objects. */
function roundsOfLineage(store: Store, campaignId: string, key: string): Set<string> {
  return new Set(objectsOfCampaign(store, campaignId).filter((o) => o.objectKey === key).map((o) => o.roundId));
}

/** The whole lineage of `objectId` joins the lineage of `intoObjectId`, with its history and entries. */
export function mergeObjects(store: Store, input: { objectId: string; intoObjectId: string }): Result<{ objectKey: string }> {
  const object = getObject(store, input.objectId);
  const into = getObject(store, input.intoObjectId);
  if (object === null || into === null) return fail('object_not_found');
  const round = getRound(store, object.roundId);
  const intoRound = getRound(store, into.roundId);
  if (round === null || intoRound === null || round.campaignId !== intoRound.campaignId) return fail('object_not_found');
  const fromKey = objectKeyOf(store, object.id) ?? object.id;
  const toKey = objectKeyOf(store, into.id) ?? into.id;
  if (fromKey === toKey) return fail('lineage_same');
  const fromRounds = roundsOfLineage(store, round.campaignId, fromKey);
  const toRounds = roundsOfLineage(store, round.campaignId, toKey);
  const clash = [...fromRounds].find((r) => toRounds.has(r));
  if (clash !== undefined) return fail('lineage_conflict', {}, { roundId: clash });
  return withTransaction(store, () => {
    for (const o of objectsOfCampaign(store, round.campaignId)) if (o.objectKey === fromKey) setObjectKey(store, o.id, toKey);
    moveHistory(store, fromKey, toKey);
    moveFollowups(store, fromKey, toKey);
    recordAudit(store, null, 'merge_objects', { object: `${object.department} ${object.name}`, into: `${into.department} ${into.name}` });
    return ok({ objectKey: toKey });
  });
}

/** `objectId` and its lineage's objects of later rounds start a new lineage, with their history and entries. */
export function splitObject(store: Store, objectId: string): Result<{ objectKey: string }> {
  const object = getObject(store, objectId);
  if (object === null) return fail('object_not_found');
  const round = getRound(store, object.roundId);
  if (round === null) return fail('round_not_found');
  const fromKey = objectKeyOf(store, objectId) ?? objectId;
  const rounds = listRounds(store).filter((r) => r.campaignId === round.campaignId);
  const from = rounds.findIndex((r) => r.id === round.id);
  const later = new Set(rounds.slice(from).map((r) => r.id));
  const lineage = objectsOfCampaign(store, round.campaignId).filter((o) => o.objectKey === fromKey);
  if (lineage.every((o) => later.has(o.roundId))) return fail('lineage_same');
  const toKey = newId();
  return withTransaction(store, () => {
    for (const o of lineage) if (later.has(o.roundId)) setObjectKey(store, o.id, toKey);
    for (const roundId of later) {
      moveRoundHistory(store, roundId, fromKey, toKey);
      moveRoundFollowups(store, roundId, fromKey, toKey);
    }
    recordAudit(store, null, 'split_object', { object: `${object.department} ${object.name}` });
    return ok({ objectKey: toKey });
  });
}

/** Object id → lineage key for the round's objects (setup shows "continues 第三季度 …"). */
export function roundObjectKeys(store: Store, roundId: string): Map<string, string> {
  return new Map(objectsOfRound(store, roundId).map((o) => [o.id, objectKeyOf(store, o.id) ?? o.id]));
}
