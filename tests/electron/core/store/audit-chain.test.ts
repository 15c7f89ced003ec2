/**
 * The audit trail's hash chain (docs/audit-chain.md) through the real store on a real SQLite
 * file: lines appended by the store chain up; the verify tool (runVerifyAudit, read-only) finds a
 * removed, edited, reordered, inserted or unchained line and a cut-off tail; an older database's
 * lines are chained in their stored order by the migration; and the rule in the docs, recomputed
 * here independently, gives the stored hashes.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openStore, type Store } from '../../../../electron/core/store/database';
import { MIGRATIONS } from '../../../../electron/core/store/migrations';
import { appendAudit, auditHead, listAudit, verifyAudit } from '../../../../electron/core/store/audit';
import { GENESIS_HASH, lineHash } from '../../../../electron/core/store/audit-chain';
import { runVerifyAudit } from '../../../../electron/host/verify-audit';
import { DATABASE_FILE } from '../../../../electron/core/core';
import { tempDir } from '../../../support/running-host';

let store: Store | null = null;
let dir = '';

function open(): Store {
  dir = tempDir('pingyi-audit-');
  store = openStore(join(dir, DATABASE_FILE));
  return store;
}

afterEach(() => {
  store?.close();
  store = null;
});

/** Five main-chain lines, as the services write them. */
function fiveLines(s: Store): void {
  const actions = ['create_campaign', 'create_round', 'create_meeting', 'generate_codes', 'open_voting'];
  actions.forEach((action, i) => appendAudit(s, { meetingId: null, action, detail: { n: i, name: `第${i}行` }, at: `2026-12-01T09:0${i}:00.000Z` }));
}

function verify(): { code: number; lines: string[] } {
  const lines: string[] = [];
  const code = runVerifyAudit(['--data', dir], (line) => lines.push(line));
  return { code, lines };
}

function kinds(s: Store): string[] {
  return verifyAudit(s.db).problems.map((p) => `${p.kind}@${p.seq}`);
}

