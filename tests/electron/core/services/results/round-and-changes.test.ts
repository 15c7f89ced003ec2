/**
 * A round's totals (self + social combined), vetoes, and official freezing, through the chair
 * API over real HTTP on a real SQLite file.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestHost, type TestHost } from '../../../../support/running-host';
import { addMeeting, chairRaw, demoMeeting, graded, openMeeting, vote } from './helpers';

let t: TestHost;
beforeEach(async () => {
  t = await startTestHost();
});
afterEach(async () => {
  await t.stop();
});

/** Social: 5 officials give 90-ish, 5 recipients 70-ish; designed so the worked example of DOMAIN.md appears. */
async function voteSocial(meetingId: string): Promise<void> {
  const codes = await openMeeting(t, meetingId);
  // Object 0: officials 100,100,80,80,80 on every indicator → 88; recipients all 80 → 80.
  // Other objects: officials 100 → 100; recipients 60 → 60.
  for (const [i, code] of codes.officials.slice(0, 5).entries()) await vote(t, code, graded((o) => (o === 0 ? (i < 2 ? 0 : 1) : 0)));
  for (const code of codes.recipients.slice(0, 5)) await vote(t, code, graded((o) => (o === 0 ? 1 : 2)));
  await t.chair('closeVoting', { meetingId });
}

describe('round results', () => {
  it('combines self and social on 50 + 50 points, and says which component is missing', async () => {
    const { meetingId: socialId, roundId } = demoMeeting(t);
    const selfId = await addMeeting(t, { roundId, kind: 'self', ballotType: 'graded', title: '单位自评', roster: { staff: 6 } });
    await voteSocial(socialId);

    // Only the social meeting has closed: no total is guessed, the row says self is missing.
    const partial = await t.chair('roundResults', { meetingId: socialId });
    expect(partial.components.map((c) => [c.component, c.used])).toEqual([['social', true], ['self', false]]);
    expect(partial.components[1]?.note).toContain('单位自评');
    const first = partial.rankings[0]?.rows[0];
    expect(first).toMatchObject({ total: null, incomplete: true, rank: null, missing: [{ component: 'self', reason: 'not-held' }] });

    const codes = await openMeeting(t, selfId);
    // Self: object 0 → 100 from all six; other objects 60.
    for (const code of codes.all) await vote(t, code, graded((o) => (o === 0 ? 0 : 2)));
    expect((await t.chair('roundResults', { roundId })).components[1]?.used).toBe(false);
    await t.chair('closeVoting', { meetingId: selfId });

    const round = await t.chair('roundResults', { roundId });
    expect(round.componentPoints).toEqual({ self: 50, social: 50 });
    const rows = round.rankings[0]?.rows ?? [];
    // Object 0 (许可科): officials (100·2 + 80·3)/5 = 88, recipients 80 → social 0.3·88 + 0.7·80 = 82.40
    // → 41.20 points; self 100 → 50.00 points; total 91.20.
    // Others: social 0.3·100 + 0.7·60 = 72 → 36.00; self 60 → 30.00; total 66.00, all sharing rank 2.
    expect(rows[0]).toMatchObject({ rank: 1, name: '许可科', socialScore: '82.40', socialPoints: '41.20', selfScore: '100.00', selfPoints: '50.00', total: '91.20' });
    expect(rows.slice(1).map((r) => [r.rank, r.total])).toEqual(Array.from({ length: 7 }, () => [2, '66.00']));
    expect(rows[0]?.formula.zh).toEqual(
      expect.arrayContaining([
        '社会测评 = 0.30×88.00 + 0.70×80.00 = 82.40',
        '社会测评得分 = 50×82.40÷100 = 41.20',
        '单位自评得分 = 50×100.00÷100 = 50.00',
        '总分 = 50.00 + 41.20 = 91.20',
      ]),
    );
    const worstFirst = await t.chair('roundResults', { roundId, order: 'worst-first' });
    expect(worstFirst.rankings[0]?.rows.at(-1)?.name).toBe('许可科');
    expect(worstFirst.rankings[0]?.rows.at(-1)?.rank).toBe(8);
  });

  it('takes component points from the round\'s settings', async () => {
    const { roundId } = demoMeeting(t);
    const { meetingId } = demoMeeting(t);
    await t.chair('updateRoundSettings', { roundId, settings: { componentPoints: { self: 40, social: 60 } } });
    await voteSocial(meetingId);
    const round = await t.chair('roundResults', { roundId });
    expect(round.componentPoints).toEqual({ self: 40, social: 60 });
    // 60 × 82.40 / 100 = 49.44; no self-evaluation yet, so no total.
    expect(round.rankings[0]?.rows.find((r) => r.name === '许可科')).toMatchObject({ socialPoints: '49.44', total: null });
  });
});

/** The id of the meeting's first object, read from the store (the results are not there yet). */
function demoObjectId(host: TestHost, meetingId: string): string {
  const row = host.host.core.store.db
    .prepare('SELECT o.id FROM objects o JOIN meetings m ON m.round_id = o.round_id WHERE m.id = ? ORDER BY o.position LIMIT 1')
    .get(meetingId) as { id: string };
  return row.id;
}

