/**
 * Error paths of the tablet API not covered by tablet-api.test.ts, through real HTTP against a
 * real SQLite file: wrong meeting, another meeting closing, closed codes, worst-list K, and a
 * disk that refuses the write (storage_failed, an alarm, nothing stored, then a good retry).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fullBallot, openDemoMeeting, startTestHost, type TestHost } from '../../../support/running-host';
import type { BallotDefinition } from '../../../../shared/api/tablet-schemas';
import type { ChairEvent } from '../../../../shared/api/chair-contract';
import { tabletErrorText } from '../../../../shared/i18n/tablet-words';

let t: TestHost;
beforeEach(async () => {
  t = await startTestHost();
});
afterEach(async () => {
  await t.stop();
});

function ballotCount(): number {
  // Sealed while voting is open, in the clear after close: count both.
  return (t.host.core.store.db.prepare('SELECT (SELECT COUNT(*) FROM ballots) + (SELECT COUNT(*) FROM sealed_ballots) AS n').get() as { n: number }).n;
}

async function session(code: string): Promise<BallotDefinition> {
  return (await t.tablet('/api/tablet/session', { code })).body.value as BallotDefinition;
}

/** A second demo meeting, open, with its codes. */
async function secondMeeting(): Promise<{ meetingId: string; codes: string[] }> {
  const other = await t.chair('createDemo', {});
  const codes = await t.chair('generateCodes', { meetingId: other.id, spares: 0 });
  await t.chair('openVoting', { meetingId: other.id });
  return { meetingId: other.id, codes: codes.map((c) => c.code) };
}

