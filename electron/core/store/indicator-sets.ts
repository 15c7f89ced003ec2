/** Indicator sets (指标体系): built-in and custom, each with its indicators as a JSON column. */
import type { Store } from './database';
import type { IndicatorSetRow } from './rows';
import { prepared } from './statements';
import { parseJsonColumn } from './json-column';
import type { IndicatorSet } from '../../../shared/domain/model';
import { storedIndicatorsSchema } from '../../../shared/domain/stored-schemas';
import { mayEditSetup } from '../../../shared/domain/lifecycle';
import { statusIn } from './status-sql';

export interface StoredIndicatorSet extends IndicatorSet {
  readonly builtin: boolean;
}

export function toIndicatorSet(row: IndicatorSetRow): StoredIndicatorSet {
  return {
    id: row.id,
    name: row.name,
    builtin: row.builtin === 1,
    indicators: parseJsonColumn(storedIndicatorsSchema, row.indicators_json, { table: 'indicator_sets', column: 'indicators_json', key: row.id }),
  };
}

export function getIndicatorSet(store: Store, setId: string): StoredIndicatorSet | null {
  const row = prepared(store.db, 'SELECT * FROM indicator_sets WHERE id = ?').get(setId) as IndicatorSetRow | undefined;
  return row ? toIndicatorSet(row) : null;
}

/** Built-in sets first, then custom sets by name. */
export function listIndicatorSets(store: Store): StoredIndicatorSet[] {
  return (prepared(store.db, 'SELECT * FROM indicator_sets ORDER BY builtin DESC, name').all() as IndicatorSetRow[]).map(toIndicatorSet);
}

/** True when another set (not `exceptId`) already has this name. */
export function indicatorSetNameTaken(store: Store, name: string, exceptId = ''): boolean {
  return prepared(store.db, 'SELECT 1 FROM indicator_sets WHERE name = ? AND id <> ?').get(name, exceptId) !== undefined;
}

/** Inserts a set, or replaces a set's name and indicators when the id exists (INSERT OR IGNORE for built-ins). */
export function insertIndicatorSet(store: Store, set: IndicatorSet, options: { builtin: boolean; ifMissing?: boolean }): void {
  const verb = options.ifMissing ? 'INSERT OR IGNORE' : 'INSERT';
  prepared(store.db, `${verb} INTO indicator_sets (id, name, builtin, indicators_json) VALUES (?, ?, ?, ?)`).run(set.id, set.name, options.builtin ? 1 : 0, JSON.stringify(set.indicators));
}

export function updateIndicatorSet(store: Store, set: IndicatorSet): void {
  prepared(store.db, 'UPDATE indicator_sets SET name = ?, indicators_json = ? WHERE id = ?').run(set.name, JSON.stringify(set.indicators), set.id);
}

export function deleteIndicatorSet(store: Store, setId: string): void {
  prepared(store.db, 'DELETE FROM indicator_sets WHERE id = ?').run(setId);
}

/** How many objects (of any round) are graded on this set. */
export function objectsUsingSet(store: Store, setId: string): number {
  return (prepared(store.db, 'SELECT COUNT(*) AS n FROM objects WHERE indicator_set_id = ?').get(setId) as { n: number }).n;
}

/** The title of a meeting whose voting has opened and whose round grades an object on this set, or null. */
export function frozenMeetingUsingSet(store: Store, setId: string): string | null {
  const row = prepared(
    store.db,
    `SELECT m.title FROM objects o JOIN meetings m ON m.round_id = o.round_id
     WHERE o.indicator_set_id = ? AND ${statusIn('m.status', (s) => !mayEditSetup(s))} LIMIT 1`,
  ).get(setId) as { title: string } | undefined;
  return row?.title ?? null;
}
