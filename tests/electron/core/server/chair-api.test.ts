/** The chair API over loopback HTTP: token, Host/Origin, input validation, live events. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { databaseSnapshot } from '../../../support/database-snapshot';
import { fullBallot, httpPost, openDemoMeeting, startTestHost, type TestHost } from '../../../support/running-host';
import type { ChairEvent } from '../../../../shared/api/chair-contract';
import { errorWords } from '../../../../shared/i18n/error-words';

let t: TestHost;
beforeEach(async () => {
  t = await startTestHost();
});
afterEach(async () => {
  await t.stop();
});

function rawChair(method: string, body: unknown, headers: Record<string, string>) {
  return httpPost(`${t.chairBase}/api/chair/${method}`, body, headers);
}

describe('chair API', () => {
  it('listens on 127.0.0.1 only', () => {
    const address = t.host.chair.app.server.address();
    expect(typeof address === 'object' && address?.address).toBe('127.0.0.1');
  });

  it('refuses calls without the run\'s token, or from another Host or Origin', async () => {
    const missing = await rawChair('listMeetings', {}, {});
    expect([missing.status, missing.body]).toEqual([401, { ok: false, error: { code: 'unauthorized', message: errorWords({ code: 'unauthorized' }, 'zh') } }]);
    expect((await rawChair('listMeetings', {}, { 'x-pingyi-token': 'wrong' })).status).toBe(401);
    const token = { 'x-pingyi-token': t.host.chair.token };
    expect((await rawChair('listMeetings', {}, { ...token, host: `attacker.example:${t.host.chair.port}` })).status).toBe(403);
    expect((await rawChair('listMeetings', {}, { ...token, origin: 'http://attacker.example' })).status).toBe(403);
    expect((await rawChair('listMeetings', {}, token)).body.ok).toBe(true);
  });

  it('rejects bad input with a clear error and changes nothing', async () => {
    const token = { 'x-pingyi-token': t.host.chair.token };
    const db = t.host.core.store.db;
    const before = databaseSnapshot(db);
    const [meeting] = await t.chair('listMeetings', {});
    const bad = await rawChair('generateCodes', { meetingId: 'x', spares: -3 }, token);
    expect(bad.body).toMatchObject({ ok: false, error: { code: 'bad_input' } });
    expect(bad.body.error.message.length).toBeGreaterThan(0);
    // A real meeting with a bad field, and a destructive call without its confirmation.
    const badSpares = await rawChair('generateCodes', { meetingId: meeting?.id, spares: 501 }, token);
    expect(badSpares.body).toMatchObject({ ok: false, error: { code: 'bad_input' } });
    const unconfirmed = await rawChair('removeMeeting', { meetingId: meeting?.id }, token);
    expect(unconfirmed.body).toMatchObject({ ok: false, error: { code: 'bad_input' } });
    const unknown = await rawChair('dropDatabase', {}, token);
    expect(unknown.body).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    expect(databaseSnapshot(db)).toBe(before);
  });

  it('pushes turnout to the console as ballots arrive, and refuses a socket without the token', async () => {
    const { officials } = await openDemoMeeting(t);
    const wsUrl = `ws://127.0.0.1:${t.host.chair.port}/api/chair/events`;
    const refused = new WebSocket(wsUrl);
    const closeCode = await new Promise<number>((done) => refused.on('close', (code) => done(code)));
    expect(closeCode).toBe(4401);

    const socket = new WebSocket(`${wsUrl}?token=${t.host.chair.token}`);
    await new Promise((done) => socket.on('open', done));
    const events: ChairEvent[] = [];
    socket.on('message', (data) => events.push(JSON.parse(String(data)) as ChairEvent));
    const definition = (await t.tablet('/api/tablet/session', { code: officials[0] })).body.value;
    await t.tablet('/api/tablet/ballot', { code: officials[0], ballot: fullBallot(definition, () => 0) });
    await expect.poll(() => events.filter((e) => e.type === 'turnout').length).toBe(1);
    const turnout = events.find((e) => e.type === 'turnout');
    expect(turnout?.type === 'turnout' && turnout.turnout.map((g) => [g.group, g.ballots])).toEqual([['officials', 1], ['recipients', 0]]);
    socket.close();
  });

  it('pushes the new code counts to every open console when another client generates codes', async () => {
    const [meeting] = await t.chair('listMeetings', {});
    const socket = new WebSocket(`ws://127.0.0.1:${t.host.chair.port}/api/chair/events?token=${t.host.chair.token}`);
    await new Promise((done) => socket.on('open', done));
    const events: ChairEvent[] = [];
    socket.on('message', (data) => events.push(JSON.parse(String(data)) as ChairEvent));
    const codes = await t.chair('generateCodes', { meetingId: meeting?.id ?? '', spares: 1 });
    await expect.poll(() => events.filter((e) => e.type === 'turnout').length).toBe(1);
    const pushed = events.find((e) => e.type === 'turnout');
    const issued = (group: string) => codes.filter((c) => c.group === group).length;
    expect(pushed?.type === 'turnout' && pushed.turnout.map((g) => [g.group, g.codesIssued])).toEqual([
      ['officials', issued('officials')],
      ['recipients', issued('recipients')],
    ]);
    socket.close();
  });

  it('shows no result before voting closes', async () => {
    const { meetingId } = await openDemoMeeting(t);
    const token = { 'x-pingyi-token': t.host.chair.token };
    const early = await rawChair('results', { meetingId }, token);
    expect(early.body).toMatchObject({ ok: false, error: { code: 'voting_not_closed' } });
  });
});
