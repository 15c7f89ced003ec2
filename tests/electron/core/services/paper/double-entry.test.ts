/**
 * Paper ballots keyed in twice (issue 17 part 1), through the real host: chair API over HTTP,
 * tablet API for the electronic ballots, a real SQLite file underneath. Checks that an agreed
 * pair becomes a ballot stored exactly like a tablet ballot, that a differing pair is shown field
 * by field and counts only once settled, that a rule-breaking paper is kept as 无效票 with its
 * rule, the reconciliation per group, the official gate, and that the fingerprint of the sheet is
 * the exported file's, before and after paper ballots.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { startTestHost, type TestHost } from '../../../../support/running-host';
import { chairRaw, demoMeeting, graded, vote } from '../results/helpers';
import type { ChairInput } from '../../../../../shared/api/chair-contract';
import type { PaperView } from '../../../../../shared/api/chair/paper';
import { OFF_SCALE_GRADE } from '../../../../../shared/domain/paper-entry';

/** A paper ballot as the console sends it. */
type BallotContent = ChairInput<'paperFirstEntry'>['ballot'];

let t: TestHost;
beforeEach(async () => {
  t = await startTestHost({ demo: true });
});
afterEach(async () => {
  await t.stop();
});

/** A graded paper ballot of the demo meeting from the form the console gets. */
function paperBallot(view: PaperView, grade: (o: number, i: number) => number | null): BallotContent {
  const answers: Record<string, Record<string, number | null>> = {};
  view.form.objects.forEach((object, o) => {
    const set = view.form.indicatorSets.find((s) => s.id === object.indicatorSetId);
    answers[object.id] = Object.fromEntries((set?.indicators ?? []).map((indicator, i) => [indicator.id, grade(o, i)]));
  });
  return { type: 'graded', answers };
}

const PLAN = (o: number, i: number): number | null => (o + i) % 4;

async function closedDemo(): Promise<{ meetingId: string }> {
  const { meetingId } = demoMeeting(t);
  const codes = await t.chair('generateCodes', { meetingId, spares: 0 });
  await t.chair('openVoting', { meetingId });
  const refused = await chairRaw(t, 'paperEntry', { meetingId });
  expect(refused.ok).toBe(true);
  expect(refused.value.mayEnter).toBe(false);
  const early = await chairRaw(t, 'paperFirstEntry', { meetingId, group: 'officials', clerk: '甲', ballot: { type: 'graded', answers: {} } });
  expect(early.error?.code).toBe('paper_not_now');
  const officials = codes.filter((c) => c.group === 'officials').slice(0, 3);
  const recipients = codes.filter((c) => c.group === 'recipients').slice(0, 5);
  // One tablet ballot says exactly what the first paper ballot will say.
  for (const c of officials) await vote(t, c.code, graded(PLAN));
  for (const c of recipients) await vote(t, c.code, graded((o) => o % 4));
  await t.chair('closeVoting', { meetingId });
  return { meetingId };
}

function rows(sql: string, ...params: unknown[]): Record<string, unknown>[] {
  return t.host.core.store.db.prepare(sql).all(...params) as Record<string, unknown>[];
}

