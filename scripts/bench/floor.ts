/**
 * The floor the group commit must beat: the same ballots written straight into SQLite with the
 * store's own pragmas (openStore: WAL, synchronous=FULL, foreign keys, secure_delete), one
 * transaction per ballot doing exactly the writes the server does for one new ballot: the
 * sealed ballot row, its code marked used, and the sealed code→receipt retry link.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { openStore } from '../../electron/core/store/database';
import { DATABASE_FILE } from '../../electron/core/core';
import { sha256 } from '../../electron/core/ids';
import { ballotStore } from '../../electron/core/store/ballot-store';
import { meetingKeys } from '../../electron/core/store/meeting-keys';
import { ballotAad, LINK_BUCKET, linkAad } from '../../electron/core/services/ballot-sealing';
import { codeHash } from '../../electron/core/services/codes';
import { parseCode, receiptFromRandomBytes } from '../../shared/codes/code-format';
import { canonicalJson } from '../../shared/domain/canonical-json';
import type { BallotContent } from '../../shared/domain/model';
import { prepareMeeting } from './prepare';

/** Ballots per second, one durable transaction each, in a fresh meeting of the same size. */
export function floorPerSecond(ballots: readonly BallotContent[], size: { objects: number; officials: number; recipients: number }): number {
  const dataDir = mkdtempSync(join(tmpdir(), 'pingyi-floor-'));
  const prepared = prepareMeeting(dataDir, { ...size, spares: 0 });
  const store = openStore(join(dataDir, DATABASE_FILE));
  try {
    const key = meetingKeys(store).ensure(prepared.meetingId);
    const codes = prepared.codes.map((c) => {
      const parsed = parseCode(c.code);
      if (!parsed.ok) throw new Error('prepared code does not parse');
      return { hash: codeHash(store, prepared.meetingId, parsed.value), group: c.group };
    });
    const stored = ballotStore(store.db);
    const bucket = 16 * 1024;
    const t0 = performance.now();
    ballots.forEach((ballot, i) => {
      const code = codes[i];
      if (!code) throw new Error('more ballots than codes');
      const content = canonicalJson(ballot);
      store.transaction(() => {
        stored.insertSealedBallot(prepared.meetingId, code.group, key.seal(Buffer.from(content), bucket, ballotAad(prepared.meetingId)));
        stored.setCodeState(code.hash, 'issued', 'used');
        const link = JSON.stringify({ receipt: receiptFromRandomBytes(randomBytes(8)), keyHash: sha256(content) });
        stored.insertLink(code.hash, prepared.meetingId, key.seal(Buffer.from(link), LINK_BUCKET, linkAad(prepared.meetingId, code.hash)));
      });
    });
    return ballots.length / ((performance.now() - t0) / 1000);
  } finally {
    store.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
