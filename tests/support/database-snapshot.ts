/** Every row of every table of a SQLite database, as one JSON text: equal snapshots, unchanged data. */
import type Database from 'better-sqlite3';

/**
 * `omit` leaves columns out per table (e.g. the present flag of the roster), so a test can say
 * "nothing but this changed".
 */
export function databaseSnapshot(db: Database.Database, omit: Readonly<Record<string, readonly string[]>> = {}): string {
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[];
  return JSON.stringify(
    tables.map(({ name }) => {
      const skip = new Set(omit[name] ?? []);
      const rows = (db.prepare(`SELECT * FROM "${name}"`).all() as Record<string, unknown>[]).map((row) => Object.fromEntries(Object.entries(row).filter(([column]) => !skip.has(column))));
      return [name, rows];
    }),
  );
}
