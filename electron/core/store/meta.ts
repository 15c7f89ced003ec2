/** The meta table: one-off facts about the data file itself, such as which data migrations ran. */
import type { Store } from './database';
import { prepared } from './statements';

export function hasMeta(store: Store, key: string): boolean {
  return prepared(store.db, 'SELECT 1 FROM meta WHERE key = ?').get(key) !== undefined;
}

export function insertMeta(store: Store, key: string, value: string): void {
  prepared(store.db, 'INSERT INTO meta (key, value) VALUES (?, ?)').run(key, value);
}
