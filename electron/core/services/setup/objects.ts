/**
 * A round's evaluation objects (评议对象) and its category → indicator set mapping (分类差异化考核).
 * Objects belong to the round, so every change is refused once any meeting of the round has
 * opened. An object's indicator set always follows its category's mapping (群众评科长 when unmapped).
 */
import type { Store } from '../../store/database';
import * as objects from '../../store/objects';
import type { RoundObject } from '../../store/objects';
import { setRoundCategorySets, type Round } from '../../store/meetings';
import { getIndicatorSet } from '../../store/indicator-sets';
import type { EvalObject } from '../../../../shared/domain/model';
import type { SetupObject } from '../../../../shared/api/chair/setup';
import type { ObjectDraft } from '../../../../shared/setup/objects';
import { DEFAULT_OBJECT_CATEGORY } from '../../../../shared/setup/objects';
import { SET_CHIEF } from '../../../../shared/domain/defaults';
import { fail, ok, type Result } from '../../../../shared/domain/result';
import { newId } from '../../ids';
import { recordRoundAudit } from '../audit';
import { editableRound, isReorderOf, optionalText, requiredText } from './checks';

/** The round's mapping (a category → set id). */
export function categorySets(round: Pick<Round, 'categorySets'>): Record<string, string> {
  return { ...round.categorySets };
}

/** The indicator set objects of this category are graded on. */
export function setForCategory(round: Pick<Round, 'categorySets'>, category: string): string {
  return round.categorySets[category] ?? SET_CHIEF.id;
}

export function toSetupObject(object: EvalObject): SetupObject {
  return { id: object.id, name: object.name, department: object.department, category: object.category, indicatorSetId: object.indicatorSetId };
}

export function roundObjects(store: Store, roundId: string): SetupObject[] {
  return objects.objectsOfRound(store, roundId).map(toSetupObject);
}

function findObject(store: Store, objectId: string): Result<RoundObject> {
  const object = objects.getObject(store, objectId);
  return object ? ok(object) : fail('object_not_found', { scope: 'round' });
}

/** An object just written: it exists, so a miss is a bug. */
function written(store: Store, objectId: string): SetupObject {
  const object = objects.getObject(store, objectId);
  if (!object) throw new Error(`object ${objectId} was written but cannot be read back`);
  return toSetupObject(object);
}

/** Cleans and checks one object's fields; the same department and name twice in a round is refused. */
function checkObject(store: Store, roundId: string, input: { name: string; department: string; category: string }, exceptId: string): Result<ObjectDraft> {
  const name = requiredText(input.name, { field: 'objectName' }, { name: true });
  if (!name.ok) return name;
  const department = optionalText(input.department, { field: 'department' });
  if (!department.ok) return department;
  const category = optionalText(input.category, { field: 'category' });
  if (!category.ok) return category;
  if (objects.objectNameTaken(store, roundId, name.value, department.value, exceptId)) {
    return fail('duplicate_name', { target: 'object', field: 'objectName', name: name.value, unit: department.value });
  }
  return ok({ name: name.value, department: department.value, category: category.value === '' ? DEFAULT_OBJECT_CATEGORY : category.value });
}

export function addObject(store: Store, input: { roundId: string; name: string; department: string; category: string }): Result<SetupObject> {
  const round = editableRound(store, input.roundId);
  if (!round.ok) return round;
  const draft = checkObject(store, input.roundId, input, '');
  if (!draft.ok) return draft;
  const id = newId();
  objects.insertObjects(store, input.roundId, [{ id, ...draft.value, indicatorSetId: setForCategory(round.value, draft.value.category) }]);
  return ok(written(store, id));
}

export function updateObject(store: Store, input: { objectId: string; name: string; department: string; category: string }): Result<SetupObject> {
  const object = findObject(store, input.objectId);
  if (!object.ok) return object;
  const round = editableRound(store, object.value.roundId);
  if (!round.ok) return round;
  const draft = checkObject(store, object.value.roundId, input, input.objectId);
  if (!draft.ok) return draft;
  objects.updateObject(store, input.objectId, { ...draft.value, indicatorSetId: setForCategory(round.value, draft.value.category) });
  return ok(written(store, input.objectId));
}

export function removeObject(store: Store, objectId: string): Result<{ id: string }> {
  const object = findObject(store, objectId);
  if (!object.ok) return object;
  const round = editableRound(store, object.value.roundId);
  if (!round.ok) return round;
  store.transaction(() => {
    objects.deleteObject(store, objectId);
    recordRoundAudit(store, object.value.roundId, 'remove_object', { name: object.value.name });
  });
  return ok({ id: objectId });
}

/** Puts the round's objects in the given order; the list must hold each of the round's objects exactly once. */
export function reorderObjects(store: Store, input: { roundId: string; objectIds: readonly string[] }): Result<SetupObject[]> {
  const round = editableRound(store, input.roundId);
  if (!round.ok) return round;
  if (!isReorderOf(roundObjects(store, input.roundId).map((o) => o.id), input.objectIds)) {
    return fail('reorder_mismatch', { target: 'objects' });
  }
  store.transaction(() => objects.writeObjectPositions(store, input.objectIds));
  return ok(roundObjects(store, input.roundId));
}

/** Grades the round's objects of one category on the given indicator set, now and for objects added later. */
export function setCategorySet(store: Store, input: { roundId: string; category: string; indicatorSetId: string }): Result<{ category: string; indicatorSetId: string }> {
  const round = editableRound(store, input.roundId);
  if (!round.ok) return round;
  const category = requiredText(input.category, { field: 'category' });
  if (!category.ok) return category;
  if (!getIndicatorSet(store, input.indicatorSetId)) return fail('indicator_set_not_found');
  const mapping = { ...round.value.categorySets, [category.value]: input.indicatorSetId };
  store.transaction(() => {
    setRoundCategorySets(store, input.roundId, mapping);
    objects.setIndicatorSetOfCategory(store, input.roundId, category.value, input.indicatorSetId);
  });
  return ok({ category: category.value, indicatorSetId: input.indicatorSetId });
}

/**
 * Saves imported objects: 'replace' removes the round's objects first, 'append' adds after them.
 * The caller has checked the round is editable and the drafts are valid and not duplicates.
 */
export function saveObjectDrafts(store: Store, round: Round, drafts: readonly ObjectDraft[], mode: 'replace' | 'append', keys: readonly (string | undefined)[] = []): void {
  store.transaction(() => {
    if (mode === 'replace') objects.deleteObjectsOfRound(store, round.id);
    // i16: each row's lineage key (undefined: a new lineage of its own).
    objects.insertObjects(store, round.id, drafts.map((d, i) => ({ id: newId(), ...d, indicatorSetId: setForCategory(round, d.category), objectKey: keys[i] })));
    recordRoundAudit(store, round.id, 'import_objects', { mode, rows: drafts.length });
  });
}
