/** A round's evaluation objects (the objects table), read as EvalObject records. */
import type { Store } from './database';
import type { ObjectRow } from './rows';
import { prepared } from './statements';
import type { EvalObject } from '../../../shared/domain/model';

function toObject(row: ObjectRow): EvalObject {
  return { id: row.id, name: row.name, department: row.department, category: row.category, indicatorSetId: row.indicator_set_id };
}

/** The round's objects in the chair's order. */
export function objectsOfRound(store: Store, roundId: string): EvalObject[] {
  return (prepared(store.db, 'SELECT * FROM objects WHERE round_id = ? ORDER BY position').all(roundId) as ObjectRow[]).map(toObject);
}

/** The position after the round's last object. */
export function nextObjectPosition(store: Store, roundId: string): number {
  return (prepared(store.db, 'SELECT COALESCE(MAX(position), 0) + 1 AS p FROM objects WHERE round_id = ?').get(roundId) as { p: number }).p;
}

/** Each object's position becomes its place in `ids` (1-based). Call inside a transaction. */
export function writeObjectPositions(store: Store, ids: readonly string[]): void {
  const update = prepared(store.db, 'UPDATE objects SET position = ? WHERE id = ?');
  ids.forEach((id, i) => update.run(i + 1, id));
}

/** Copies the objects of one round into another (new ids, same order); returns how many. Call inside a transaction. */
export function copyObjects(store: Store, fromRoundId: string, toRoundId: string, newId: () => string): number {
  const objects = objectsOfRound(store, fromRoundId);
  const insert = prepared(store.db, 'INSERT INTO objects (id, round_id, name, department, category, indicator_set_id, position) VALUES (?, ?, ?, ?, ?, ?, ?)');
  objects.forEach((o, i) => insert.run(newId(), toRoundId, o.name, o.department, o.category, o.indicatorSetId, i + 1));
  return objects.length;
}

/** One object with the round it belongs to. */
export interface RoundObject extends EvalObject {
  readonly roundId: string;
}

export function getObject(store: Store, objectId: string): RoundObject | null {
  const row = prepared(store.db, 'SELECT * FROM objects WHERE id = ?').get(objectId) as ObjectRow | undefined;
  return row ? { ...toObject(row), roundId: row.round_id } : null;
}

/** True when another object of the round (not `exceptId`) has this name in this department. */
export function objectNameTaken(store: Store, roundId: string, name: string, department: string, exceptId = ''): boolean {
  return prepared(store.db, 'SELECT 1 FROM objects WHERE round_id = ? AND name = ? AND department = ? AND id <> ?').get(roundId, name, department, exceptId) !== undefined;
}

/** The plain fields of an object as the chair edits them. */
export interface ObjectFields {
  readonly name: string;
  readonly department: string;
  readonly category: string;
  readonly indicatorSetId: string;
}

/** Appends objects at the end of the round, in the given order. Call inside a transaction for several. */
export function insertObjects(store: Store, roundId: string, objects: readonly (ObjectFields & { id: string })[]): void {
  const start = nextObjectPosition(store, roundId);
  const insert = prepared(store.db, 'INSERT INTO objects (id, round_id, name, department, category, indicator_set_id, position) VALUES (?, ?, ?, ?, ?, ?, ?)');
  objects.forEach((o, i) => insert.run(o.id, roundId, o.name, o.department, o.category, o.indicatorSetId, start + i));
}

export function updateObject(store: Store, objectId: string, fields: ObjectFields): void {
  prepared(store.db, 'UPDATE objects SET name = ?, department = ?, category = ?, indicator_set_id = ? WHERE id = ?').run(
    fields.name,
    fields.department,
    fields.category,
    fields.indicatorSetId,
    objectId,
  );
}

export function deleteObject(store: Store, objectId: string): void {
  prepared(store.db, 'DELETE FROM objects WHERE id = ?').run(objectId);
}

export function deleteObjectsOfRound(store: Store, roundId: string): void {
  prepared(store.db, 'DELETE FROM objects WHERE round_id = ?').run(roundId);
}

/** Moves every object of one category in the round to an indicator set. */
export function setIndicatorSetOfCategory(store: Store, roundId: string, category: string, indicatorSetId: string): void {
  prepared(store.db, 'UPDATE objects SET indicator_set_id = ? WHERE round_id = ? AND category = ?').run(indicatorSetId, roundId, category);
}
