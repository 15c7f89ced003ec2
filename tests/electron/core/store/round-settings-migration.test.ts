/**
 * Migration i15: component points move from the meetings to their round. A database written by
 * the version before (every migration but the last) is opened by this one.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openStore, type Store } from '../../../../electron/core/store/database';
import { MIGRATIONS } from '../../../../electron/core/store/migrations';
import { getMeeting, getRound } from '../../../../electron/core/store/meetings';
import { DEFAULT_SETTINGS } from '../../../../shared/domain/defaults';
import { tempDir } from '../../../support/running-host';

let store: Store | null = null;
afterEach(() => {
  store?.close();
  store = null;
});

/** A file at the version before i15's migration, with the rounds and meetings given. */
function previousVersionFile(meetings: readonly { id: string; round: string; kind: 'social' | 'self'; ballotType?: string; status?: string; points?: { self: number; social: number } }[]): string {
  const file = join(tempDir(), 'old.sqlite');
  const db = new Database(file);
  // The version just before i15's migration (the one that adds rounds.settings_json).
  const before = MIGRATIONS.findIndex((step) => typeof step === 'string' && step.includes('ADD COLUMN settings_json'));
  if (before < 1) throw new Error('the round settings migration is missing');
  for (const step of MIGRATIONS.slice(0, before)) {
    if (typeof step === 'string') db.exec(step);
    else step(db);
  }
  db.pragma(`user_version = ${before}`);
  db.prepare("INSERT INTO campaigns (id, name, position) VALUES ('c1', '2026 年度评议', 1)").run();
  for (const [i, round] of ['r1', 'r2', 'r3', 'r4'].entries()) db.prepare("INSERT INTO rounds (id, campaign_id, name, position) VALUES (?, 'c1', ?, ?)").run(round, round, i + 1);
  meetings.forEach((m, i) => {
    const settings = m.points === undefined ? { ...DEFAULT_SETTINGS } : { ...DEFAULT_SETTINGS, componentPoints: m.points };
    db.prepare('INSERT INTO meetings (id, round_id, kind, ballot_type, title, status, settings_json, position) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(
      m.id,
      m.round,
      m.kind,
      m.ballotType ?? 'graded',
      m.id,
      m.status ?? 'draft',
      JSON.stringify(settings),
      i + 1,
    );
  });
  db.close();
  return file;
}

describe('migration i15: component points become a round setting', () => {
  it('gives each round the points round.ts used: the social meeting\'s where the two disagree, the self one\'s without a social one, 50 + 50 without either', () => {
    const file = previousVersionFile([
      { id: 'self-1', round: 'r1', kind: 'self', points: { self: 30, social: 70 } },
      { id: 'social-1', round: 'r1', kind: 'social', points: { self: 40, social: 60 } },
      { id: 'self-2', round: 'r2', kind: 'self', points: { self: 45, social: 55 } },
      // A worst-list meeting never gave the points.
      { id: 'worst-3', round: 'r3', kind: 'social', ballotType: 'worst', points: { self: 10, social: 90 } },
      // Of two social meetings, the closed one was counted (and gave the points).
      { id: 'social-4a', round: 'r4', kind: 'social', status: 'closed', points: { self: 20, social: 80 } },
      { id: 'social-4b', round: 'r4', kind: 'social', points: { self: 35, social: 65 } },
    ]);
    store = openStore(file);
    expect(store.db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    expect(getRound(store, 'r1')?.settings).toEqual({ componentPoints: { self: 40, social: 60 } });
    expect(getRound(store, 'r2')?.settings).toEqual({ componentPoints: { self: 45, social: 55 } });
    expect(getRound(store, 'r3')?.settings).toEqual({ componentPoints: { self: 50, social: 50 } });
    expect(getRound(store, 'r4')?.settings).toEqual({ componentPoints: { self: 20, social: 80 } });
    // The meetings' stale copies are dropped on reading: one place for the points.
    expect(getMeeting(store, 'social-1')?.settings).not.toHaveProperty('componentPoints');
  });
});
