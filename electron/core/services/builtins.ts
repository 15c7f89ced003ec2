import type { Store } from '../store/database';
import { BUILTIN_INDICATOR_SETS } from '../../../shared/domain/defaults';

/** Makes sure the built-in indicator sets (群众评科长, 最难办事科室) exist in this database. */
export function ensureBuiltins(store: Store): void {
  const insert = store.db.prepare('INSERT OR IGNORE INTO indicator_sets (id, name, builtin, indicators_json) VALUES (?, ?, 1, ?)');
  store.transaction(() => {
    for (const set of BUILTIN_INDICATOR_SETS) insert.run(set.id, set.name, JSON.stringify(set.indicators));
  });
}