describe('the audit hash chain', () => {
  it('chains every appended line to the one before, as docs/audit-chain.md defines it', () => {
    const s = open();
    fiveLines(s);
    const rows = s.db.prepare('SELECT * FROM audit ORDER BY seq').all() as { chain: string; meeting_id: string | null; action: string; detail: string; at: string; prev_hash: string; hash: string }[];
    let prev = '0'.repeat(64);
    for (const row of rows) {
      // The rule written out again from the docs, not through the module under test.
      const text = JSON.stringify([row.chain, row.meeting_id, row.action, row.detail, row.at]);
      expect(row.prev_hash).toBe(prev);
      expect(row.hash).toBe(createHash('sha256').update(`${prev}\n${text}`, 'utf8').digest('hex'));
      prev = row.hash;
    }
    expect(auditHead(s)).toBe(prev);
    expect(verifyAudit(s.db)).toMatchObject({ ok: true, lines: 5, problems: [] });
    const result = verify();
    expect(result.code).toBe(0);
    expect(result.lines.join('\n')).toContain('INTACT');
    expect(result.lines.join('\n')).toContain(prev);
  });

  it('finds an edited line', () => {
    const s = open();
    fiveLines(s);
    s.db.prepare("UPDATE audit SET detail = '{\"n\":99}' WHERE seq = 3").run();
    expect(kinds(s)).toEqual(['edited@3']);
    const result = verify();
    expect(result.code).toBe(1);
    expect(result.lines.join('\n')).toMatch(/BROKEN 第 3 行.*edited/);
  });

  it('finds an edited line whose own hash was recomputed (the next line no longer follows it)', () => {
    const s = open();
    fiveLines(s);
    const line = s.db.prepare('SELECT * FROM audit WHERE seq = 2').get() as { chain: string; meeting_id: null; action: string; at: string; prev_hash: string };
    const detail = '{"n":1,"name":"改过"}';
    const hash = lineHash(line.prev_hash, { chain: line.chain, meetingId: null, action: line.action, detail, at: line.at });
    s.db.prepare('UPDATE audit SET detail = ?, hash = ? WHERE seq = 2').run(detail, hash);
    expect(kinds(s)).toEqual(['removed@3']);
    expect(verify().code).toBe(1);
  });

  it('finds a removed line in the middle, the first line and the last line', () => {
    const s = open();
    fiveLines(s);
    s.db.prepare('DELETE FROM audit WHERE seq = 3').run();
    expect(kinds(s)).toEqual(['removed@4']);
    expect(verify().lines.join('\n')).toMatch(/BROKEN 第 4 行.*removed/);
    s.db.prepare('DELETE FROM audit WHERE seq = 1').run();
    expect(kinds(s)).toEqual(['removed@2', 'removed@4']);
    s.close();

    const t = open();
    fiveLines(t);
    t.db.prepare('DELETE FROM audit WHERE seq = 5').run();
    expect(kinds(t)).toEqual(['truncated@4']);
    const result = verify();
    expect(result.code).toBe(1);
    expect(result.lines.join('\n')).toMatch(/truncated/);
  });

  it('finds two lines swapped', () => {
    const s = open();
    fiveLines(s);
    s.transaction(() => {
      s.db.prepare('UPDATE audit SET seq = 100 WHERE seq = 2').run();
      s.db.prepare('UPDATE audit SET seq = 2 WHERE seq = 3').run();
      s.db.prepare('UPDATE audit SET seq = 3 WHERE seq = 100').run();
    });
    expect(kinds(s)[0]).toBe('reordered@2');
    expect(verify().lines.join('\n')).toMatch(/BROKEN 第 2 行.*reordered/);
  });

  it('finds a line inserted between two others, even one hashed by the rule, and one without a hash', () => {
    const s = open();
    fiveLines(s);
    // A forger who knows the rule: the inserted line is well formed and follows line 2.
    s.transaction(() => {
      s.db.prepare('UPDATE audit SET seq = seq + 10 WHERE seq >= 3').run();
      const prev = (s.db.prepare('SELECT hash FROM audit WHERE seq = 2').get() as { hash: string }).hash;
      const fields = { chain: '', meetingId: null, action: 'void_codes', detail: '{"count":3}', at: '2026-12-01T09:02:30.000Z' };
      s.db.prepare('INSERT INTO audit (seq, chain, meeting_id, action, detail, at, prev_hash, hash) VALUES (3, ?, ?, ?, ?, ?, ?, ?)').run(
        fields.chain, fields.meetingId, fields.action, fields.detail, fields.at, prev, lineHash(prev, fields),
      );
    });
    expect(kinds(s)).toEqual(['inserted@13']);
    expect(verify().lines.join('\n')).toMatch(/BROKEN 第 13 行.*inserted/);
    s.close();

    const t = open();
    fiveLines(t);
    t.db.prepare("INSERT INTO audit (meeting_id, action, detail, at) VALUES (NULL, 'mark_official', '{}', '2026-12-01T10:00:00.000Z')").run();
    expect(kinds(t)).toEqual(['unchained@6', 'inserted@6']);
    expect(verify().code).toBe(1);
  });

  it('checks a printed head with --expect: found while the file is intact, missing once it was rewritten', () => {
    const s = open();
    fiveLines(s);
    const printed = auditHead(s).slice(0, 16);
    appendAudit(s, { meetingId: null, action: 'render_pdf', detail: { sheet: 'audit' }, at: '2026-12-01T11:00:00.000Z' });
    expect(runVerifyAudit(['--data', dir, '--expect', printed], () => undefined)).toBe(0);
    // Someone rewrites line 2 and every hash after it: the chain verifies again, the printed head is gone.
    s.db.prepare("UPDATE audit SET detail = '{\"n\":7}' WHERE seq = 2").run();
    const rows = s.db.prepare('SELECT * FROM audit ORDER BY seq').all() as { seq: number; chain: string; meeting_id: null; action: string; detail: string; at: string }[];
    let prev = GENESIS_HASH;
    for (const row of rows) {
      const hash = lineHash(prev, { chain: row.chain, meetingId: row.meeting_id, action: row.action, detail: row.detail, at: row.at });
      s.db.prepare('UPDATE audit SET prev_hash = ?, hash = ? WHERE seq = ?').run(prev, hash, row.seq);
      prev = hash;
    }
    s.db.prepare("UPDATE meta SET value = ? WHERE key = 'audit_head'").run(prev);
    expect(verifyAudit(s.db).ok).toBe(true);
    const lines: string[] = [];
    expect(runVerifyAudit(['--data', dir, '--expect', printed], (l) => lines.push(l))).toBe(1);
    expect(lines.join('\n')).toContain('EXPECT MISSING');
  });

  it('answers usage errors with exit code 2 and never creates a database', () => {
    expect(runVerifyAudit([], () => undefined)).toBe(2);
    expect(runVerifyAudit(['--data', tempDir()], () => undefined)).toBe(2);
    expect(runVerifyAudit(['--data', tempDir(), '--expect', 'xyz'], () => undefined)).toBe(2);
  });

  it('chains the lines of an older database in their stored order when it is migrated', () => {
    dir = tempDir('pingyi-audit-old-');
    const file = join(dir, DATABASE_FILE);
    // The version just before the chain's migration (the first one written as a function).
    const before = MIGRATIONS.findIndex((step) => typeof step !== 'string');
    expect(before).toBeGreaterThan(0);
    const old = new Database(file);
    for (const step of MIGRATIONS.slice(0, before)) {
      if (typeof step !== 'string') throw new Error('the migrations before the chain are SQL');
      old.exec(step);
    }
    old.pragma(`user_version = ${before}`);
    const insert = old.prepare('INSERT INTO audit (meeting_id, action, detail, at) VALUES (?, ?, ?, ?)');
    insert.run(null, 'create_campaign', '{"name":"2026"}', '2026-11-01T08:00:00.000Z');
    insert.run('m1', 'open_voting', '{"ballots":0}', '2026-11-01T09:00:00.000Z');
    insert.run('m1', 'close_voting', '{"ballots":27}', '2026-11-01T10:00:00.000Z');
    old.close();

    store = openStore(file);
    const lines = listAudit(store);
    expect(lines.map((l) => l.action)).toEqual(['create_campaign', 'open_voting', 'close_voting']);
    expect(verifyAudit(store.db)).toMatchObject({ ok: true, lines: 3 });
    // New lines continue the migrated chain.
    appendAudit(store, { meetingId: null, action: 'create_round', detail: {}, at: '2026-12-01T08:00:00.000Z' });
    expect(verifyAudit(store.db)).toMatchObject({ ok: true, lines: 4 });
    expect(verify().code).toBe(0);
  });

  it('filters the trail by meeting and by action', () => {
    const s = open();
    fiveLines(s);
    s.db.prepare("INSERT INTO campaigns (id, name, position) VALUES ('c', 'c', 1)").run();
    expect(listAudit(s, { action: 'open_voting' }).map((l) => l.seq)).toEqual([5]);
    expect(listAudit(s, { meetingId: 'nope' })).toEqual([]);
    expect(listAudit(s).length).toBe(5);
  });
});
