/**
 * Kill -9 the built host at random moments while tablets submit, restart, repeat: 24 cycles in
 * the gate (`npm run faults:kill -- --cycles 2000` runs thousands with the same code). After every
 * kill the database shows no acknowledged ballot lost, no partial ballot, integrity_check ok and
 * used codes = ballots = retry links; every retry of an acknowledged ballot gets its receipt back.
 * The kill moments are pseudo-random (seed printed on failure): whatever moment a kill lands on,
 * the same assertions hold, so timing decides nothing.
 */
import { existsSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runKillLoop } from '../../scripts/kill-loop/cycles';
import { testSeed } from '../support/seed';

const dist = fileURLToPath(new URL('../../dist', import.meta.url));

describe('kill -9 while tablets submit', () => {
  it('loses no acknowledged ballot and stores no partial one over 24 kill/restart cycles', async () => {
    expect(existsSync(`${dist}/electron/host.cjs`), 'dist/electron/host.cjs is missing: run npm run build').toBe(true);
    const seed = testSeed();
    const report = await runKillLoop({ dist, cycles: 24, seed });
    expect(report.problems, `seed ${seed}, data ${report.dataDir}`).toEqual([]);
    expect(report.cycles).toBe(24);
    // Kills landed while the host held requests it had not answered (sent whole, no answer yet):
    // the moments that matter, not only the quiet ones between bursts.
    expect(report.killsMidRequest, `seed ${seed}`).toBeGreaterThanOrEqual(1);
    console.log(`kill loop (seed ${seed}): ${report.killsMidRequest} of ${report.cycles} kills mid-request, ${report.requestsCutOff} requests cut off, ${report.settledByRetry} settled by a retry`);
    // The loop really voted: ballots were acknowledged, stored and retried across kills.
    expect(report.acknowledged).toBeGreaterThan(24);
    expect(report.stored).toBeGreaterThanOrEqual(report.acknowledged);
    rmSync(report.dataDir, { recursive: true, force: true }); // kept when something failed, to look at
  }, 110_000);
});
