import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openStore, type Store } from '../../../../electron/core/store/database';
import { withTransaction } from '../../../../electron/core/store/transaction';
import { prepared } from '../../../../electron/core/store/statements';
import { CorruptRowError } from '../../../../electron/core/store/json-column';
import { getCampaign, getMeeting, getRound, insertCampaign, insertMeeting, insertRound, listCampaigns } from '../../../../electron/core/store/meetings';
import { getIndicatorSet } from '../../../../electron/core/store/indicator-sets';
import { appendAudit, lastAuditAt, listAudit } from '../../../../electron/core/store/audit';
import { deleteVeto, listVetoes, upsertVeto, vetoCount } from '../../../../electron/core/store/vetoes';
import { voidIssuedCodes } from '../../../../electron/core/store/codes';
import { DEFAULT_SETTINGS } from '../../../../shared/domain/defaults';
import { fail, ok } from '../../../../shared/domain/result';
import { tempDir } from '../../../support/running-host';

let store: Store | null = null;

function open(): Store {
  store = openStore(join(tempDir(), 'p.sqlite'));
  return store;
}

afterEach(() => {
  store?.close();
  store = null;
});

function seedMeeting(s: Store): void {
  insertCampaign(s, { id: 'c1', name: '2026 年度评议' });
  insertRound(s, { id: 'r1', campaignId: 'c1', name: '第四季度', categorySets: { 科室: 'set-chief' } });
  insertMeeting(s, {
    id: 'm1',
    roundId: 'r1',
    kind: 'social',
    ballotType: 'graded',
    title: '社会测评',
    heldOn: '2026-12-01',
    place: '三楼会议室',
    settings: DEFAULT_SETTINGS,
    compositionOverride: null,
    position: 1,
  });
}

