/**
 * The ballot writer committing on its own thread, as the built app does: the built thread file
 * (dist/electron/ballot-writer-thread.cjs, made by `npm run build`, which the gate runs first)
 * with its own connection to a real SQLite file. Every answer is the one of its own submission
 * even when hand-overs are committed together; a ballot is acknowledged only once another
 * connection sees it; stop() commits what was handed over before the thread ends; after close a
 * late ballot is refused and no key is made again; a thread that cannot open the file fails
 * its batch as storage_failed with the chair's alarm.
 */
import Database from 'better-sqlite3';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, DATABASE_FILE, type Core } from '../../../../electron/core/core';
import { codeHash, generateCodes } from '../../../../electron/core/services/codes';
import { parseCode } from '../../../../shared/codes/code-format';
import { ballotSession, changeVoting } from '../../../../electron/core/services/voting';
import { BallotWriter } from '../../../../electron/core/services/ballot-writer';
import type { ChairEvent } from '../../../../shared/api/chair-contract';
import type { BallotDefinition } from '../../../../shared/api/tablet-schemas';
import { fullBallot, tempDir } from '../../../support/running-host';
import { submissionKeyFor } from '../../../../scripts/bench/submission-key';

const THREAD_FILE = fileURLToPath(new URL('../../../../dist/electron/ballot-writer-thread.cjs', import.meta.url));

let core: Core | null = null;
afterEach(async () => {
  await core?.writer.stop();
  core?.close();
  core = null;
});

function votingCore(spares = 0): { core: Core; dataDir: string; meetingId: string; codes: string[]; definition: BallotDefinition } {
  if (!existsSync(THREAD_FILE)) throw new Error(`${THREAD_FILE} is missing: run npm run build first`);
  const dataDir = tempDir();
  const made = createCore({ dataDir, demo: true, writerThread: THREAD_FILE });
  core = made;
  const [meeting] = made.store.db.prepare('SELECT id FROM meetings').all() as { id: string }[];
  const meetingId = meeting?.id ?? '';
  const codes = generateCodes(made.store, { meetingId, spares, joinUrl: 'http://127.0.0.1/' });
  if (!codes.ok) throw new Error(codes.error.message);
  expect(changeVoting(made.store, made.events, meetingId, 'open').ok).toBe(true);
  const session = ballotSession(made.store, codes.value[0]?.code ?? '');
  if (!session.ok) throw new Error(session.error.message);
  return { core: made, dataDir, meetingId, codes: codes.value.map((c) => c.code), definition: session.value };
}