describe('paper ballots keyed in twice', () => {
  it('an agreed pair is stored like a tablet ballot, a differing pair waits to be settled, a bad paper is a 无效票', async () => {
    const { meetingId } = await closedDemo();
    const view = await t.chair('paperEntry', { meetingId });
    expect(view.mayEnter).toBe(true);
    expect(view.form.grades).toEqual(['满意', '比较满意', '基本满意', '不满意']);
    const before = await t.chair('printData', { meetingId, sheet: 'ranking' });

    // 1. Two clerks key the same official's paper alike: it is counted at once.
    const first = await t.chair('paperFirstEntry', { meetingId, group: 'officials', clerk: '录入员甲一号', ballot: paperBallot(view, PLAN) });
    expect(first.label).toBe(1);
    expect(first.view.pending).toEqual([expect.objectContaining({ id: first.entryId, stage: 'awaiting-second', differences: [] })]);
    // Keyed once, it counts nowhere yet.
    expect(rows('SELECT * FROM ballots WHERE meeting_id = ?', meetingId)).toHaveLength(8);
    const second = await t.chair('paperSecondEntry', { meetingId, entryId: first.entryId, clerk: '录入员乙二号', ballot: paperBallot(view, PLAN) });
    expect(second.outcome).toBe('accepted');
    expect(second.view.pending).toEqual([]);
    const stored = rows('SELECT * FROM ballots WHERE meeting_id = ? AND voter_group = ?', meetingId, 'officials');
    expect(stored).toHaveLength(4);
    // Same columns as every ballot, and the paper's text is the tablet ballot's text, byte for byte.
    expect(Object.keys(stored[0] ?? {}).sort()).toEqual(['content_json', 'id', 'meeting_id', 'voter_group']);
    const texts = stored.map((r) => r['content_json']);
    expect(new Set(texts).size).toBe(1);

    // 2. The second clerk reads two fields otherwise: nothing counts until each is settled.
    const a = await t.chair('paperFirstEntry', { meetingId, group: 'recipients', clerk: '录入员甲一号', ballot: paperBallot(view, () => 1) });
    const differing = paperBallot(view, (o, i) => (o === 2 && i === 0 ? 3 : o === 5 && i === 4 ? null : 1));
    const b = await t.chair('paperSecondEntry', { meetingId, entryId: a.entryId, clerk: '录入员乙二号', ballot: differing });
    expect(b.outcome).toBe('conflict');
    const pending = b.view.pending[0];
    const o2 = view.form.objects[2]?.id ?? '';
    const o5 = view.form.objects[5]?.id ?? '';
    const set = view.form.indicatorSets[0];
    const i0 = set?.indicators[0]?.id ?? '';
    const i4 = set?.indicators[4]?.id ?? '';
    expect(pending?.stage).toBe('conflict');
    expect(pending?.differences).toEqual([
      { key: `grade:${o2}:${i0}`, objectId: o2, partId: i0, first: 1, second: 3 },
      { key: `grade:${o5}:${i4}`, objectId: o5, partId: i4, first: 1, second: null },
    ]);
    expect(rows('SELECT * FROM ballots WHERE meeting_id = ? AND voter_group = ?', meetingId, 'recipients')).toHaveLength(5);
    const missing = await chairRaw(t, 'paperResolve', { meetingId, entryId: a.entryId, choices: { [`grade:${o2}:${i0}`]: 'second' } });
    expect(missing.error?.code).toBe('paper_choice_missing');
    const again = await chairRaw(t, 'paperSecondEntry', { meetingId, entryId: a.entryId, clerk: '丙', ballot: differing });
    expect(again.error?.code).toBe('paper_entry_stage');
    const settled = await t.chair('paperResolve', { meetingId, entryId: a.entryId, choices: { [`grade:${o2}:${i0}`]: 'second', [`grade:${o5}:${i4}`]: 'first' } });
    expect(settled.outcome).toBe('accepted');
    const recipientTexts = rows('SELECT content_json FROM ballots WHERE meeting_id = ? AND voter_group = ?', meetingId, 'recipients').map((r) => JSON.parse(String(r['content_json'])));
    const settledBallot = recipientTexts.find((c) => c.answers[o2][i0] === 3);
    expect(settledBallot?.answers[o5][i4]).toBe(1);

    // 3. A paper with two grades ticked for one item is a 无效票: kept with its rule, not counted.
    const bad = paperBallot(view, (o, i) => (o === 0 && i === 1 ? OFF_SCALE_GRADE : 0));
    const c = await t.chair('paperFirstEntry', { meetingId, group: 'recipients', clerk: '录入员甲一号', ballot: bad });
    const invalid = await t.chair('paperSecondEntry', { meetingId, entryId: c.entryId, clerk: '录入员乙二号', ballot: bad });
    expect(invalid.outcome).toBe('invalid');
    expect(invalid.view.invalid).toEqual([expect.objectContaining({ group: 'recipients', reason: 'grade_off_scale' })]);
    expect(invalid.view.invalid[0]?.zh).toContain('不在评分等次中');
    expect(rows('SELECT * FROM ballots WHERE meeting_id = ? AND voter_group = ?', meetingId, 'recipients')).toHaveLength(6);

    // Reconciliation: electronic + paper + not returned = 实到, per group.
    expect(invalid.view.reconciliation).toEqual([
      { group: 'officials', present: 9, electronic: 3, paperValid: 1, paperInvalid: 0, paperPending: 0, notReturned: 5, balanced: true },
      { group: 'recipients', present: 21, electronic: 5, paperValid: 1, paperInvalid: 1, paperPending: 0, notReturned: 14, balanced: true },
    ]);

    // The audit trail counts paper ballots by group, and says nothing of which paper, who keyed it or what it says.
    const audit = rows("SELECT action, detail FROM audit WHERE action = 'paper_ballot'");
    expect(audit.map((r) => JSON.parse(String(r['detail'])))).toEqual([{ group: 'officials' }, { group: 'recipients' }, { group: 'recipients' }]);
    // No entry is left, and no clerk's name in the database file or its log.
    expect(rows('SELECT * FROM paper_entries')).toEqual([]);
    for (const file of ['pingyi.sqlite', 'pingyi.sqlite-wal']) {
      const path = join(t.dataDir, file);
      if (existsSync(path)) expect(readFileSync(path).includes(Buffer.from('录入员甲一号'))).toBe(false);
    }

    // The sheet counts what was stored: its fingerprint changed, and is the exported file's.
    const after = await t.chair('printData', { meetingId, sheet: 'ranking' });
    if (after.sheet !== 'ranking' || before.sheet !== 'ranking') throw new Error('not a ranking sheet');
    expect(after.fingerprint).not.toBe(before.fingerprint);
    const file = await t.chair('exportBallots', { meetingId, format: 'csv' });
    const report = await t.chair('retally', { fileName: file.fileName, base64: file.base64 });
    expect(report.ballots).toBe(10);
    expect(report.matches).toBe(true);
    expect(report.fingerprint.slice(0, 20).toUpperCase().match(/.{4}/g)?.join(' ')).toBe(after.fingerprint);
    expect(after.counts.map((g) => [g.group, g.cast, g.paper, g.invalid])).toEqual([
      ['officials', 4, 1, 0],
      ['recipients', 6, 1, 1],
    ]);
    const results = await t.chair('results', { meetingId });
    expect(results.ballots).toBe(10);
    // The tally counts valid ballots only; the 无效票 stand beside it, per group.
    expect(results.invalidBallots).toEqual([
      { group: 'officials', count: 0 },
      { group: 'recipients', count: 1 },
    ]);
    expect(results.groups.map((g) => [g.group, g.ballots])).toEqual([
      ['officials', 4],
      ['recipients', 6],
    ]);
  });

  it('results become official only once no paper ballot is pending; afterwards nothing is keyed', async () => {
    const { meetingId } = await closedDemo();
    const view = await t.chair('paperEntry', { meetingId });
    const entry = await t.chair('paperFirstEntry', { meetingId, group: 'officials', clerk: '甲', ballot: paperBallot(view, PLAN) });
    const refused = await chairRaw(t, 'markOfficial', { meetingId, confirm: true });
    expect(refused.error?.code).toBe('paper_entries_pending');
    const left = await t.chair('paperDiscard', { meetingId, entryId: entry.entryId, confirm: true });
    expect(left.pending).toEqual([]);
    await t.chair('markOfficial', { meetingId, confirm: true });
    const late = await chairRaw(t, 'paperFirstEntry', { meetingId, group: 'officials', clerk: '甲', ballot: paperBallot(view, PLAN) });
    expect(late.error?.code).toBe('paper_not_now');
    expect((await t.chair('paperEntry', { meetingId })).mayEnter).toBe(false);
  });

  it('a worst-list paper naming more than K objects is a 无效票 of its group', async () => {
    const { roundId } = demoMeeting(t);
    const meeting = await t.chair('createMeeting', { roundId, title: '评差会', kind: 'social', ballotType: 'worst', heldOn: '2026-11-23', place: '会议室' });
    const setup = await t.chair('meetingSetup', { meetingId: meeting.id });
    await t.chair('updateSettings', { meetingId: meeting.id, settings: { ...setup.settings, worstK: 2 } });
    const rep = await t.chair('addRepresentative', { meetingId: meeting.id, name: '代表', unit: '单位', category: 'recipient' });
    await t.chair('setCheckedIn', { meetingId: meeting.id, representativeId: rep.id, present: true });
    await t.chair('generateCodes', { meetingId: meeting.id, spares: 0 });
    await t.chair('openVoting', { meetingId: meeting.id, override: '测试用的小会议' });
    await t.chair('closeVoting', { meetingId: meeting.id });
    const view = await t.chair('paperEntry', { meetingId: meeting.id });
    const tag = view.form.tags[0]?.id ?? '';
    const three: BallotContent = { type: 'worst', picks: view.form.objects.slice(0, 3).map((o) => ({ objectId: o.id, tags: [tag] })) };
    const entry = await t.chair('paperFirstEntry', { meetingId: meeting.id, group: 'recipients', clerk: '甲', ballot: three });
    // Keyed in another order: the same paper.
    const reversed: BallotContent = { type: 'worst', picks: three.type === 'worst' ? [...three.picks].reverse() : [] };
    const done = await t.chair('paperSecondEntry', { meetingId: meeting.id, entryId: entry.entryId, clerk: '乙', ballot: reversed });
    expect(done.outcome).toBe('invalid');
    expect(done.view.invalid).toEqual([expect.objectContaining({ group: 'recipients', reason: 'too_many_picks' })]);
    expect(done.view.reconciliation.find((r) => r.group === 'recipients')).toMatchObject({ present: 1, electronic: 0, paperValid: 0, paperInvalid: 1, notReturned: 0, balanced: true });
    const sheet = await t.chair('printData', { meetingId: meeting.id, sheet: 'worst' });
    if (sheet.sheet !== 'worst') throw new Error('not a worst sheet');
    expect(sheet.counts.find((g) => g.group === 'recipients')).toMatchObject({ cast: 0, invalid: 1 });
  });

  it('a paper keyed as 无效票 as a whole: both entries must say so; one that does not makes a pair to settle; kept with its reason, counted as 无效票 on the reconciliation and the sheets', async () => {
    const { meetingId } = await closedDemo();
    const view = await t.chair('paperEntry', { meetingId });
    const ballotsBefore = rows('SELECT * FROM ballots WHERE meeting_id = ?', meetingId).length;
    // Both clerks: unreadable. Whatever the form's boxes said, only the mark is kept.
    const a = await t.chair('paperFirstEntry', { meetingId, group: 'officials', clerk: '甲', ballot: paperBallot(view, PLAN), wholeInvalid: 'unreadable' });
    const agreed = await t.chair('paperSecondEntry', { meetingId, entryId: a.entryId, clerk: '乙', ballot: paperBallot(view, () => null), wholeInvalid: 'unreadable' });
    expect(agreed.outcome).toBe('invalid');
    expect(agreed.view.invalid).toEqual([expect.objectContaining({ group: 'officials', reason: 'whole_unreadable', zh: expect.stringContaining('无法辨认') })]);
    expect(rows('SELECT reason, content_json FROM invalid_ballots WHERE meeting_id = ?', meetingId)).toEqual([
      { reason: 'whole_unreadable', content_json: JSON.stringify({ type: 'graded', wholeInvalid: 'unreadable' }) },
    ]);

    // One clerk keys the paper as a ballot, the other as 无效票 (其他): they differ in the one field `whole`.
    const b = await t.chair('paperFirstEntry', { meetingId, group: 'recipients', clerk: '甲', ballot: paperBallot(view, PLAN) });
    const differs = await t.chair('paperSecondEntry', { meetingId, entryId: b.entryId, clerk: '乙', ballot: paperBallot(view, PLAN), wholeInvalid: 'other' });
    expect(differs.outcome).toBe('conflict');
    expect(differs.view.pending[0]?.differences).toEqual([{ key: 'whole', objectId: '', partId: null, first: null, second: 'other' }]);
    expect((await chairRaw(t, 'paperResolve', { meetingId, entryId: b.entryId, choices: {} })).error?.code).toBe('paper_choice_missing');
    const settled = await t.chair('paperResolve', { meetingId, entryId: b.entryId, choices: { whole: 'second' } });
    expect(settled.outcome).toBe('invalid');
    // And a pair settled the other way is the first clerk's ballot, counted.
    const c = await t.chair('paperFirstEntry', { meetingId, group: 'recipients', clerk: '甲', ballot: paperBallot(view, PLAN), wholeInvalid: 'other' });
    await t.chair('paperSecondEntry', { meetingId, entryId: c.entryId, clerk: '乙', ballot: paperBallot(view, PLAN) });
    expect((await t.chair('paperResolve', { meetingId, entryId: c.entryId, choices: { whole: 'second' } })).outcome).toBe('accepted');
    expect(rows('SELECT * FROM ballots WHERE meeting_id = ?', meetingId)).toHaveLength(ballotsBefore + 1);

    const final = await t.chair('paperEntry', { meetingId });
    expect(final.invalid.map((i) => [i.group, i.reason])).toEqual([
      ['officials', 'whole_unreadable'],
      ['recipients', 'whole_other'],
    ]);
    expect(final.reconciliation.map((r) => [r.group, r.paperValid, r.paperInvalid, r.notReturned])).toEqual([
      ['officials', 0, 1, 5],
      ['recipients', 1, 1, 14],
    ]);
    const sheet = await t.chair('printData', { meetingId, sheet: 'ranking' });
    if (sheet.sheet !== 'ranking') throw new Error('not a ranking sheet');
    expect(sheet.counts.map((g) => [g.group, g.invalid])).toEqual([
      ['officials', 1],
      ['recipients', 1],
    ]);
    expect((await t.chair('results', { meetingId })).invalidBallots).toEqual([
      { group: 'officials', count: 1 },
      { group: 'recipients', count: 1 },
    ]);
    const reconciliation = await t.chair('printData', { meetingId, sheet: 'paperReconciliation' });
    expect(JSON.stringify(reconciliation)).toContain('整张评议表无法辨认');
  });
});
