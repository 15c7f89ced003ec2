/**
 * The floor the group commit must beat: the same ballots written straight into SQLite with the
 * store's own pragmas (openStore: WAL, synchronous=FULL, foreign keys, secure_delete), one
 * transaction per ballot doing exactly the writes the server does for one new ballot: the
 * ballot row, its code marked used, and the code→ballot retry link.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { openStore } from '../../electron/core/store/database';
import { DATABASE_FILE } from '../../electron/core/core';
import { newId, sha256 } from '../../electron/core/ids';
import { codeHash } from '../../electron/core/services/codes';
import { parseCode, receiptFromRandomBytes } from '../../shared/codes/code-format';
import { canonicalJson } from '../../shared/domain/canonical-json';
import type { BallotContent } from '../../shared/domain/model';
import { prepareMeeting } from './prepare';

/** Ballots per second, one durable transaction each, in a fresh meeting of the same size. */
export function floorPerSecond(ballots: readonly BallotContent[], size: { objects: number; officials: number; recipients: number }): number {
  const dataDir = mkdtempSync(join(tmpdir(), 'pingyi-floor-'));
  const prepared = prepareMeeting(dataDir, { ...size, spares: 0 });
  const codes = prepared.codes.map((c) => {
    const parsed = parseCode(c.code);
    if (!parsed.ok) throw new Error('prepared code does not parse');
    return { hash: codeHash(parsed.code), group: c.group };
  });
  const store = openStore(join(dataDir, DATABASE_FILE));
  try {
    const insertBallot = store.db.prepare('INSERT INTO ballots (id, meeting_id, voter_group, receipt, content_json) VALUES (?, ?, ?, ?, ?)');
    const markUsed = store.db.prepare("UPDATE codes SET state = 'used' WHERE hash = ?");
    const link = store.db.prepare('INSERT INTO retry_links (code_hash, meeting_id, ballot_id, digest) VALUES (?, ?, ?, ?)');
    const t0 = performance.now();
    ballots.forEach((ballot, i) => {
      const code = codes[i];
      if (!code) throw new Error('more ballots than codes');
      const content = canonicalJson(ballot);
      const ballotId = newId();
      store.transaction(() => {
        insertBallot.run(ballotId, prepared.meetingId, code.group, receiptFromRandomBytes(randomBytes(8)), content);
        markUsed.run(code.hash);
        link.run(code.hash, prepared.meetingId, ballotId, sha256(content));
      });
    });
    return ballots.length / ((performance.now() - t0) / 1000);
  } finally {
    store.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