describe('withTransaction', () => {
  it('rolls back every write when the function returns an error Result, and returns that Result', () => {
    const s = open();
    const result = withTransaction(s, () => {
      insertCampaign(s, { id: 'c1', name: '第一个' });
      insertCampaign(s, { id: 'c2', name: '第二个' });
      return fail('duplicate_name', { target: 'campaign', name: '第一个' });
    });
    expect(result).toEqual({ ok: false, error: { code: 'duplicate_name', message: 'duplicate_name (target=campaign, name=第一个)', params: { target: 'campaign', name: '第一个' } } });
    expect(listCampaigns(s)).toEqual([]);
    expect(s.db.inTransaction).toBe(false);
  });

  it('commits when the function returns ok, and rolls back and rethrows when it throws', () => {
    const s = open();
    expect(withTransaction(s, () => (insertCampaign(s, { id: 'c1', name: '留下' }), ok('kept')))).toEqual({ ok: true, value: 'kept' });
    expect(() =>
      withTransaction(s, () => {
        insertCampaign(s, { id: 'c2', name: '不留' });
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(listCampaigns(s).map((c) => c.name)).toEqual(['留下']);
  });

  it('rolls back only the inner part when a nested transaction returns an error Result', () => {
    const s = open();
    const outer = withTransaction(s, () => {
      insertCampaign(s, { id: 'c1', name: '外层' });
      const inner = withTransaction(s, () => (insertCampaign(s, { id: 'c2', name: '内层' }), fail('remove_refused')));
      expect(inner.ok).toBe(false);
      return ok(undefined);
    });
    expect(outer.ok).toBe(true);
    expect(listCampaigns(s).map((c) => c.name)).toEqual(['外层']);
  });

  it('survives a re-open: the rolled-back write is not in the file', () => {
    const file = join(tempDir(), 'p.sqlite');
    const first = openStore(file);
    withTransaction(first, () => (insertCampaign(first, { id: 'c1', name: '不留' }), fail('duplicate_name')));
    first.close();
    const again = (store = openStore(file));
    expect(getCampaign(again, 'c1')).toBeNull();
  });
});

describe('row parsing at the store boundary', () => {
  it('maps snake_case rows to camelCase records with the JSON columns parsed', () => {
    const s = open();
    seedMeeting(s);
    expect(getRound(s, 'r1')).toEqual({ id: 'r1', campaignId: 'c1', name: '第四季度', position: 1, categorySets: { 科室: 'set-chief' }, rehearsal: false, settings: { componentPoints: { self: 50, social: 50 } } });
    const meeting = getMeeting(s, 'm1');
    expect(meeting).toMatchObject({ id: 'm1', roundId: 'r1', kind: 'social', ballotType: 'graded', heldOn: '2026-12-01', status: 'draft', frozen: null });
    expect(meeting?.settings).toEqual(DEFAULT_SETTINGS);
  });

  it('fills a setting missing from an old settings_json with its default', () => {
    const s = open();
    seedMeeting(s);
    const { requireAllAnswered: _dropped, ...older } = DEFAULT_SETTINGS;
    s.db.prepare('UPDATE meetings SET settings_json = ? WHERE id = ?').run(JSON.stringify(older), 'm1');
    expect(getMeeting(s, 'm1')?.settings.requireAllAnswered).toBe(DEFAULT_SETTINGS.requireAllAnswered);
  });

  it('refuses a settings_json that is not JSON, naming table, column and row', () => {
    const s = open();
    seedMeeting(s);
    s.db.prepare('UPDATE meetings SET settings_json = ? WHERE id = ?').run('{"worstK": 3', 'm1');
    expect(() => getMeeting(s, 'm1')).toThrow(CorruptRowError);
    expect(() => getMeeting(s, 'm1')).toThrow(/^meetings\.settings_json of row m1 is not JSON/);
  });

  it('refuses JSON of the wrong shape with the path of what is wrong', () => {
    const s = open();
    seedMeeting(s);
    s.db.prepare('UPDATE meetings SET settings_json = ? WHERE id = ?').run(JSON.stringify({ ...DEFAULT_SETTINGS, worstK: 'three' }), 'm1');
    expect(() => getMeeting(s, 'm1')).toThrow(/meetings\.settings_json of row m1 does not have the stored shape: worstK:/);
    s.db.prepare('UPDATE meetings SET settings_json = ?, frozen_json = ? WHERE id = ?').run(JSON.stringify(DEFAULT_SETTINGS), JSON.stringify({ ballotType: 'graded', objects: 'none' }), 'm1');
    expect(() => getMeeting(s, 'm1')).toThrow(/meetings\.frozen_json of row m1 does not have the stored shape: objects:/);
    s.db.prepare('UPDATE rounds SET category_sets_json = ? WHERE id = ?').run('[1]', 'r1');
    expect(() => getRound(s, 'r1')).toThrow(/rounds\.category_sets_json of row r1 does not have the stored shape/);
  });

  it('refuses a corrupt indicator list and a corrupt audit detail', () => {
    const s = open();
    const id = 'set-custom';
    s.db.prepare('INSERT INTO indicator_sets (id, name, builtin, indicators_json) VALUES (?, ?, 0, ?)').run(id, '自定义', '[{"id": "a", "name": "服务态度"}]');
    expect(() => getIndicatorSet(s, id)).toThrow(new RegExp(`indicator_sets\\.indicators_json of row ${id} does not have the stored shape: 0\\.description:`));
    appendAudit(s, { meetingId: null, action: 'create_campaign', detail: { name: 'x' }, at: '2026-12-01T00:00:00.000Z' });
    expect(listAudit(s).map((e) => e.detail)).toEqual([{ name: 'x' }]);
    s.db.prepare('UPDATE audit SET detail = ?').run('not json');
    expect(() => listAudit(s)).toThrow(/^audit\.detail of row 1 is not JSON/);
  });

  it('prepares each statement once per connection', () => {
    const s = open();
    const sql = 'SELECT COUNT(*) AS n FROM campaigns';
    expect(prepared(s.db, sql)).toBe(prepared(s.db, sql));
  });
});

describe('vetoes, bulk voiding and the confirmation record', () => {
  it('upserts a veto per object, lists them by object id, deletes one, and counts them', () => {
    const s = open();
    seedMeeting(s);
    upsertVeto(s, 'm1', { objectId: 'o2', reason: '吃拿卡要' });
    upsertVeto(s, 'm1', { objectId: 'o1', reason: '推诿' });
    upsertVeto(s, 'm1', { objectId: 'o2', reason: '经查实的吃拿卡要' });
    expect(listVetoes(s, 'm1')).toEqual([
      { objectId: 'o1', reason: '推诿' },
      { objectId: 'o2', reason: '经查实的吃拿卡要' },
    ]);
    expect(deleteVeto(s, 'm1', 'o1')).toBe(true);
    expect(deleteVeto(s, 'm1', 'o1')).toBe(false);
    expect(vetoCount(s, 'm1')).toBe(1);
  });

  it('voids only issued codes, of one group or of all', () => {
    const s = open();
    seedMeeting(s);
    const add = (hash: string, group: string, state: string): void => {
      prepared(s.db, "INSERT INTO codes (hash, tag, meeting_id, voter_group, state) VALUES (?, 'tag', 'm1', ?, ?)").run(hash, group, state);
    };
    add('a', 'recipients', 'issued');
    add('b', 'recipients', 'used');
    add('c', 'officials', 'issued');
    add('d', 'officials', 'issued');
    expect(voidIssuedCodes(s, 'm1', 'recipients')).toBe(1);
    expect(voidIssuedCodes(s, 'm1', null)).toBe(2);
    expect(voidIssuedCodes(s, 'm1', null)).toBe(0);
  });

  it('gives the time of the last record of an action, and null before it', () => {
    const s = open();
    seedMeeting(s);
    expect(lastAuditAt(s, 'm1', 'mark_official')).toBeNull();
    appendAudit(s, { meetingId: 'm1', action: 'mark_official', detail: {}, at: '2026-12-01T10:00:00Z' });
    appendAudit(s, { meetingId: 'm1', action: 'mark_official', detail: {}, at: '2026-12-01T11:00:00Z' });
    expect(lastAuditAt(s, 'm1', 'mark_official')).toBe('2026-12-01T11:00:00Z');
  });
});
