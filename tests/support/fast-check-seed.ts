/**
 * Vitest setup file: with PINGYI_SEED set, every fast-check property runs from that seed (a
 * replay); without it fast-check draws a fresh seed and prints it, with the path, on failure.
 * Properties that pass their own `seed` keep it.
 */
import fc from 'fast-check';

const fromEnv = process.env['PINGYI_SEED'];
if (fromEnv !== undefined && fromEnv !== '') {
  const seed = Number(fromEnv);
  if (!Number.isInteger(seed)) throw new Error(`PINGYI_SEED must be an integer, got ${fromEnv}`);
  fc.configureGlobal({ ...fc.readConfigureGlobal(), seed });
}
