import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openStore, DurabilityError } from '../../../../electron/core/store/database';
import { MIGRATIONS } from '../../../../electron/core/store/migrations';
import { tempDir } from '../../../support/running-host';

describe('the SQLite store', () => {
  it('puts WAL and synchronous=FULL in force on every open, including a re-open', () => {
    const file = join(tempDir(), 'p.sqlite');
    for (let open = 0; open < 2; open += 1) {
      const store = openStore(file);
      expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(store.db.pragma('synchronous', { simple: true })).toBe(2);
      expect(store.db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(store.db.pragma('secure_delete', { simple: true })).toBe(1);
      expect(store.db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
      store.close();
    }
  });

  it('refuses to start where WAL cannot hold (an in-memory database)', () => {
    expect(() => openStore(':memory:')).toThrow(DurabilityError);
  });

  it('refuses a database written by a newer version', () => {
    const file = join(tempDir(), 'p.sqlite');
    const store = openStore(file);
    store.db.pragma(`user_version = ${MIGRATIONS.length + 1}`);
    store.close();
    expect(() => openStore(file)).toThrow(/newer/);
  });

  it('rolls a failed transaction back whole', () => {
    const store = openStore(join(tempDir(), 'p.sqlite'));
    expect(() =>
      store.transaction(() => {
        store.db.prepare("INSERT INTO campaigns (id, name, position) VALUES ('a', 'x', 1)").run();
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(store.db.prepare('SELECT COUNT(*) AS n FROM campaigns').get()).toEqual({ n: 0 });
    store.close();
  });

  it('keeps ballots free of time, address, device and code columns', () => {
    const store = openStore(join(tempDir(), 'p.sqlite'));
    const columns = (store.db.prepare('PRAGMA table_info(ballots)').all() as { name: string }[]).map((c) => c.name).sort();
    // The receipt left the ballot row (issue 11): a receipt must never lead to content.
    expect(columns).toEqual(['content_json', 'id', 'meeting_id', 'voter_group']);
    // WITHOUT ROWID: physical order follows the random id, not the arrival order.
    const sql = (store.db.prepare("SELECT sql FROM sqlite_master WHERE name = 'ballots'").get() as { sql: string }).sql;
    expect(sql).toMatch(/WITHOUT ROWID/);
    store.close();
  });
});