describe('veto and official results', () => {
  it('puts a vetoed object in the worst place with its reason, in the meeting and the round, and audits it', async () => {
    const { meetingId, roundId } = demoMeeting(t);
    await voteSocial(meetingId);
    const before = await t.chair('results', { meetingId });
    const best = before.rows[0];
    expect(best?.name).toBe('许可科');
    expect(await chairRaw(t, 'setVeto', { meetingId, objectId: best?.objectId, reason: '   ' })).toMatchObject({ ok: false, error: { code: 'veto_reason' } });

    const vetoes = await t.chair('setVeto', { meetingId, objectId: best?.objectId ?? '', reason: '经查实吃拿卡要' });
    expect(vetoes).toEqual([{ objectId: best?.objectId, name: '许可科', reason: '经查实吃拿卡要' }]);
    const after = await t.chair('results', { meetingId });
    expect(after.rows.at(-1)).toMatchObject({ name: '许可科', rank: 8, vetoed: true, score: '82.40', note: '一票否决：经查实吃拿卡要' });
    expect(after.rows.at(-1)?.formula.zh.at(-1)).toBe('一票否决：经查实吃拿卡要');
    expect(after.rows.slice(0, 7).every((r) => r.rank === 1)).toBe(true);
    const worstFirst = await t.chair('results', { meetingId, order: 'worst-first' });
    expect(worstFirst.rows[0]).toMatchObject({ name: '许可科', rank: 1 });
    const round = await t.chair('roundResults', { roundId });
    expect(round.rankings[0]?.rows.find((r) => r.name === '许可科')).toMatchObject({ vetoed: true, vetoReason: '经查实吃拿卡要' });

    const audit = t.host.core.store.db.prepare("SELECT action, detail FROM audit WHERE meeting_id = ? AND action LIKE '%veto%'").all(meetingId) as { action: string; detail: string }[];
    expect(audit).toEqual([{ action: 'set_veto', detail: JSON.stringify({ object: '许可科', reason: '经查实吃拿卡要' }) }]);

    expect(await t.chair('clearVeto', { meetingId, objectId: best?.objectId ?? '', confirm: true })).toEqual([]);
    expect((await t.chair('results', { meetingId })).rows[0]).toMatchObject({ name: '许可科', rank: 1, vetoed: false });
  });

  it('refuses a veto while voting is open: a veto decides on results, which exist only after close', async () => {
    const { meetingId } = demoMeeting(t);
    const objectId = demoObjectId(t, meetingId);
    await openMeeting(t, meetingId);
    expect(await chairRaw(t, 'setVeto', { meetingId, objectId, reason: '经查实吃拿卡要' })).toMatchObject({ ok: false, error: { code: 'voting_not_closed' } });
    expect(await chairRaw(t, 'clearVeto', { meetingId, objectId, confirm: true })).toMatchObject({ ok: false, error: { code: 'voting_not_closed' } });
    expect(t.host.core.store.db.prepare('SELECT COUNT(*) AS n FROM vetoes WHERE meeting_id = ?').get(meetingId)).toEqual({ n: 0 });
  });

  it('freezes an official meeting: results and every other area refuse changes', async () => {
    const { meetingId } = demoMeeting(t);
    expect(await chairRaw(t, 'markOfficial', { meetingId, confirm: true })).toMatchObject({ ok: false, error: { code: 'voting_not_closed' } });
    await voteSocial(meetingId);
    const objectId = (await t.chair('results', { meetingId })).rows[0]?.objectId ?? '';
    await t.chair('setVeto', { meetingId, objectId, reason: '经查实吃拿卡要' });
    expect(await chairRaw(t, 'markOfficial', { meetingId })).toMatchObject({ ok: false, error: { code: 'bad_input' } });
    expect(await t.chair('markOfficial', { meetingId, confirm: true })).toEqual({ meetingId, status: 'official' });
    expect((await t.chair('getMeeting', { meetingId })).status).toBe('official');

    const dbBefore = t.host.core.store.db.prepare('SELECT status, settings_json, frozen_json FROM meetings WHERE id = ?').get(meetingId);
    const refusals: [string, unknown][] = [
      ['setVeto', { meetingId, objectId, reason: '另一个理由' }],
      ['clearVeto', { meetingId, objectId, confirm: true }],
      ['markOfficial', { meetingId, confirm: true }],
      ['generateCodes', { meetingId, spares: 1 }],
      ['openVoting', { meetingId }],
      ['pauseVoting', { meetingId }],
      ['closeVoting', { meetingId }],
    ];
    for (const [method, input] of refusals) {
      const answer = await chairRaw(t, method, input);
      expect(answer.ok, `${method} must be refused`).toBe(false);
      expect(answer.error?.message.length).toBeGreaterThan(5);
    }
    expect(t.host.core.store.db.prepare('SELECT status, settings_json, frozen_json FROM meetings WHERE id = ?').get(meetingId)).toEqual(dbBefore);
    const results = await t.chair('results', { meetingId });
    expect(results.status).toBe('official');
    expect(results.rows.at(-1)).toMatchObject({ vetoed: true, vetoReason: '经查实吃拿卡要' });
    const audit = t.host.core.store.db.prepare("SELECT detail FROM audit WHERE meeting_id = ? AND action = 'mark_official'").all(meetingId);
    expect(audit).toEqual([{ detail: JSON.stringify({ ballots: 10, vetoes: 1 }) }]);
  });
});
