/**
 * The voting side of the meeting aggregate (store/meeting-voting.ts) on a real SQLite file: the
 * narrow read the ballot path makes, the frozen definition parsed once and kept (it never
 * changes once frozen), corrupt rows refused at the boundary; and the meta table and the
 * checked checkpoint of store/meta.ts and store/file-maintenance.ts.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openStore, type Store } from '../../../../electron/core/store/database';
import { insertCampaign, insertMeeting, insertRound } from '../../../../electron/core/store/meetings';
import { closeState, freezeDefinition, frozenDefinition, setAttendanceOverride, setMeetingStatus, votingMeeting } from '../../../../electron/core/store/meeting-voting';
import { hasMeta, insertMeta } from '../../../../electron/core/store/meta';
import { checkpointOrThrow, vacuum } from '../../../../electron/core/store/file-maintenance';
import { ballotStore } from '../../../../electron/core/store/ballot-store';
import { CorruptRowError } from '../../../../electron/core/store/json-column';
import { DEFAULT_SETTINGS, SET_CHIEF } from '../../../../shared/domain/defaults';
import type { MeetingDefinition } from '../../../../shared/domain/ballot-rules';
import { tempDir } from '../../../support/running-host';

let store: Store | null = null;

afterEach(() => {
  store?.close();
  store = null;
});

function seeded(): Store {
  const s = (store = openStore(join(tempDir(), 'p.sqlite')));
  insertCampaign(s, { id: 'c1', name: '2026 年度评议' });
  insertRound(s, { id: 'r1', campaignId: 'c1', name: '第四季度' });
  insertMeeting(s, {
    id: 'm1',
    roundId: 'r1',
    kind: 'self',
    ballotType: 'graded',
    title: '自评',
    heldOn: '2026-12-01',
    place: '三楼会议室',
    settings: DEFAULT_SETTINGS,
    compositionOverride: null,
    position: 1,
  });
  return s;
}

const definition: MeetingDefinition = {
  ballotType: 'graded',
  objects: [{ id: 'o1', name: '办公室', department: '', category: '科室', indicatorSetId: SET_CHIEF.id, position: 1 }],
  indicatorSets: [SET_CHIEF],
  tagSet: null,
  settings: DEFAULT_SETTINGS,
} as unknown as MeetingDefinition;

describe('store/meeting-voting', () => {
  it('reads id, kind, title, status and the rehearsal link, and writes status and the attendance override', () => {
    const s = seeded();
    expect(votingMeeting(s, 'm1')).toEqual({ id: 'm1', kind: 'self', title: '自评', status: 'draft', rehearsalOf: null });
    setMeetingStatus(s, 'm1', 'open');
    setAttendanceOverride(s, 'm1', '两位代表请假，经主任同意');
    expect(votingMeeting(s, 'm1')?.status).toBe('open');
    expect(s.db.prepare('SELECT attendance_override AS a FROM meetings').get()).toEqual({ a: '两位代表请假，经主任同意' });
    expect(votingMeeting(s, 'nope')).toBeNull();
  });

  it('freezes the definition once, parses it on first read and keeps it', () => {
    const s = seeded();
    expect(frozenDefinition(s, 'm1')).toBeNull();
    freezeDefinition(s, 'm1', definition);
    const first = frozenDefinition(s, 'm1');
    expect(first?.objects.map((o) => o.id)).toEqual(['o1']);
    // A second freeze does not overwrite the first, and the parsed definition is kept.
    freezeDefinition(s, 'm1', { ...definition, objects: [] });
    expect(frozenDefinition(s, 'm1')).toBe(first);
    expect((s.db.prepare('SELECT frozen_json AS f FROM meetings').get() as { f: string }).f).toContain('"o1"');
  });

  it('refuses a frozen definition of the wrong shape, naming table, column and row', () => {
    const s = seeded();
    s.db.prepare(`UPDATE meetings SET frozen_json = '{"ballotType":"graded"}'`).run();
    expect(() => frozenDefinition(s, 'm1')).toThrow(CorruptRowError);
    expect(() => frozenDefinition(s, 'm1')).toThrow(/meetings\.frozen_json of row m1/);
  });

  it('tells a pending anonymisation from a finished one', () => {
    const s = seeded();
    expect(closeState(s, 'm1')).toEqual({ status: 'draft', pending: false });
    setMeetingStatus(s, 'm1', 'closed');
    ballotStore(s.db).setAnonymisationPending('m1', true);
    expect(closeState(s, 'm1')).toEqual({ status: 'closed', pending: true });
    expect(closeState(s, 'gone')).toBeNull();
  });
});

describe('store/meta and store/file-maintenance', () => {
  it('records a one-off fact once; a checkpoint empties the WAL; VACUUM runs', () => {
    const s = seeded();
    expect(hasMeta(s, 'canonical_ballots_v1')).toBe(false);
    insertMeta(s, 'canonical_ballots_v1', '2026-12-01');
    expect(hasMeta(s, 'canonical_ballots_v1')).toBe(true);
    expect(() => insertMeta(s, 'canonical_ballots_v1', '2026-12-02')).toThrow();
    checkpointOrThrow(s);
    vacuum(s);
    checkpointOrThrow(s);
    expect((s.db.pragma('wal_checkpoint(TRUNCATE)') as { log: number }[])[0]?.log).toBe(0);
  });

  it('refuses to go on when a reader keeps the checkpoint from finishing', () => {
    const s = seeded();
    const reader = openStore(s.file);
    try {
      reader.db.exec('BEGIN');
      reader.db.prepare('SELECT COUNT(*) FROM meetings').get();
      setMeetingStatus(s, 'm1', 'open');
      // The store waits up to its busy timeout for the reader; the test need not wait that long.
      s.db.pragma('busy_timeout = 50');
      expect(() => checkpointOrThrow(s)).toThrow(/checkpoint incomplete/);
      reader.db.exec('COMMIT');
      checkpointOrThrow(s);
    } finally {
      reader.close();
    }
  });
});
