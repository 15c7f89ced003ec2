/**
 * One seed per random test: PINGYI_SEED when set (to replay a failure), otherwise a fresh one.
 * Either way it is printed when the test fails, with the line that replays it.
 */
import { randomInt } from 'node:crypto';
import { onTestFailed } from 'vitest';

/** The seed of the running test; call it inside the test (it registers the failure message). */
export function testSeed(): number {
  const seed = fileSeed();
  printSeedOnFailure(seed);
  return seed;
}

/** The seed of a whole file (for seeds taken in beforeAll): printed for every failing test of the file. */
export function fileSeed(): number {
  const fromEnv = process.env['PINGYI_SEED'];
  if (fromEnv !== undefined && fromEnv !== '' && !Number.isInteger(Number(fromEnv))) throw new Error(`PINGYI_SEED must be an integer, got ${fromEnv}`);
  return fromEnv !== undefined && fromEnv !== '' ? Number(fromEnv) >>> 0 : randomInt(2 ** 31);
}

/** Prints a file's seed when the running test fails (call inside each test of that file, or in beforeEach). */
export function printSeedOnFailure(seed: number): void {
  onTestFailed(({ task }) => {
    console.error(`\n${task.name}: seed ${seed}; replay with PINGYI_SEED=${seed} npx vitest run ${task.file?.name ?? ''}\n`);
  });
}

/** mulberry32: small and seedable, every bit usable (unlike a power-of-two LCG's low bits). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