describe('the ballot writer on its own thread', () => {
  it('answers each submission with its own result, acknowledges only what another connection sees, and keeps retries idempotent', async () => {
    const { core: c, dataDir, meetingId, codes, definition } = votingCore();
    const reader = new Database(join(dataDir, DATABASE_FILE), { readonly: true });
    const usedNow = reader.prepare("SELECT COUNT(*) AS n FROM codes WHERE state = 'used'");
    const stateOf = reader.prepare('SELECT state FROM codes WHERE hash = ?');
    const hashOf = (code: string) => {
      const parsed = parseCode(code);
      if (!parsed.ok) throw new Error('code does not parse');
      return codeHash(c.store, meetingId, parsed.value);
    };
    try {
      // Valid ballots, an invalid one (an object missing) and a malformed code, all at once: many
      // hand-overs wait while one commits, and are committed together.
      const valid = codes.slice(0, -1);
      const invalidCode = codes.at(-1) ?? '';
      const broken = fullBallot(definition, () => 0);
      if (broken.type !== 'graded') throw new Error('graded demo expected');
      const firstObject = definition.objects[0]?.id ?? '';
      const { [firstObject]: _dropped, ...rest } = broken.answers;
      const answers = await Promise.all([
        ...valid.map(async (code, n) => {
          const answer = await c.writer.submit(code, submissionKeyFor(code), fullBallot(definition, (o, i) => (n + o + i) % 4));
          // At the acknowledgement this ballot's own code is used in the file, seen by another connection.
          return { answer, stateAtAck: stateOf.get(hashOf(code)) };
        }),
        c.writer.submit(invalidCode, submissionKeyFor(invalidCode), { type: 'graded', answers: rest }).then((answer) => ({ answer, stateAtAck: null })),
        c.writer.submit('NOT-A-CODE', submissionKeyFor('x'), broken).then((answer) => ({ answer, stateAtAck: null })),
      ]);
      const oks = answers.slice(0, valid.length);
      expect(oks.every((a) => a.answer.ok)).toBe(true);
      for (const a of oks) expect(a.stateAtAck).toEqual({ state: 'used' });
      const receipts = oks.map((a) => (a.answer.ok ? a.answer.value.receipt : ''));
      expect(new Set(receipts).size).toBe(valid.length);
      expect(answers.slice(valid.length).map((a) => (a.answer.ok ? 'ok' : a.answer.error.code))).toEqual(['invalid_ballot', 'malformed_code']);
      expect(usedNow.get()).toEqual({ n: valid.length });

      // Retries from the same tablets: the same receipts, each its own; another key: 已使用.
      const retries = await Promise.all(valid.map((code) => c.writer.submit(code, submissionKeyFor(code), fullBallot(definition, () => 1))));
      expect(retries.map((r) => (r.ok ? r.value.receipt : r.error.code))).toEqual(receipts);
      const first = valid[0] ?? '';
      const conflict = await c.writer.submit(first, submissionKeyFor(`other:${first}`), fullBallot(definition, () => 2));
      expect(conflict.ok ? 'ok' : conflict.error.code).toBe('code_used');
      expect(reader.prepare('SELECT COUNT(*) AS n FROM sealed_ballots').get()).toEqual({ n: valid.length });
    } finally {
      reader.close();
    }
  });

  it('stop() commits and answers what was handed over before the thread ends', async () => {
    const { core: c, dataDir, codes, definition } = votingCore();
    const pending = codes.map((code, n) => c.writer.submit(code, submissionKeyFor(code), fullBallot(definition, (o) => (n + o) % 4)));
    await c.writer.stop();
    const answers = await Promise.all(pending);
    expect(answers.filter((a) => a.ok)).toHaveLength(codes.length);
    const reader = new Database(join(dataDir, DATABASE_FILE), { readonly: true });
    expect(reader.prepare('SELECT COUNT(*) AS n FROM sealed_ballots').get()).toEqual({ n: codes.length });
    reader.close();
  });

  it('after close a late ballot is refused, and the thread makes no key again', async () => {
    const { core: c, dataDir, meetingId, codes, definition } = votingCore(1);
    const [early, late] = [codes[0] ?? '', codes.at(-1) ?? ''];
    expect((await c.writer.submit(early, submissionKeyFor(early), fullBallot(definition, () => 0))).ok).toBe(true);
    expect(changeVoting(c.store, c.events, meetingId, 'close').ok).toBe(true);
    expect(readdirSync(join(dataDir, 'keys')).filter((f) => f.endsWith('.key'))).toEqual([]);
    const refused = await c.writer.submit(late, submissionKeyFor(late), fullBallot(definition, () => 0));
    expect(refused.ok ? 'ok' : refused.error.code).toBe('voting_closed');
    expect(readdirSync(join(dataDir, 'keys')).filter((f) => f.endsWith('.key'))).toEqual([]);
  });

  it('a thread that cannot open the database fails its batch as storage_failed and raises the storage alarm', async () => {
    const { core: c, codes, definition } = votingCore();
    const events: ChairEvent[] = [];
    c.events.subscribe((event) => events.push(event));
    // The same core, but the writer's thread is pointed at a file in a folder that does not exist.
    const writer = new BallotWriter({ ...c.store, file: join(tempDir(), 'missing', DATABASE_FILE) }, c.events, { threadFile: THREAD_FILE });
    try {
      const code = codes[0] ?? '';
      const answer = await writer.submit(code, submissionKeyFor(code), fullBallot(definition, () => 0));
      expect(answer.ok ? 'ok' : answer.error.code).toBe('storage_failed');
      expect(events.some((e) => e.type === 'alarm' && e.kind === 'storage' && e.code === 'storage_write_failed')).toBe(true);
    } finally {
      await writer.stop();
    }
  });
});
