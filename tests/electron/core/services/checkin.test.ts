/**
 * Check-in (签到) and the attendance rule before voting opens, through the real chair API:
 * 应到/实到 per group, check-in never touching codes, and the written override being kept.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { httpPost, startTestHost, type TestHost } from '../../../support/running-host';
import type { ChairEvent } from '../../../../shared/api/chair-contract';
import { databaseSnapshot as wholeDatabase } from '../../../support/database-snapshot';
import type { AppError } from '../../../../shared/domain/result';
import { errorWords } from '../../../../shared/i18n/error-words';

let t: TestHost;
let meetingId: string;
beforeEach(async () => {
  t = await startTestHost();
  meetingId = (await t.chair('listMeetings', {}))[0]?.id ?? '';
});
afterEach(async () => {
  await t.stop();
});

async function chairRaw(method: string, input: unknown): Promise<{ ok: boolean; value?: any; error?: { code: string; message: string; params?: Record<string, unknown>; details?: any } }> {
  return (await httpPost(`${t.chairBase}/api/chair/${method}`, input, { 'x-pingyi-token': t.host.chair.token })).body;
}

/** The whole database with the roster's present flag left out: equal when only presence changed. */
const databaseSnapshot = () => wholeDatabase(t.host.core.store.db, { representatives: ['checked_in'] });

function codesSnapshot(): string {
  return JSON.stringify(t.host.core.store.db.prepare('SELECT * FROM codes ORDER BY hash').all());
}

async function markAbsent(names: number, group: 'officials' | 'recipients'): Promise<void> {
  const list = await t.chair('checkInList', { meetingId });
  for (const entry of list.filter((e) => e.group === group).slice(0, names)) {
    await t.chair('setCheckedIn', { meetingId, representativeId: entry.id, present: false });
  }
}

describe('check-in', () => {
  it('lists the roster with groups and marks people present or absent, changing 实到 and nothing else', async () => {
    await t.chair('generateCodes', { meetingId, spares: 1 });
    const before = codesSnapshot();
    const wholeBefore = databaseSnapshot();
    const list = await t.chair('checkInList', { meetingId });
    expect(list).toHaveLength(30);
    expect(list.filter((e) => e.group === 'officials')).toHaveLength(9);
    expect(list.every((e) => e.present)).toBe(true);

    const events: ChairEvent[] = [];
    t.host.core.events.subscribe((e) => events.push(e));
    const person = list.find((e) => e.group === 'recipients');
    const absent = await t.chair('setCheckedIn', { meetingId, representativeId: person?.id ?? '', present: false });
    expect(absent).toMatchObject({ id: person?.id, present: false, group: 'recipients' });
    expect(events).toContainEqual({ type: 'changed', meetingId });
    let view = await t.chair('getMeeting', { meetingId });
    expect(view.turnout.map((g) => [g.group, g.expected, g.present])).toEqual([
      ['officials', 9, 9],
      ['recipients', 21, 20],
    ]);
    await t.chair('setCheckedIn', { meetingId, representativeId: person?.id ?? '', present: true });
    view = await t.chair('getMeeting', { meetingId });
    expect(view.turnout.find((g) => g.group === 'recipients')?.present).toBe(21);
    // Check-in never touches codes: not their number, state or group.
    expect(codesSnapshot()).toBe(before);
    // Nor does it leave a timed trail of arrivals: after marking the person absent and present
    // again, every table is as it was, apart from the present flag (so no audit line, no
    // timestamp, no per-person record anywhere), and the audit names no one.
    expect(databaseSnapshot()).toBe(wholeBefore);
    expect(JSON.stringify(t.host.core.store.db.prepare('SELECT * FROM audit').all())).not.toContain(person?.name ?? '');
  });

  it('refuses a person of another meeting and check-in after close', async () => {
    const other = await t.chair('createDemo', {});
    const stranger = (await t.chair('checkInList', { meetingId: other.id }))[0];
    const wrong = await chairRaw('setCheckedIn', { meetingId, representativeId: stranger?.id, present: false });
    expect(wrong.error?.code).toBe('representative_not_found');
    expect((await t.chair('checkInList', { meetingId: other.id }))[0]?.present).toBe(true);
    await t.chair('openVoting', { meetingId });
    await t.chair('closeVoting', { meetingId });
    const late = await chairRaw('setCheckedIn', { meetingId, representativeId: (await t.chair('checkInList', { meetingId }))[0]?.id, present: false });
    expect(late.error?.code).toBe('meeting_closed');
  });
});

describe('attendance before opening', () => {
  it('passes when those present keep the rule', async () => {
    const check = await t.chair('attendanceCheck', { meetingId });
    expect(check).toMatchObject({ applies: true, ok: true, officials: 9, recipients: 21, problems: [], override: null });
  });

  it('refuses to open when too few are present, says whom to add, and opens with a written reason that is kept and audited', async () => {
    await markAbsent(3, 'recipients');
    const check = await t.chair('attendanceCheck', { meetingId });
    expect(check).toMatchObject({ ok: false, officials: 9, recipients: 18 });
    expect(check.problems.map((p) => p.message).join()).toContain('不足 30 人');
    expect(check.fix).toMatch(/再增加 \d+ 名/);

    const refused = await chairRaw('openVoting', { meetingId });
    expect(refused.error?.code).toBe('attendance_rule');
    expect(refused.error?.params).toEqual({ officials: 9, recipients: 18 });
    // As the console words it in Chinese, from the two counts by the composition rule.
    const shown = errorWords(refused.error as AppError, 'zh');
    expect(shown).toContain('填写理由');
    expect(shown).toContain('不足 30 人');
    expect((await t.chair('getMeeting', { meetingId })).status).toBe('draft');
    const tooShort = await chairRaw('openVoting', { meetingId, override: '  ' });
    expect(tooShort.error?.code).toBe('bad_input');

    const reason = '三名服务对象代表因暴雨缺席，经评议领导小组同意照常进行';
    const opened = await t.chair('openVoting', { meetingId, override: reason });
    expect(opened.status).toBe('open');
    expect((await t.chair('attendanceCheck', { meetingId })).override).toBe(reason);
    const row = t.host.core.store.db.prepare('SELECT attendance_override FROM meetings WHERE id = ?').get(meetingId);
    expect(row).toEqual({ attendance_override: reason });
    const audit = t.host.core.store.db.prepare("SELECT detail FROM audit WHERE action = 'attendance_override'").all() as { detail: string }[];
    expect(audit.map((a) => JSON.parse(a.detail))).toEqual([{ reason, officials: 9, recipients: 18 }]);
  });

  it('checks the 30 % share of officials among those present', async () => {
    await markAbsent(5, 'officials');
    const check = await t.chair('attendanceCheck', { meetingId });
    expect(check.ok).toBe(false);
    expect(check.problems.map((p) => p.message).join()).toContain('少于 30%');
    expect((await chairRaw('openVoting', { meetingId })).error?.code).toBe('attendance_rule');
  });

  it('resuming after a pause is not held up by attendance', async () => {
    await t.chair('openVoting', { meetingId });
    await t.chair('pauseVoting', { meetingId });
    await markAbsent(10, 'recipients');
    expect((await t.chair('openVoting', { meetingId })).status).toBe('open');
  });
});
