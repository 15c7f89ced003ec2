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

/**
 * Copies the objects of one round into another (new ids, same order, the same lineage key: the
 * copy is the same object in the next round); returns how many. Call inside a transaction.
 */
export function copyObjects(store: Store, fromRoundId: string, toRoundId: string, newId: () => string): number {
  const rows = prepared(store.db, 'SELECT * FROM objects WHERE round_id = ? ORDER BY position').all(fromRoundId) as ObjectRow[];
  const insert = prepared(store.db, 'INSERT INTO objects (id, round_id, name, department, category, indicator_set_id, position, object_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  rows.forEach((o, i) => insert.run(newId(), toRoundId, o.name, o.department, o.category, o.indicator_set_id, i + 1, keyOf(o)));
  return rows.length;
}

/** The lineage key of a row (rows from before lineage existed are their own lineage). */
function keyOf(row: ObjectRow): string {
  return row.object_key ?? row.id;
}

/** Object id → lineage key for the objects of a round. */
export function objectKeysOfRound(store: Store, roundId: string): Map<string, string> {
  const rows = prepared(store.db, 'SELECT id, object_key FROM objects WHERE round_id = ?').all(roundId) as Pick<ObjectRow, 'id' | 'object_key'>[];
  return new Map(rows.map((r) => [r.id, r.object_key ?? r.id]));
}

/** The lineage key of one object; null when there is no such object. */
export function objectKeyOf(store: Store, objectId: string): string | null {
  const row = prepared(store.db, 'SELECT id, object_key FROM objects WHERE id = ?').get(objectId) as Pick<ObjectRow, 'id' | 'object_key'> | undefined;
  return row === undefined ? null : (row.object_key ?? row.id);
}

/** Gives an object another lineage key (merge into another lineage, or split off a new one). */
export function setObjectKey(store: Store, objectId: string, objectKey: string): void {
  prepared(store.db, 'UPDATE objects SET object_key = ? WHERE id = ?').run(objectKey, objectId);
}

/** An object of a campaign with its round and lineage. */
export interface LineageObject extends EvalObject {
  readonly roundId: string;
  readonly objectKey: string;
}

/** Every object of a campaign's rounds with its lineage key, by round order then position. */
export function objectsOfCampaign(store: Store, campaignId: string): LineageObject[] {
  const rows = prepared(
    store.db,
    'SELECT o.* FROM objects o JOIN rounds r ON r.id = o.round_id WHERE r.campaign_id = ? ORDER BY r.position, o.position',
  ).all(campaignId) as ObjectRow[];
  return rows.map((row) => ({ ...toObject(row), roundId: row.round_id, objectKey: keyOf(row) }));
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

/**
 * Appends objects at the end of the round, in the given order; an object without a lineage key
 * starts its own lineage (its id). Call inside a transaction for several.
 */
export function insertObjects(store: Store, roundId: string, objects: readonly (ObjectFields & { id: string; objectKey?: string | undefined })[]): void {
  const start = nextObjectPosition(store, roundId);
  const insert = prepared(store.db, 'INSERT INTO objects (id, round_id, name, department, category, indicator_set_id, position, object_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  objects.forEach((o, i) => insert.run(o.id, roundId, o.name, o.department, o.category, o.indicatorSetId, start + i, o.objectKey ?? o.id));
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
