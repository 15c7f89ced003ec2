import type { Store } from '../store/database';
import { insertIndicatorSet } from '../store/indicator-sets';
import { BUILTIN_INDICATOR_SETS } from '../../../shared/domain/defaults';

/** Makes sure the built-in indicator sets (群众评科长, 最难办事科室) exist in this database. */
export function ensureBuiltins(store: Store): void {
  store.transaction(() => {
    for (const set of BUILTIN_INDICATOR_SETS) insertIndicatorSet(store, set, { builtin: true, ifMissing: true });
  });
}
