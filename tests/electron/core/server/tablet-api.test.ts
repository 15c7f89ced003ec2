/**
 * The tablet API through real HTTP on a free loopback port, against a real SQLite file:
 * the happy path, idempotent retries, every error code, and the limits.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { fullBallot, openDemoMeeting, startTestHost, type TestHost } from '../../../support/running-host';
import { CODE_ALPHABET, checkCharacter, formatCode } from '../../../../shared/codes/code-format';
import type { BallotDefinition } from '../../../../shared/api/tablet-schemas';

let t: TestHost;
beforeEach(async () => {
  t = await startTestHost();
});
afterEach(async () => {
  await t.stop();
});

async function session(code: string): Promise<BallotDefinition> {
  const answer = await t.tablet('/api/tablet/session', { code });
  expect(answer.status).toBe(200);
  return answer.body.value as BallotDefinition;
}

function countRows(table: string): number {
  const db = new Database(join(t.dataDir, 'pingyi.sqlite'), { readonly: true });
  try {
    // While voting is open, ballots are sealed: count them in both of their tables.
    const tables = table === 'ballots' ? ['ballots', 'sealed_ballots'] : [table];
    return tables.reduce((n, name) => n + (db.prepare(`SELECT COUNT(*) AS n FROM ${name}`).get() as { n: number }).n, 0);
  } finally {
    db.close();
  }
}

describe('tablet API', () => {
  it('shows the ballot of the code\'s meeting and group, then stores one ballot with a receipt', async () => {
    const { officials } = await openDemoMeeting(t);
    const definition = await session(officials[0] ?? '');
    expect(definition.group).toBe('officials');
    expect(definition.objects).toHaveLength(8);
    expect(definition.indicatorSets[0]?.indicators.map((i) => i.name)).toEqual(['业务素质', '执行政策', '服务态度', '办事效率', '廉洁自律']);
    const answer = await t.tablet('/api/tablet/ballot', { code: officials[0], ballot: fullBallot(definition, () => 0) });
    expect(answer.status).toBe(200);
    expect(answer.body.value.receipt).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(countRows('ballots')).toBe(1);
  });

  it('gives the same receipt for the same ballot and a conflict for a different one', async () => {
    const { recipients } = await openDemoMeeting(t);
    const code = recipients[0] ?? '';
    const definition = await session(code);
    const ballot = fullBallot(definition, (o, i) => (o + i) % 4);
    const submissionKey = 'AAAAAAAAAAAAAAAAAAAAAA';
    const first = await t.tablet('/api/tablet/ballot', { code, submissionKey, ballot });
    const again = await t.tablet('/api/tablet/ballot', { code: code.toLowerCase().replace(/-/g, ' '), submissionKey, ballot });
    expect(again.status).toBe(200);
    expect(again.body.value.receipt).toBe(first.body.value.receipt);
    // The same key is recognised without looking at the content: the first ballot stands.
    const sameKey = await t.tablet('/api/tablet/ballot', { code, submissionKey, ballot: fullBallot(definition, () => 2) });
    expect([sameKey.status, sameKey.body.value?.receipt]).toEqual([200, first.body.value.receipt]);
    // Another key learns only 已使用, whatever ballot it sends (the same one included).
    for (const content of [ballot, fullBallot(definition, () => null)]) {
      const other = await t.tablet('/api/tablet/ballot', { code, submissionKey: 'BBBBBBBBBBBBBBBBBBBBBB', ballot: content });
      expect(other.status).toBe(409);
      expect(other.body.error.code).toBe('code_used');
    }
    const again2 = await t.tablet('/api/tablet/session', { code, submissionKey });
    expect([again2.status, again2.body.value?.receipt]).toEqual([200, first.body.value.receipt]);
    const noKey = await t.tablet('/api/tablet/session', { code });
    expect([noKey.status, noKey.body.error?.code]).toEqual([409, 'code_used']);
    expect(countRows('ballots')).toBe(1);
  });

  it('stores exactly one ballot when 50 submissions of one code arrive at once', async () => {
    const { officials } = await openDemoMeeting(t);
    const code = officials[1] ?? '';
    const definition = await session(code);
    const ballot = fullBallot(definition, () => 1);
    const answers = await Promise.all(Array.from({ length: 50 }, () => t.tablet('/api/tablet/ballot', { code, ballot })));
    expect(new Set(answers.map((a) => a.body.value?.receipt)).size).toBe(1);
    expect(answers.every((a) => a.status === 200)).toBe(true);
    expect(countRows('ballots')).toBe(1);
  });

  it('refuses malformed, unknown and not-yet-open codes with clear errors and stores nothing', async () => {
    const [meeting] = await t.chair('listMeetings', {});
    const codes = await t.chair('generateCodes', { meetingId: meeting?.id ?? '', spares: 0 });
    const code = codes[0]?.code ?? '';
    const notOpen = await t.tablet('/api/tablet/session', { code });
    expect([notOpen.status, notOpen.body.error.code]).toEqual([409, 'voting_not_open']);
    expect(notOpen.body.error.message).toMatch(/投票尚未开始/);
    const malformed = await t.tablet('/api/tablet/session', { code: 'hello' });
    expect([malformed.status, malformed.body.error.code]).toEqual([400, 'malformed_code']);
    const data = 'ZZZZZZZZZZZZ';
    const unknown = await t.tablet('/api/tablet/session', { code: formatCode(data + checkCharacter(data)) });
    expect([unknown.status, unknown.body.error.code]).toEqual([404, 'unknown_code']);
    const wrongCheck = formatCode(code.replace(/-/g, '').slice(0, 12) + CODE_ALPHABET.charAt((CODE_ALPHABET.indexOf(code.slice(-1)) + 1) % 32));
    const typo = await t.tablet('/api/tablet/session', { code: wrongCheck });
    expect(typo.body.error.code).toBe('malformed_code');
    expect(countRows('ballots')).toBe(0);
  });

  it('refuses ballots while paused and after close, and incomplete ballots always', async () => {
    const { meetingId, officials } = await openDemoMeeting(t);
    const definition = await session(officials[0] ?? '');
    const incomplete = fullBallot(definition, () => 0);
    delete (incomplete as { answers: Record<string, unknown> }).answers[definition.objects[0]?.id ?? ''];
    const bad = await t.tablet('/api/tablet/ballot', { code: officials[0], ballot: incomplete });
    expect([bad.status, bad.body.error.code]).toEqual([422, 'invalid_ballot']);
    await t.chair('pauseVoting', { meetingId });
    const paused = await t.tablet('/api/tablet/ballot', { code: officials[0], ballot: fullBallot(definition, () => 0) });
    expect([paused.status, paused.body.error.code]).toEqual([409, 'voting_paused']);
    await t.chair('closeVoting', { meetingId });
    const closed = await t.tablet('/api/tablet/ballot', { code: officials[0], ballot: fullBallot(definition, () => 0) });
    expect([closed.status, closed.body.error.code]).toEqual([410, 'voting_closed']);
    expect(countRows('ballots')).toBe(0);
  });

  it('limits body size before parsing and rejects bodies that do not fit the schema', async () => {
    const huge = await t.tablet('/api/tablet/session', JSON.stringify({ code: 'x'.repeat(5000) }));
    expect([huge.status, huge.body.error.code]).toEqual([413, 'payload_too_large']);
    const notJson = await t.tablet('/api/tablet/session', '{not json');
    expect([notJson.status, notJson.body.error.code]).toEqual([400, 'bad_request']);
    const extra = await t.tablet('/api/tablet/session', { code: 'ABCD', admin: true });
    expect(extra.body.error.code).toBe('bad_request');
  });

  it('answers only its own Host and Origin, and has no chair endpoint', async () => {
    const rebinding = await t.tablet('/api/tablet/session', { code: 'x' }, { host: `evil.example:${t.host.tablet.port}` });
    expect([rebinding.status, rebinding.body.error.code]).toEqual([403, 'forbidden']);
    const crossSite = await t.tablet('/api/tablet/session', { code: 'x' }, { origin: 'http://evil.example' });
    expect(crossSite.status).toBe(403);
    const chairOnLan = await t.tablet('/api/chair/listMeetings', {}, { 'x-pingyi-token': t.host.chair.token });
    expect(chairOnLan.status).toBe(404);
  });

  it('throttles a client that keeps guessing codes and raises an alarm for the chair', async () => {
    await openDemoMeeting(t);
    const alarms: string[] = [];
    t.host.core.events.subscribe((event) => {
      if (event.type === 'alarm') alarms.push(event.kind);
    });
    const statuses: number[] = [];
    for (let i = 0; i < 12; i += 1) {
      const data = `ZZZZZZZZZZ${CODE_ALPHABET.charAt(i)}Z`;
      statuses.push((await t.tablet('/api/tablet/session', { code: data + checkCharacter(data) })).status);
    }
    expect(statuses.slice(0, 10).every((s) => s === 404)).toBe(true);
    expect(statuses.slice(10)).toEqual([429, 429]);
    expect(alarms).toEqual(['bad-codes']);
  });
});
