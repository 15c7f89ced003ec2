/**
 * A round's evaluation objects (评议对象) and its category → indicator set mapping (分类差异化考核).
 * Objects belong to the round, so every change is refused once any meeting of the round has
 * opened. An object's indicator set always follows its category's mapping (群众评科长 when unmapped).
 */
import { z } from 'zod';
import type { Store } from '../../store/database';
import type { IndicatorSetRow, ObjectRow, RoundRow } from '../../store/rows';
import type { SetupObject } from '../../../../shared/api/chair/setup';
import type { ObjectDraft } from '../../../../shared/setup/objects';
import { DEFAULT_OBJECT_CATEGORY } from '../../../../shared/setup/objects';
import { SET_CHIEF } from '../../../../shared/domain/defaults';
import { err, ok, type Result } from '../../../../shared/domain/result';
import { newId } from '../../ids';
import { recordAudit } from '../audit';
import { editableRound, isReorderOf, nextPosition, optionalText, requiredText, writePositions } from './checks';

const categorySetsSchema = z.record(z.string(), z.string());

/** The round's mapping as stored (a JSON object category → set id). */
export function categorySets(round: Pick<RoundRow, 'category_sets_json'>): Record<string, string> {
  const parsed = categorySetsSchema.safeParse(JSON.parse(round.category_sets_json));
  return parsed.success ? parsed.data : {};
}

/** The indicator set objects of this category are graded on. */
export function setForCategory(round: Pick<RoundRow, 'category_sets_json'>, category: string): string {
  return categorySets(round)[category] ?? SET_CHIEF.id;
}

export function toSetupObject(row: ObjectRow): SetupObject {
  return { id: row.id, name: row.name, department: row.department, category: row.category, indicatorSetId: row.indicator_set_id };
}

export function roundObjects(store: Store, roundId: string): SetupObject[] {
  return (store.db.prepare('SELECT * FROM objects WHERE round_id = ? ORDER BY position').all(roundId) as ObjectRow[]).map(toSetupObject);
}

function findObject(store: Store, objectId: string): Result<ObjectRow> {
  const row = store.db.prepare('SELECT * FROM objects WHERE id = ?').get(objectId) as ObjectRow | undefined;
  return row ? ok(row) : err('object_not_found', '找不到这个评议对象，可能已被删除，请刷新后再试。');
}

/** Cleans and checks one object's fields; the same department and name twice in a round is refused. */
function checkObject(store: Store, roundId: string, input: { name: string; department: string; category: string }, exceptId: string): Result<ObjectDraft> {
  const name = requiredText(input.name, '评议对象名称', { name: true });
  if (!name.ok) return name;
  const department = optionalText(input.department, '单位');
  if (!department.ok) return department;
  const category = optionalText(input.category, '类别');
  if (!category.ok) return category;
  const clash = store.db
    .prepare('SELECT 1 FROM objects WHERE round_id = ? AND name = ? AND department = ? AND id <> ?')
    .get(roundId, name.value, department.value, exceptId);
  if (clash) {
    const shown = `${department.value === '' ? '' : `${department.value} `}${name.value}`;
    return err('duplicate_name', `本轮已有评议对象“${shown}”（同一单位下的同名评议对象只能有一个），请检查是否重复添加。`, { field: 'name' });
  }
  return ok({ name: name.value, department: department.value, category: category.value === '' ? DEFAULT_OBJECT_CATEGORY : category.value });
}

export function addObject(store: Store, input: { roundId: string; name: string; department: string; category: string }): Result<SetupObject> {
  const round = editableRound(store, input.roundId);
  if (!round.ok) return round;
  const draft = checkObject(store, input.roundId, input, '');
  if (!draft.ok) return draft;
  const id = newId();
  store.db
    .prepare('INSERT INTO objects (id, round_id, name, department, category, indicator_set_id, position) VALUES (?, ?, ?, ?, ?, ?, ?)')
    .run(id, input.roundId, draft.value.name, draft.value.department, draft.value.category, setForCategory(round.value, draft.value.category), nextPosition(store, 'objects', 'round_id = ?', input.roundId));
  return ok(toSetupObject(store.db.prepare('SELECT * FROM objects WHERE id = ?').get(id) as ObjectRow));
}

