import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { openStore, type Store, type StoreOptions } from './store/database';
import { EventHub } from './events';
import { BallotWriter } from './services/ballot-writer';
import { ensureBuiltins } from './services/builtins';
import { createDemoMeeting } from './services/demo';
import { finishPendingAnonymisations } from './services/anonymise';
import { canonicaliseStoredBallots } from './services/canonical-migration';
import { backfillRoundHistory } from './services/history/backfill';

/** The running application without any transport: database, event hub and ballot writer. */
export interface Core {
  readonly store: Store;
  readonly events: EventHub;
  readonly writer: BallotWriter;
  readonly dataDir: string;
  /** The URL tablets open; set once the tablet server listens. */
  tabletUrl: string;
  lanAddresses: readonly string[];
  mode: 'electron' | 'browser';
  /** Runs `task` when the core closes, before the database does (e.g. closing a kept browser). */
  onClose(task: () => void): void;
  close(): void;
}

export const DATABASE_FILE = 'pingyi.sqlite';

/**
 * Opens the data folder (creating it), verifies the durability settings, migrates, and on a
 * fresh database creates the demo meeting so a newcomer sees the whole flow at once.
 */
export interface CoreOptions {
  dataDir: string;
  demo?: boolean;
  mode?: 'electron' | 'browser';
  store?: StoreOptions;
  /**
   * The built ballot writer thread (dist/electron/ballot-writer-thread.cjs): the shells pass it,
   * so ballots are committed off the main thread (services/ballot-writer.ts). Tests running the
   * sources leave it out and commit on their own thread.
   */
  writerThread?: string | undefined;
}

export function createCore(options: CoreOptions): Core {
  mkdirSync(options.dataDir, { recursive: true });
  const store = openStore(join(options.dataDir, DATABASE_FILE), options.store);
  ensureBuiltins(store);
  const fresh = (store.db.prepare('SELECT COUNT(*) AS n FROM campaigns').get() as { n: number }).n === 0;
  if (fresh && options.demo !== false) createDemoMeeting(store);
  const events = new EventHub();
  // A close interrupted by a crash or a full disk is finished before anything else runs.
  canonicaliseStoredBallots(store);
  finishPendingAnonymisations(store, events);
  // i16: rounds confirmed before history was stored get their history rows (idempotent, one query when none lack).
  backfillRoundHistory(store);
  const closeTasks: (() => void)[] = [];
  return {
    store,
    events,
    writer: new BallotWriter(store, events, { threadFile: options.writerThread, storeOptions: options.store ?? {} }),
    dataDir: options.dataDir,
    tabletUrl: '',
    lanAddresses: [],
    mode: options.mode ?? 'browser',
    onClose: (task) => closeTasks.push(task),
    close: () => {
      for (const task of closeTasks.splice(0)) task();
      store.close();
    },
  };
}
