/**
 * DESIGN.md's anonymity model against everything a whole meeting leaves behind: the host
 * process's own output (stdout + stderr) and every file in its data folder. Tablets connect from
 * 127.0.0.2 so their address is recognisable. Nothing may contain a code, that address, a ballot
 * id or a receipt (the file may hold ballot ids and receipts: the ballots themselves).
 */
import { test, expect } from '@playwright/test';
import Database from 'better-sqlite3';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startHostProcess, type HostProcess } from './support/host-process';
import { chairCall, gradedBallot, tabletPost } from './support/clients';
import { checkCharacter } from '../../shared/codes/code-format';
import type { BallotDefinition } from '../../shared/api/tablet-schemas';

const CLIENT = '127.0.0.2';
let host: HostProcess;
test.afterEach(async () => {
  await host.stop();
});

test('a whole meeting leaves no code, client address, ballot id or receipt in the logs, and no code or address in the data folder', async () => {
  host = await startHostProcess();
  const [meeting] = await chairCall(host, 'listMeetings', {});
  const meetingId = meeting?.id ?? '';
  const roster = await chairCall(host, 'checkInList', { meetingId });
  await chairCall(host, 'setCheckedIn', { meetingId, representativeId: roster[0]?.id ?? '', present: false });
  await chairCall(host, 'setCheckedIn', { meetingId, representativeId: roster[0]?.id ?? '', present: true });
  const issued = await chairCall(host, 'generateCodes', { meetingId, spares: 2 });
  const codes = issued.map((c) => c.code);
  await chairCall(host, 'voidCodes', { meetingId, target: { kind: 'code', code: codes.at(-1) ?? '' } });
  await chairCall(host, 'openVoting', { meetingId });
  const from = { localAddress: CLIENT };
  const definition = (await tabletPost(host.tabletUrl, '/api/tablet/session', { code: codes[0] }, from)).body.value as BallotDefinition;
  const receipts: string[] = [];
  for (const [n, code] of codes.slice(0, 12).entries()) {
    const ballot = gradedBallot(definition, (o, i) => (n + o + i) % 4);
    const answer = await tabletPost(host.tabletUrl, '/api/tablet/ballot', { code, ballot }, from);
    expect(answer.status).toBe(200);
    receipts.push(answer.body.value.receipt as string);
    await tabletPost(host.tabletUrl, '/api/tablet/ballot', { code, ballot }, from); // a retry
  }
  // Errors too: a voided code, guesses until throttled, a conflict, junk.
  expect((await tabletPost(host.tabletUrl, '/api/tablet/session', { code: codes.at(-1) }, from)).body.error.code).toBe('voided_code');
  for (let i = 0; i < 11; i += 1) {
    const data = `ZZZZZZZZZZ${'0123456789A'.charAt(i)}Z`;
    await tabletPost(host.tabletUrl, '/api/tablet/session', { code: data + checkCharacter(data) }, from);
  }
  await tabletPost(host.tabletUrl, '/api/tablet/ballot', { code: codes[0], ballot: gradedBallot(definition, () => null) }, { localAddress: '127.0.0.3' });
  await tabletPost(host.tabletUrl, '/api/tablet/ballot', { code: codes[1], ballot: { type: 'graded', answers: 'x' } }, { localAddress: '127.0.0.3' });
  await chairCall(host, 'closeVoting', { meetingId });
  await host.stop();

  const db = new Database(join(host.dataDir, 'pingyi.sqlite'), { readonly: true });
  const ballotIds = (db.prepare('SELECT id FROM ballots').all() as { id: string }[]).map((b) => b.id);
  db.close();
  expect(ballotIds).toHaveLength(12);

  const log = host.output();
  expect(log).toContain('PINGYI_READY'); // the output was captured, so its absence of secrets means something
  const codeForms = codes.flatMap((c) => [c, c.replace(/-/g, ''), c.replace(/-/g, '').toLowerCase()]);
  for (const secret of [...codeForms, CLIENT, '127.0.0.3', ...ballotIds, ...receipts, ...receipts.map((r) => r.replace('-', ''))]) {
    expect(log, `log contains ${secret}`).not.toContain(secret);
  }

  const files = readdirSync(host.dataDir, { recursive: true, withFileTypes: true }).filter((f) => f.isFile());
  expect(files.map((f) => f.name)).toContain('pingyi.sqlite');
  const bytes = Buffer.concat(files.map((f) => readFileSync(join(f.parentPath, f.name))));
  const text = bytes.toString('latin1');
  for (const secret of [...codeForms, CLIENT, '127.0.0.3']) expect(text, `data folder contains ${secret}`).not.toContain(secret);
});
