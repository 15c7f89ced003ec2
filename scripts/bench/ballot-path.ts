/**
 * The core's share of the ballot path, without HTTP or the benchmark's client: the same ballots
 * through the host's own BallotWriter (group commit, sealing, the SQLite writes) in batches of
 * 64, as the server's queue forms them under a burst. Reported as CPU milliseconds of this
 * process per ballot, the least of a few runs: unlike throughput, it hardly moves when other
 * processes load the machine, so two versions of the code can be compared on a busy host.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore } from '../../electron/core/core';
import type { BallotContent } from '../../shared/domain/model';
import type { BallotDefinition } from '../../shared/api/tablet-schemas';
import { ballotSession } from '../../electron/core/services/voting';
import { prepareMeeting } from './prepare';
import { submissionKeyFor } from './submission-key';

const BATCH = 64;

/** CPU ms per ballot of one run: a fresh meeting, a ballot for each of its codes, every one acknowledged. */
async function oneRun(ballotFor: (definition: BallotDefinition) => BallotContent, size: { objects: number; officials: number; recipients: number }): Promise<number> {
  const dataDir = mkdtempSync(join(tmpdir(), 'pingyi-path-'));
  try {
    const prepared = prepareMeeting(dataDir, { ...size, spares: 0 });
    const core = createCore({ dataDir, demo: false });
    try {
      const codes = prepared.codes.map((c) => c.code);
      const session = ballotSession(core.store, codes[0] ?? '');
      if (!session.ok) throw new Error(session.error.message);
      const ballots = codes.map(() => ballotFor(session.value));
      const before = process.cpuUsage();
      for (let start = 0; start < ballots.length; start += BATCH) {
        const answers = await Promise.all(
          ballots.slice(start, start + BATCH).map((ballot, i) => {
            const code = codes[start + i] ?? '';
            return core.writer.submit(code, submissionKeyFor(code), ballot);
          }),
        );
        const refused = answers.find((a) => !a.ok);
        if (refused && !refused.ok) throw new Error(`a ballot of the path benchmark was refused: ${refused.error.code} ${refused.error.message}`);
      }
      const used = process.cpuUsage(before);
      return (used.user + used.system) / 1000 / ballots.length;
    } finally {
      core.close();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The least CPU ms per ballot over `runs` runs (the first also warms the JIT up). */
export async function ballotPathCpuMs(
  ballotFor: (definition: BallotDefinition) => BallotContent,
  size: { objects: number; officials: number; recipients: number },
  runs = 5,
): Promise<number> {
  let least = Number.POSITIVE_INFINITY;
  for (let run = 0; run < runs; run += 1) least = Math.min(least, await oneRun(ballotFor, size));
  return least;
}