describe('tablet API error paths', () => {
  it('refuses a ballot of another meeting under this code (wrong meeting) and stores nothing', async () => {
    const first = await openDemoMeeting(t);
    const second = await secondMeeting();
    const definitionA = await session(first.officials[0] ?? '');
    const definitionB = await session(second.codes[0] ?? '');
    expect(definitionB.meeting.id).toBe(second.meetingId);
    expect(definitionB.objects.map((o) => o.id)).not.toEqual(definitionA.objects.map((o) => o.id));
    const wrong = await t.tablet('/api/tablet/ballot', { code: second.codes[0], ballot: fullBallot(definitionA, () => 0) });
    expect([wrong.status, wrong.body.error.code]).toEqual([422, 'invalid_ballot']);
    expect(wrong.body.error.message).toMatch(/选票内容/);
    expect(ballotCount()).toBe(0);
    expect((await t.chair('getMeeting', { meetingId: second.meetingId })).turnout.every((g) => g.codesUsed === 0)).toBe(true);
  });

  it('keeps a meeting\'s retry links when another meeting closes, and closes its own codes at its close', async () => {
    const first = await openDemoMeeting(t);
    const second = await secondMeeting();
    const code = first.recipients[0] ?? '';
    const ballot = fullBallot(await session(code), () => 3);
    const receipt = (await t.tablet('/api/tablet/ballot', { code, ballot })).body.value.receipt as string;
    const otherCode = second.codes[0] ?? '';
    const otherBallot = fullBallot(await session(otherCode), () => 0);
    await t.tablet('/api/tablet/ballot', { code: otherCode, ballot: otherBallot });

    await t.chair('closeVoting', { meetingId: second.meetingId });
    const retry = await t.tablet('/api/tablet/ballot', { code, ballot });
    expect([retry.status, retry.body.value?.receipt]).toEqual([200, receipt]);
    // The closed meeting's used code: closed, not "used" — its link is gone and nothing is stored again.
    const late = await t.tablet('/api/tablet/ballot', { code: otherCode, ballot: otherBallot });
    expect([late.status, late.body.error.code]).toEqual([410, 'voting_closed']);
    const lateSession = await t.tablet('/api/tablet/session', { code: otherCode });
    expect([lateSession.status, lateSession.body.error.code]).toEqual([410, 'voting_closed']);
    expect(ballotCount()).toBe(2);
  });

  it('enforces K and the problem set on worst-list ballots', async () => {
    const [meeting] = await t.chair('listMeetings', {});
    const meetingId = meeting?.id ?? '';
    // A worst-list meeting with K = 3, set up through the chair API before voting opens.
    const setup = await t.chair('meetingSetup', { meetingId });
    const { title, heldOn, place, kind } = setup.meeting;
    await t.chair('updateMeetingDetails', { meetingId, title, heldOn, place, kind, ballotType: 'worst' });
    await t.chair('updateSettings', { meetingId, settings: { ...setup.settings, worstK: 3 } });
    const codes = await t.chair('generateCodes', { meetingId, spares: 0 });
    await t.chair('openVoting', { meetingId });
    const [a, b, c] = codes.map((x) => x.code);
    const definition = await session(a ?? '');
    expect(definition.meeting.ballotType).toBe('worst');
    expect(definition.worstK).toBe(3);
    expect(definition.indicatorSets[0]?.indicators.map((i) => i.name)).toEqual(['冷', '懒', '推', '乱', '贪']);
    const tag = definition.indicatorSets[0]?.indicators[0]?.id ?? '';
    const pick = (i: number, tags: string[] = [tag]) => ({ objectId: definition.objects[i]?.id ?? '', tags });

    const four = await t.tablet('/api/tablet/ballot', { code: a, ballot: { type: 'worst', picks: [0, 1, 2, 3].map((i) => pick(i)) } });
    expect([four.status, four.body.error.code]).toEqual([422, 'invalid_ballot']);
    // Core sends the problem as params; the wire's message is their shared Chinese wording, and
    // an English tablet words the same params in English (shared/i18n/tablet-words.ts).
    expect(four.body.error.params).toEqual({ issue: 'too_many_picks', count: 4, max: 3 });
    expect(four.body.error.message).toBe('选票内容不完整或有误：选了 4 个评议对象，最多只能选 3 个。');
    expect(tabletErrorText('invalid_ballot', four.body.error.params, 'en')).toBe('The ballot is incomplete or wrong: 4 objects are named; at most 3 may be.');
    const unknownTag = await t.tablet('/api/tablet/ballot', { code: a, ballot: { type: 'worst', picks: [pick(0, ['bribes'])] } });
    expect(unknownTag.body.error.code).toBe('invalid_ballot');
    const twice = await t.tablet('/api/tablet/ballot', { code: a, ballot: { type: 'worst', picks: [pick(0), pick(0)] } });
    expect(twice.body.error.code).toBe('invalid_ballot');
    const graded = await t.tablet('/api/tablet/ballot', { code: a, ballot: { type: 'graded', answers: {} } });
    expect(graded.body.error.code).toBe('invalid_ballot');
    expect(ballotCount()).toBe(0);

    expect((await t.tablet('/api/tablet/ballot', { code: a, ballot: { type: 'worst', picks: [0, 1, 2].map((i) => pick(i)) } })).status).toBe(200);
    expect((await t.tablet('/api/tablet/ballot', { code: b, ballot: { type: 'worst', picks: [] } })).status).toBe(200);
    expect((await t.tablet('/api/tablet/ballot', { code: c, ballot: { type: 'worst', picks: [pick(4, [])] } })).status).toBe(200);
    expect(ballotCount()).toBe(3);
  });

  it('answers storage_failed, raises the disk alarm and stores nothing when the disk refuses the write; the retry then succeeds', async () => {
    const { officials } = await openDemoMeeting(t);
    const code = officials[0] ?? '';
    const ballot = fullBallot(await session(code), () => 0);
    const alarms: ChairEvent[] = [];
    t.host.core.events.subscribe((e) => {
      if (e.type === 'alarm') alarms.push(e);
    });
    const db = t.host.core.store.db;
    // A full disk, for real: SQLite may not grow the file by a single page.
    const pages = Number(db.pragma('page_count', { simple: true }));
    db.pragma(`max_page_count = ${pages}`);
    let failed;
    // One ballot may still fit in free space: keep sending distinct codes until a write needs a new page.
    for (const other of officials) {
      const answer = await t.tablet('/api/tablet/ballot', { code: other, ballot });
      if (answer.status !== 200) {
        failed = { code: other, answer };
        break;
      }
    }
    expect(failed?.answer.status).toBe(503);
    expect(failed?.answer.body.error.code).toBe('storage_failed');
    expect(failed?.answer.body.error.message).toMatch(/自动重试/);
    expect(alarms).toHaveLength(1);
    expect(alarms[0]).toMatchObject({ type: 'alarm', kind: 'storage' });
    const stored = ballotCount();
    const usedCodes = (db.prepare("SELECT COUNT(*) AS n FROM codes WHERE state = 'used'").get() as { n: number }).n;
    expect(usedCodes).toBe(stored); // the failed write left no used code without its ballot

    db.pragma('max_page_count = 1073741823');
    const retry = await t.tablet('/api/tablet/ballot', { code: failed?.code, ballot });
    expect(retry.status).toBe(200);
    expect(ballotCount()).toBe(stored + 1);
  });
});
