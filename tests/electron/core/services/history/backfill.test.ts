/**
 * A data folder from before history was stored: its meetings are official but their rounds have
 * no history rows. The core's start writes them with the same recordRoundHistory confirmation
 * runs, so they equal what confirming wrote; a second start finds nothing lacking and writes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHost, tempDir, type TestHost } from '../../../../support/running-host';
import { createRound, voteMeeting } from '../../printing/fixture';
import { voteWorstRound, worstCampaign } from './helpers';
import { historyOfCampaign, replaceRoundHistory, roundsLackingHistory } from '../../../../../electron/core/store/history';
import { backfillRoundHistory } from '../../../../../electron/core/services/history/backfill';
import type { HistoryEntry } from '../../../../../shared/history/model';

const dataDir = tempDir();
let t: TestHost | undefined;
let worst: { campaignId: string; roundId: string };
let graded: { campaignId: string; roundId: string };
const confirmed = new Map<string, HistoryEntry[]>();

const sorted = (entries: HistoryEntry[]): HistoryEntry[] => [...entries].sort((a, b) => `${a.roundId}/${a.objectKey}/${a.measure}`.localeCompare(`${b.roundId}/${b.objectKey}/${b.measure}`));
const historyRows = (host: TestHost, campaignId: string): HistoryEntry[] => sorted(historyOfCampaign(host.host.core.store, campaignId));

beforeAll(async () => {
  const first = await startTestHost({ dataDir, demo: false });
  t = first;
  const w = await worstCampaign(first, '2026年度最难办事科室群众评', '第一季度', ['行政审批科', '不动产登记科', '社保经办科', '城管执法中队']);
  await voteWorstRound(first, w.roundId, ['行政审批科', '社保经办科']);
  worst = w;
  const objects = ['一科', '二科', '三科', '四科', '五科', '六科'].map((name) => ({ department: '区政务服务管理局', name }));
  const g = await createRound(first, objects);
  await voteMeeting(first, g.selfId, false);
  await voteMeeting(first, g.socialId, true);
  await first.chair('markOfficial', { meetingId: g.selfId, confirm: true });
  await first.chair('markOfficial', { meetingId: g.socialId, confirm: true });
  const tree = await first.chair('setupTree', {});
  graded = { campaignId: tree.find((c) => c.rounds.some((r) => r.id === g.roundId))?.id ?? '', roundId: g.roundId };
  for (const c of [worst, graded]) confirmed.set(c.campaignId, historyRows(first, c.campaignId));
  // The older version: official meetings, no history rows.
  const store = first.host.core.store;
  store.transaction(() => {
    replaceRoundHistory(store, worst.roundId, 'worst', []);
    replaceRoundHistory(store, graded.roundId, 'graded', []);
  });
  await first.stop();
  t = undefined;
}, 180_000);

afterAll(async () => {
  await t?.stop();
});

describe('history backfill at start', () => {
  it('had history from confirmation, and none once the rows were removed', () => {
    expect(confirmed.get(worst.campaignId)?.length).toBe(4);
    expect(confirmed.get(graded.campaignId)?.length).toBe(6);
    expect(confirmed.get(graded.campaignId)?.every((e) => e.measure === 'graded' && e.total !== null && e.source === 'official')).toBe(true);
  });

  it('writes the rows confirmation wrote when the core starts on the old data folder', async () => {
    t = await startTestHost({ dataDir, demo: false });
    expect(historyRows(t, worst.campaignId)).toEqual(confirmed.get(worst.campaignId));
    expect(historyRows(t, graded.campaignId)).toEqual(confirmed.get(graded.campaignId));
    const history = await t.chair('campaignHistory', { campaignId: worst.campaignId });
    expect(history.lines.find((l) => l.name === '行政审批科')?.cells[0]?.worst).toMatchObject({ rank: 1, source: 'official' });
  });

  it('finds nothing lacking on the next start and writes nothing', async () => {
    await t?.stop();
    t = await startTestHost({ dataDir, demo: false });
    const store = t.host.core.store;
    expect(roundsLackingHistory(store)).toEqual([]);
    const before = (store.db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
    expect(backfillRoundHistory(store)).toEqual([]);
    expect((store.db.prepare('SELECT total_changes() AS n').get() as { n: number }).n).toBe(before);
    expect(historyRows(t, worst.campaignId)).toEqual(confirmed.get(worst.campaignId));
    expect(historyRows(t, graded.campaignId)).toEqual(confirmed.get(graded.campaignId));
  });

  it('leaves a graded round alone while one of its combined meetings is unconfirmed', async () => {
    if (t === undefined) throw new Error('no host');
    const store = t.host.core.store;
    const g = await createRound(t, [{ department: '区政务服务管理局', name: '七科' }, { department: '区政务服务管理局', name: '八科' }]);
    await voteMeeting(t, g.selfId, false);
    await voteMeeting(t, g.socialId, false);
    await t.chair('markOfficial', { meetingId: g.selfId, confirm: true });
    expect(roundsLackingHistory(store).map((gap) => gap.roundId)).toEqual([g.roundId]);
    expect(backfillRoundHistory(store)).toEqual([]);
    await t.chair('markOfficial', { meetingId: g.socialId, confirm: true });
    expect(roundsLackingHistory(store)).toEqual([]);
  });

  it('never looks at a rehearsal round (rounds.rehearsal = 1), official meeting or not', () => {
    if (t === undefined) throw new Error('no host');
    const store = t.host.core.store;
    // A rehearsal cannot be confirmed through the API; flag a confirmed round as one to see the query skip it.
    store.transaction(() => {
      replaceRoundHistory(store, worst.roundId, 'worst', []);
      store.db.prepare('UPDATE rounds SET rehearsal = 1 WHERE id = ?').run(worst.roundId);
    });
    expect(roundsLackingHistory(store)).toEqual([]);
    store.db.prepare('UPDATE rounds SET rehearsal = 0 WHERE id = ?').run(worst.roundId);
    expect(roundsLackingHistory(store).map((gap) => [gap.roundId, gap.measure])).toEqual([[worst.roundId, 'worst']]);
  });
});
