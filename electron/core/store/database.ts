import Database from 'better-sqlite3';
import { MIGRATIONS } from './migrations';

export type Db = Database.Database;

/** One open SQLite file with the durability settings verified, and a transaction helper. */
export interface Store {
  readonly db: Db;
  readonly file: string;
  /** Runs `fn` in one IMMEDIATE transaction: all of it commits, or none of it. */
  transaction<T>(fn: () => T): T;
  close(): void;
}

/** Thrown when the durability settings DESIGN.md requires cannot be put in force. */
export class DurabilityError extends Error {}

/** How the store is opened; only the Electron shell passes anything. */
export interface StoreOptions {
  /**
   * Path of a better-sqlite3 binding compiled for the running ABI. The Electron shell passes
   * its own Electron-ABI build here (kept apart from node_modules' Node build, which tests and
   * browser mode load); absent, better-sqlite3 finds its own build as usual.
   */
  nativeBinding?: string | undefined;
}

/**
 * Opens (creating if needed) the database file, puts the durability settings in force, reads
 * them back and refuses to continue if they do not hold, then migrates to the latest version.
 */
export function openStore(file: string, options: StoreOptions = {}): Store {
  const db = new Database(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  try {
    applyPragmas(db);
    migrate(db);
  } catch (error) {
    db.close();
    throw error;
  }
  return {
    db,
    file,
    transaction<T>(fn: () => T): T {
      return db.transaction(fn).immediate();
    },
    close() {
      if (db.open) db.close();
    },
  };
}

function applyPragmas(db: Db): void {
  db.pragma('journal_mode = WAL');
  // better-sqlite3 re-opens WAL databases with synchronous=NORMAL: set FULL after WAL, every time.
  db.pragma('synchronous = FULL');
  if (process.platform === 'darwin') db.pragma('fullfsync = ON');
  db.pragma('foreign_keys = ON');
  // Deleted rows (the code→ballot links at close) are overwritten on disk, not just unlinked.
  db.pragma('secure_delete = ON');
  db.pragma('busy_timeout = 5000');

  const journal = String(db.pragma('journal_mode', { simple: true })).toLowerCase();
  const synchronous = Number(db.pragma('synchronous', { simple: true }));
  const foreignKeys = Number(db.pragma('foreign_keys', { simple: true }));
  const secureDelete = Number(db.pragma('secure_delete', { simple: true }));
  if (journal !== 'wal') throw new DurabilityError(`journal_mode is ${journal}, expected wal`);
  if (synchronous !== 2) throw new DurabilityError(`synchronous is ${synchronous}, expected 2 (FULL)`);
  if (foreignKeys !== 1) throw new DurabilityError('foreign_keys could not be enabled');
  if (secureDelete !== 1) throw new DurabilityError('secure_delete could not be enabled');
  if (process.platform === 'darwin' && Number(db.pragma('fullfsync', { simple: true })) !== 1) {
    throw new DurabilityError('fullfsync could not be enabled');
  }
}

function migrate(db: Db): void {
  const current = Number(db.pragma('user_version', { simple: true }));
  if (current > MIGRATIONS.length) {
    throw new Error(`database version ${current} is newer than this program (${MIGRATIONS.length}); use a newer Pingyi`);
  }
  for (let version = current; version < MIGRATIONS.length; version += 1) {
    const step = MIGRATIONS[version] ?? '';
    db.transaction(() => {
      if (typeof step === 'string') db.exec(step);
      else step(db);
      db.pragma(`user_version = ${version + 1}`);
    }).immediate();
  }
}
