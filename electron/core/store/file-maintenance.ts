/**
 * What the close does to the database file as a whole once the ballots are in the clear: WAL
 * checkpoints whose result is checked (issue 11: an ignored checkpoint left voting's frames in
 * the WAL), and VACUUM, which rewrites the file so that no freed page keeps an old row.
 */
import { z } from 'zod';
import type { Store } from './database';

const checkpointRowSchema = z.object({ busy: z.number(), log: z.number(), checkpointed: z.number() });

/** Runs a checkpoint and refuses to go on unless it copied and truncated the whole WAL. */
export function checkpointOrThrow(store: Store): void {
  const rows = store.db.pragma('wal_checkpoint(TRUNCATE)') as unknown[];
  const parsed = checkpointRowSchema.safeParse(rows[0]);
  const row = parsed.success ? parsed.data : null;
  if (!row || row.busy !== 0 || row.log !== row.checkpointed) {
    throw new Error(`checkpoint incomplete (busy ${row?.busy}, log ${row?.log}, checkpointed ${row?.checkpointed})`);
  }
}

/** Runs a checkpoint where a busy one may wait for the next (a reader holds the log); never throws. */
export function checkpointIfIdle(store: Store): void {
  try {
    store.db.pragma('wal_checkpoint(TRUNCATE)');
  } catch {
    // A reader holds the log: the next checkpoint copies it.
  }
}

/** Rewrites the whole file (throws SQLITE_FULL when the disk has no room for the copy). */
export function vacuum(store: Store): void {
  store.db.exec('VACUUM');
}
