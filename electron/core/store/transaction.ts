import type { Result } from '../../../shared/domain/result';
import type { Store } from './database';

/** Carries an error Result out of better-sqlite3's transaction so that it rolls back. */
class Rollback {
  constructor(readonly result: Result<never>) {}
}

/**
 * Runs `fn` in one IMMEDIATE transaction (a savepoint when nested) and commits only when it
 * returns an ok Result. An error Result rolls everything `fn` wrote back and is returned as is;
 * a throw rolls back and propagates. So a service can return `fail(...)` halfway through a
 * multi-step write without leaving half of it behind (vxsuite store.ts withTransaction).
 */
export function withTransaction<T>(store: Store, fn: () => Result<T>): Result<T> {
  try {
    return store.transaction(() => {
      const result = fn();
      if (!result.ok) throw new Rollback(result);
      return result;
    });
  } catch (error) {
    if (error instanceof Rollback) return error.result;
    throw error;
  }
}
