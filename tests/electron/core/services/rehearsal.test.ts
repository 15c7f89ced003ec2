/**
 * Rehearsals (演练, issue 17 part 2) through the chair API and the tablet API over real HTTP, on
 * a real SQLite file: the one-click copy in its own round, codes that belong to it alone (the
 * tablet API resolves a rehearsal code to the rehearsal, never to the real meeting, and after the
 * wipe to nothing), the confirmation before opening the real meeting while the rehearsal votes,
 * results that can never be official, 演练 in every file name, and a wipe that leaves no trace
 * in any table, the key folder, the saved PDFs or the raw file, except one audit line.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fullBallot, startTestHost, type TestHost } from '../../../support/running-host';
import type { ChairInput, ChairMethod } from '../../../../shared/api/chair-contract';
import { verifyAudit } from '../../../../electron/core/store/audit';

let t: TestHost;
beforeEach(async () => {
  t = await startTestHost();
});
afterEach(async () => {
  await t.stop();
});

/** A chair call that answers the error instead of throwing. */
async function raw<M extends ChairMethod>(method: M, input: ChairInput<M>): Promise<{ ok: boolean; error?: { code: string; details?: any } }> {
  const response = await fetch(`${t.chairBase}/api/chair/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-pingyi-token': t.host.chair.token },
    body: JSON.stringify(input),
  });
  return (await response.json()) as never;
}

/** Every table's rows as text, to search for any trace. */
function dump(): string {
  const db = t.host.core.store.db;
  const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((r) => r.name);
  return tables.map((name) => `${name}:${JSON.stringify(db.prepare(`SELECT * FROM "${name}"`).all())}`).join('\n');
}

function fileBytes(): Buffer {
  const base = join(t.dataDir, 'pingyi.sqlite');
  return Buffer.concat([base, `${base}-wal`].filter((p) => existsSync(p)).map((p) => readFileSync(p)));
}

const REASON = '演练：只请几位同事试投';

/**
 * After a wipe: none of `traces` in any table or the raw file, no saved 演练 PDF, no key file, the
 * main chain intact with exactly the one wipe line `wipeLine` and no line of the rehearsal, its
 * round gone from the tree. Answers the main chain's lines.
 */
async function expectNoTrace(traces: string[], rehearsalId: string, roundId: string, wipeLine: [string, unknown]) {
  const after = dump();
  for (const trace of traces) expect(after).not.toContain(trace);
  for (const trace of traces) expect(fileBytes().includes(Buffer.from(trace))).toBe(false);
  const exports = join(t.dataDir, 'exports');
  expect(existsSync(exports) ? readdirSync(exports).filter((n) => n.startsWith('演练-')) : []).toEqual([]);
  expect(existsSync(join(t.dataDir, 'keys', `${rehearsalId}.key`))).toBe(false);
  const wipeLines = await t.chair('auditTrail', { action: 'wipe_rehearsal' });
  expect(wipeLines.lines.map((l) => [l.meetingId, l.detail])).toEqual([wipeLine]);
  // The main chain is intact after the rehearsal's own chain went.
  expect(wipeLines.chain.ok).toBe(true);
  expect(verifyAudit(t.host.core.store.db).ok).toBe(true);
  const lines = (await t.chair('auditTrail', {})).lines;
  expect(lines.filter((l) => l.meetingId === rehearsalId)).toEqual([]);
  expect((await t.chair('setupTree', {})).flatMap((c) => c.rounds).map((r) => r.id)).not.toContain(roundId);
  return lines;
}

describe('rehearsal (演练)', () => {
  it('copies a meeting in one click; its codes are its own; the real meeting asks before opening; never official; 演练 in every file; a wipe leaves one audit line', async () => {
    const [real] = await t.chair('listMeetings', {});
    if (!real) throw new Error('no demo meeting');
    expect(real.rehearsalOf).toBeNull();
    const auditBefore = t.host.core.store.db.prepare('SELECT COUNT(*) AS n FROM audit').get() as { n: number };

    const rehearsal = await t.chair('createRehearsal', { meetingId: real.id });
    expect(rehearsal).toMatchObject({ rehearsalOf: real.id, status: 'draft', kind: real.kind, ballotType: real.ballotType });
    expect(rehearsal.title).toBe(`演练 · ${real.title}`);
    // Its own round, with a copy of the objects: the real round is untouched.
    const tree = await t.chair('setupTree', {});
    const rounds = tree.flatMap((c) => c.rounds);
    const rehearsalRound = rounds.find((r) => r.meetings.some((m) => m.id === rehearsal.id));
    const realRound = rounds.find((r) => r.meetings.some((m) => m.id === real.id));
    expect(rehearsalRound?.name).toMatch(/^演练 · /);
    expect(rehearsalRound?.meetings).toHaveLength(1);
    expect(realRound?.meetings.map((m) => m.id)).toEqual([real.id]);
    const realView = await t.chair('getMeeting', { meetingId: real.id });
    const view = await t.chair('getMeeting', { meetingId: rehearsal.id });
    expect(view.objectCount).toBe(realView.objectCount);
    expect(view.rehearsalOf).toBe(real.id);
    expect((await t.chair('checkInList', { meetingId: rehearsal.id })).length).toBe((await t.chair('checkInList', { meetingId: real.id })).length);
    // A rehearsal is not rehearsed again.
    expect((await raw('createRehearsal', { meetingId: rehearsal.id })).error?.code).toBe('rehearsal_of_rehearsal');

    const rehearsalCodes = await t.chair('generateCodes', { meetingId: rehearsal.id, spares: 0 });
    const realCodes = await t.chair('generateCodes', { meetingId: real.id, spares: 0 });
    // Nobody is checked in for the rehearsal: it opens with a written reason, like the real one would.
    await t.chair('openVoting', { meetingId: rehearsal.id, override: REASON });
    expect(existsSync(join(t.dataDir, 'keys', `${rehearsal.id}.key`))).toBe(true);

    // Opening the real meeting while its rehearsal votes asks first, and opens once confirmed.
    const refused = await raw('openVoting', { meetingId: real.id });
    expect(refused.error?.code).toBe('rehearsal_open');
    expect(refused.error?.details?.rehearsals).toEqual([{ id: rehearsal.id, title: rehearsal.title, status: 'open' }]);
    expect((await t.chair('getMeeting', { meetingId: real.id })).status).toBe('draft');
    expect((await t.chair('openVoting', { meetingId: real.id, despiteRehearsal: true })).status).toBe('open');
    const realLines = await t.chair('auditTrail', { meetingId: real.id, action: 'open_despite_rehearsal' });
    expect(realLines.lines).toHaveLength(1);

    // A rehearsal code opens the rehearsal's ballot, with the banner flag, never the real meeting's.
    const rehearsalCode = rehearsalCodes[0]?.code ?? '';
    const realCode = realCodes[0]?.code ?? '';
    const session = await t.tablet('/api/tablet/session', { code: rehearsalCode });
    expect(session.status).toBe(200);
    expect(session.body.value.meeting.id).toBe(rehearsal.id);
    expect(session.body.value.rehearsal).toBe(true);
    const realSession = await t.tablet('/api/tablet/session', { code: realCode });
    expect(realSession.body.value.meeting.id).toBe(real.id);
    expect(realSession.body.value.rehearsal).toBe(false);
    const auditLinesBeforeBallots = (t.host.core.store.db.prepare('SELECT COUNT(*) AS n FROM audit').get() as { n: number }).n;
    for (const code of rehearsalCodes.slice(0, 6).map((c) => c.code)) {
      const definition = (await t.tablet('/api/tablet/session', { code })).body.value;
      expect((await t.tablet('/api/tablet/ballot', { code, ballot: fullBallot(definition, (o, i) => (o + i) % 4) })).status).toBe(200);
    }
    // Ballots write no audit line: nothing in the trail lines up with arrivals.
    expect((t.host.core.store.db.prepare('SELECT COUNT(*) AS n FROM audit').get() as { n: number }).n).toBe(auditLinesBeforeBallots);
    const ballotsOf = async (meetingId: string) => (await t.chair('getMeeting', { meetingId })).turnout.reduce((sum, g) => sum + g.ballots, 0);
    expect(await ballotsOf(rehearsal.id)).toBe(6);
    expect(await ballotsOf(real.id)).toBe(0);
    // A used rehearsal code is used, in the rehearsal; the real meeting never sees it.
    expect((await t.tablet('/api/tablet/session', { code: rehearsalCode })).body.error?.code).toBe('code_used');

    // Closed, its results are shown but can never be confirmed official.
    await t.chair('closeVoting', { meetingId: rehearsal.id });
    expect(existsSync(join(t.dataDir, 'keys', `${rehearsal.id}.key`))).toBe(false);
    expect((await raw('markOfficial', { meetingId: rehearsal.id, confirm: true })).error?.code).toBe('rehearsal_not_official');
    expect((await t.chair('getMeeting', { meetingId: rehearsal.id })).status).toBe('closed');

    // 演练 in every file name; the real meeting's files do not carry it.
    const names = [
      (await t.chair('exportResults', { meetingId: rehearsal.id, format: 'xlsx' })).fileName,
      (await t.chair('exportBallots', { meetingId: rehearsal.id, format: 'csv' })).fileName,
      (await t.chair('exportReceipts', { meetingId: rehearsal.id, format: 'csv' })).fileName,
      (await t.chair('exportRoundResults', { meetingId: rehearsal.id, format: 'csv' })).fileName,
      (await t.chair('exportRoster', { meetingId: rehearsal.id, format: 'csv' })).fileName,
      (await t.chair('exportObjects', { roundId: rehearsalRound?.id ?? '', format: 'csv' })).fileName,
      (await t.chair('exportAudit', { meetingId: rehearsal.id, format: 'csv' })).fileName,
    ];
    for (const name of names) expect(name).toMatch(/^演练-/);
    expect((await t.chair('exportRoster', { meetingId: real.id, format: 'csv' })).fileName).not.toMatch(/演练/);
    const results = await t.chair('exportResults', { meetingId: rehearsal.id, format: 'csv' });
    expect(Buffer.from(results.base64, 'base64').toString('utf8')).toContain('演练（试投）：不是正式评议，结果不作数');
    // Every sheet says 演练 in its header (the print layouts put the watermark on it).
    for (const sheet of ['signin', 'ranking', 'detail', 'receipts', 'audit'] as const) {
      const data = await t.chair('printData', { meetingId: rehearsal.id, sheet });
      expect(data.header.rehearsal).toBe(true);
    }
    expect((await t.chair('printData', { meetingId: real.id, sheet: 'signin' })).header.rehearsal).toBe(false);
    const pdf = await t.chair('renderPdf', { meetingId: rehearsal.id, sheet: 'ranking' });
    expect(pdf.fileName).toMatch(/^演练-演练 · /u);
    expect(pdf.savedTo !== null && existsSync(pdf.savedTo)).toBe(true);

    // Its lines are in its own chain; its trail and its appendix show that chain's head.
    const ownLines = await t.chair('auditTrail', { meetingId: rehearsal.id });
    expect(ownLines.lines.map((l) => l.action)).toContain('create_rehearsal');
    expect(ownLines.chain.head).toBe(ownLines.lines.at(-1)?.hash);
    const appendix = await t.chair('printData', { meetingId: rehearsal.id, sheet: 'audit' });
    if (appendix.sheet !== 'audit') throw new Error('not the audit sheet');
    expect(appendix.chain.head).toBe((await t.chair('auditTrail', { meetingId: rehearsal.id })).chain.head);
    expect(appendix.chain.head).not.toBe((await t.chair('auditTrail', {})).chain.head);

    // The wipe: one audit line in the main chain, nothing else anywhere.
    expect((await raw('wipeRehearsal', { meetingId: real.id, confirm: true })).error?.code).toBe('not_rehearsal');
    const traces = [rehearsal.id, rehearsalRound?.id ?? '', rehearsal.title, REASON];
    expect(dump()).toContain(rehearsal.id);
    const wiped = await t.chair('wipeRehearsal', { meetingId: rehearsal.id, confirm: true });
    expect(wiped).toEqual({ wiped: rehearsal.id, realMeetingId: real.id });
    expect(existsSync(pdf.savedTo ?? '')).toBe(false);
    const lines = await expectNoTrace(traces, rehearsal.id, rehearsalRound?.id ?? '', [real.id, { ballots: 6, codes: rehearsalCodes.length }]);
    expect(lines.length).toBeGreaterThan(auditBefore.n);
    // Its codes are nothing now; the real meeting's still work.
    expect((await t.tablet('/api/tablet/session', { code: rehearsalCodes[1]?.code })).body.error?.code).toBe('unknown_code');
    expect((await t.tablet('/api/tablet/session', { code: realCode })).body.value.meeting.id).toBe(real.id);
  }, 120_000);

  it('wipes a rehearsal that is still voting: closes it, destroys its key, and the real meeting opens without asking', async () => {
    const [real] = await t.chair('listMeetings', {});
    if (!real) throw new Error('no demo meeting');
    const rehearsal = await t.chair('createRehearsal', { meetingId: real.id });
    await t.chair('generateCodes', { meetingId: rehearsal.id, spares: 2 });
    await t.chair('openVoting', { meetingId: rehearsal.id, override: REASON });
    await t.chair('pauseVoting', { meetingId: rehearsal.id });
    expect((await raw('openVoting', { meetingId: real.id })).error?.code).toBe('rehearsal_open');
    expect(existsSync(join(t.dataDir, 'keys', `${rehearsal.id}.key`))).toBe(true);
    await t.chair('wipeRehearsal', { meetingId: rehearsal.id, confirm: true });
    expect(existsSync(join(t.dataDir, 'keys', `${rehearsal.id}.key`))).toBe(false);
    expect(dump()).not.toContain(rehearsal.id);
    expect((await raw('openVoting', { meetingId: real.id })).ok).toBe(true);
    expect((await t.chair('auditTrail', { meetingId: real.id, action: 'open_despite_rehearsal' })).lines).toEqual([]);
    expect(verifyAudit(t.host.core.store.db).ok).toBe(true);
  }, 60_000);

  it('removing a rehearsal as a meeting (removeMeeting) is its wipe: nothing of it is left but the one audit line', async () => {
    const [real] = await t.chair('listMeetings', {});
    if (!real) throw new Error('no demo meeting');
    const rehearsal = await t.chair('createRehearsal', { meetingId: real.id });
    const round = (await t.chair('setupTree', {})).flatMap((c) => c.rounds).find((r) => r.meetings.some((m) => m.id === rehearsal.id));
    // Edits to the rehearsal's round (its copy of the objects) are lines of the rehearsal's own chain, not the main one.
    const copies = (await t.chair('meetingSetup', { meetingId: rehearsal.id })).objects;
    await t.chair('removeObject', { objectId: copies.at(-1)?.id ?? '', confirm: true });
    const roundSettings = (await t.chair('meetingSetup', { meetingId: rehearsal.id })).roundSettings;
    await t.chair('updateRoundSettings', { roundId: round?.id ?? '', settings: roundSettings });
    expect((await t.chair('auditTrail', { meetingId: rehearsal.id, action: 'update_round_settings' })).lines).toHaveLength(1);
    expect((await t.chair('auditTrail', { meetingId: rehearsal.id, action: 'remove_object' })).lines).toHaveLength(1);
    expect((await t.chair('auditTrail', { action: 'remove_object' })).lines.filter((l) => l.meetingId !== rehearsal.id)).toEqual([]);
    const codes = await t.chair('generateCodes', { meetingId: rehearsal.id, spares: 0 });
    await t.chair('openVoting', { meetingId: rehearsal.id, override: REASON });
    for (const code of codes.slice(0, 2).map((c) => c.code)) {
      const definition = (await t.tablet('/api/tablet/session', { code })).body.value;
      expect((await t.tablet('/api/tablet/ballot', { code, ballot: fullBallot(definition, (o, i) => (o + i) % 4) })).status).toBe(200);
    }
    // Ballots in it: a plain meeting would be refused (remove_refused); the rehearsal goes whole.
    expect(await t.chair('removeMeeting', { meetingId: rehearsal.id, confirm: true })).toEqual({ id: rehearsal.id });
    await expectNoTrace([rehearsal.id, round?.id ?? '', rehearsal.title, REASON], rehearsal.id, round?.id ?? '', [real.id, { ballots: 2, codes: codes.length }]);
    expect((await t.tablet('/api/tablet/session', { code: codes[0]?.code })).body.error?.code).toBe('unknown_code');
    expect((await raw('openVoting', { meetingId: real.id })).ok).toBe(true);
    // The round's lines went with the rehearsal's chain.
    expect((await t.chair('auditTrail', { action: 'remove_object' })).lines).toEqual([]);
    expect((await t.chair('auditTrail', { action: 'update_round_settings' })).lines).toEqual([]);
  }, 60_000);
});
