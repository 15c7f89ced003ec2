/** Indicator sets (指标体系): built-in and custom, each with its indicators as a JSON column. */
import type { Store } from './database';
import type { IndicatorSetRow } from './rows';
import { prepared } from './statements';
import { parseJsonColumn } from './json-column';
import type { IndicatorSet } from '../../../shared/domain/model';
import { storedIndicatorsSchema } from '../../../shared/domain/stored-schemas';

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
