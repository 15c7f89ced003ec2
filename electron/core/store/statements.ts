import type { Statement } from 'better-sqlite3';
import type { Db } from './database';

const cache = new WeakMap<Db, Map<string, Statement>>();

/**
 * The statement for `sql` on this connection, prepared on first use and kept: preparing per call
 * cost about as much as the writes themselves under load (docs/performance.md). Keyed by the
 * connection, so a re-opened store prepares afresh.
 */
export function prepared(db: Db, sql: string): Statement {
  let statements = cache.get(db);
  if (!statements) cache.set(db, (statements = new Map()));
  let statement = statements.get(sql);
  if (!statement) statements.set(sql, (statement = db.prepare(sql)));
  return statement;
}
