/**
 * The ballot writer with its commit delay switched on for every batch (as on a slow disk, where
 * it waits for company before committing): a ballot is still acknowledged only once it is in the
 * file, a retry gets the same receipt, and a different ballot on a used code is refused. On this
 * machine's fast disk the delay would never engage,
 * so the gate exercises it here, on a real SQLite file.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, DATABASE_FILE, type Core } from '../../../../electron/core/core';
import { codeHash, generateCodes } from '../../../../electron/core/services/codes';
import { ballotSession, changeVoting } from '../../../../electron/core/services/voting';
import { BallotWriter } from '../../../../electron/core/services/ballot-writer';
import { fullBallot, tempDir } from '../../../support/running-host';
import { submissionKeyFor } from '../../../../scripts/bench/submission-key';
import { parseCode } from '../../../../shared/codes/code-format';

let core: Core | null = null;
afterEach(() => {
  core?.close();
  core = null;
});

describe('BallotWriter with the commit delay engaged', () => {
  it('acknowledges each ballot only after it is in the file, and keeps retries idempotent', async () => {
    const dataDir = tempDir();
    core = createCore({ dataDir, demo: true });
    const [meeting] = core.store.db.prepare('SELECT id FROM meetings').all() as { id: string }[];
    const meetingId = meeting?.id ?? '';
    const codes = generateCodes(core.store, { meetingId, spares: 0, joinUrl: 'http://127.0.0.1/' });
    if (!codes.ok) throw new Error(codes.error.message);
    expect(changeVoting(core.store, core.events, meetingId, 'open').ok).toBe(true);
    const session = ballotSession(core.store, codes.value[0]?.code ?? '');
    if (!session.ok) throw new Error(session.error.message);
    const definition = session.value;

    // Every commit counts as slow, so every batch waits for company (up to 5 ms) before it commits.
    const writer = new BallotWriter(core.store, core.events, { delay: { slowFlushMs: 0, maxDelayMs: 5 } });
    // A second connection, as anyone opening the file would see it.
    const reader = new Database(join(dataDir, DATABASE_FILE), { readonly: true });
    // The receipt is sealed while voting is open: what a reader sees is the code used and a sealed ballot.
    const stored = reader.prepare('SELECT state FROM codes WHERE hash = ?');
    const hashOf = (code: string) => {
      const parsed = parseCode(code);
      if (!parsed.ok || !core) throw new Error('code does not parse');
      return codeHash(core.store, meetingId, parsed.value);
    };
    expect(reader.prepare('SELECT COUNT(*) AS n FROM sealed_ballots').get()).toEqual({ n: 0 });

    const ballots = codes.value.map((c, n) => ({ code: c.code, ballot: fullBallot(definition, (o, i) => (n + o + i) % 4) }));
    const acks = await Promise.all(
      ballots.map(async ({ code, ballot }) => {
        const answer = await writer.submit(code, submissionKeyFor(code), ballot);
        if (!answer.ok) throw new Error(answer.error.message);
        // At the moment of the acknowledgement, the ballot is already committed.
        expect(stored.get(hashOf(code))).toEqual({ state: 'used' });
        return answer.value.receipt;
      }),
    );
    expect(new Set(acks).size).toBe(ballots.length);

    // Retries, all at once and all delayed: the same receipts; another tablet's key is refused.
    const retries = await Promise.all(ballots.map(({ code, ballot }) => writer.submit(code, submissionKeyFor(code), ballot)));
    expect(retries.map((r) => (r.ok ? r.value.receipt : r.error.code))).toEqual(acks);
    const first = ballots[0];
    if (!first) throw new Error('no ballot');
    const conflict = await writer.submit(first.code, submissionKeyFor(`other:${first.code}`), fullBallot(definition, () => 3));
    expect(conflict.ok ? 'ok' : conflict.error.code).toBe('code_used');

    const counts = reader.prepare("SELECT (SELECT COUNT(*) FROM sealed_ballots) AS ballots, (SELECT COUNT(*) FROM codes WHERE state = 'used') AS used").get();
    expect(counts).toEqual({ ballots: ballots.length, used: ballots.length });
    reader.close();
  });
});