export function updateObject(store: Store, input: { objectId: string; name: string; department: string; category: string }): Result<SetupObject> {
  const object = findObject(store, input.objectId);
  if (!object.ok) return object;
  const round = editableRound(store, object.value.round_id);
  if (!round.ok) return round;
  const draft = checkObject(store, object.value.round_id, input, input.objectId);
  if (!draft.ok) return draft;
  store.db
    .prepare('UPDATE objects SET name = ?, department = ?, category = ?, indicator_set_id = ? WHERE id = ?')
    .run(draft.value.name, draft.value.department, draft.value.category, setForCategory(round.value, draft.value.category), input.objectId);
  return ok(toSetupObject(store.db.prepare('SELECT * FROM objects WHERE id = ?').get(input.objectId) as ObjectRow));
}

export function removeObject(store: Store, objectId: string): Result<{ id: string }> {
  const object = findObject(store, objectId);
  if (!object.ok) return object;
  const round = editableRound(store, object.value.round_id);
  if (!round.ok) return round;
  store.transaction(() => {
    store.db.prepare('DELETE FROM objects WHERE id = ?').run(objectId);
    recordAudit(store, null, 'remove_object', { name: object.value.name });
  });
  return ok({ id: objectId });
}

/** Puts the round's objects in the given order; the list must hold each of the round's objects exactly once. */
export function reorderObjects(store: Store, input: { roundId: string; objectIds: readonly string[] }): Result<SetupObject[]> {
  const round = editableRound(store, input.roundId);
  if (!round.ok) return round;
  if (!isReorderOf(roundObjects(store, input.roundId).map((o) => o.id), input.objectIds)) {
    return err('reorder_mismatch', '评议对象列表已在别处被修改，顺序没有保存。请刷新后重新排序。');
  }
  writePositions(store, 'objects', input.objectIds);
  return ok(roundObjects(store, input.roundId));
}

/** Grades the round's objects of one category on the given indicator set, now and for objects added later. */
export function setCategorySet(store: Store, input: { roundId: string; category: string; indicatorSetId: string }): Result<{ category: string; indicatorSetId: string }> {
  const round = editableRound(store, input.roundId);
  if (!round.ok) return round;
  const category = requiredText(input.category, '类别');
  if (!category.ok) return category;
  const set = store.db.prepare('SELECT * FROM indicator_sets WHERE id = ?').get(input.indicatorSetId) as IndicatorSetRow | undefined;
  if (!set) return err('indicator_set_not_found', '找不到这个指标体系，可能已被删除，请刷新后重新选择。');
  const mapping = { ...categorySets(round.value), [category.value]: input.indicatorSetId };
  store.transaction(() => {
    store.db.prepare('UPDATE rounds SET category_sets_json = ? WHERE id = ?').run(JSON.stringify(mapping), input.roundId);
    store.db.prepare('UPDATE objects SET indicator_set_id = ? WHERE round_id = ? AND category = ?').run(input.indicatorSetId, input.roundId, category.value);
  });
  return ok({ category: category.value, indicatorSetId: input.indicatorSetId });
}

/**
 * Saves imported objects: 'replace' removes the round's objects first, 'append' adds after them.
 * The caller has checked the round is editable and the drafts are valid and not duplicates.
 */
export function saveObjectDrafts(store: Store, round: RoundRow, drafts: readonly ObjectDraft[], mode: 'replace' | 'append'): void {
  store.transaction(() => {
    if (mode === 'replace') store.db.prepare('DELETE FROM objects WHERE round_id = ?').run(round.id);
    const start = nextPosition(store, 'objects', 'round_id = ?', round.id);
    const insert = store.db.prepare('INSERT INTO objects (id, round_id, name, department, category, indicator_set_id, position) VALUES (?, ?, ?, ?, ?, ?, ?)');
    drafts.forEach((d, i) => insert.run(newId(), round.id, d.name, d.department, d.category, setForCategory(round, d.category), start + i));
    recordAudit(store, null, 'import_objects', { mode, rows: drafts.length });
  });
}
