/**
 * `npm test`: the one gate. Typecheck, lint (zero warnings), layer check, build, Vitest (unit +
 * integration), Playwright (end-to-end), then one plain closing line summed over the runners'
 * JSON reports:
 *   tests: N passed, N failed, N skipped
 * A failed check step (typecheck, lint, layers, build, fixtures) counts as one failure in that line.
 * A skipped test hides a promise, so it is never silent: it is counted, listed by name, and in CI
 * (CI=true) each skip also counts as a failure.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { findBrowser } from './find-browser.mjs';
import { summarize } from './test-summary.mjs';

const steps = [
  ['typecheck', 'npm', ['run', '--silent', 'typecheck']],
  ['lint', 'npm', ['run', '--silent', 'lint']],
  ['layers', 'node', ['scripts/check-layers.mjs']],
  ['sentences', 'node', ['scripts/check-sentences.mjs']],
  ['build', 'npm', ['run', '--silent', 'build']],
];

let failedSteps = 0;
const started = Date.now();
const inCi = process.env.CI === 'true' || process.env.CI === '1';

// The sample files every test reads live in the repository (tests/fixtures); without them the
// import and print tests would have nothing real to read, so their absence is a failure, not a skip.
const FIXTURE_FILES = ['README.md', 'objects-105.csv', 'objects-105-gbk.csv', 'objects-105.xlsx', 'roster-30.csv', 'roster-30-gbk.csv', 'roster-30.xlsx', 'roster-300.csv', 'roster-300-gbk.csv', 'roster-300.xlsx'];
{
  const present = existsSync('tests/fixtures') ? new Set(readdirSync('tests/fixtures')) : new Set();
  const missing = FIXTURE_FILES.filter((f) => !present.has(f));
  console.log(`\n▶ fixtures`);
  if (missing.length > 0) {
    failedSteps += 1;
    console.log(`✘ fixtures: missing from tests/fixtures: ${missing.join(', ')}`);
  } else console.log(`✔ fixtures (${FIXTURE_FILES.length} files in tests/fixtures)`);
}

function run(name, command, args) {
  const t0 = Date.now();
  console.log(`\n▶ ${name}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: process.env });
  const ok = result.status === 0;
  console.log(`${ok ? '✔' : '✘'} ${name} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  return ok;
}

for (const [name, command, args] of steps) if (!run(name, command, args)) failedSteps += 1;

// Reports live apart from test-results/, which Playwright empties when it starts.
rmSync('reports', { recursive: true, force: true });
mkdirSync('reports', { recursive: true });
run('unit + integration (vitest)', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile=reports/vitest.json']);

let browserOk = true;
try {
  findBrowser();
} catch (error) {
  browserOk = false;
  failedSteps += 1;
  console.error(error instanceof Error ? error.message : error);
}
if (browserOk) run('end-to-end (playwright)', 'npx', ['playwright', 'test']);

function readJson(path) {
  try {
    return existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : null;
  } catch {
    return null;
  }
}

const summary = summarize({
  vitest: readJson('reports/vitest.json'),
  playwright: readJson('reports/playwright.json'),
  failedSteps,
  playwrightExpected: browserOk,
  ci: inCi,
});
for (const note of summary.notes) console.error(note);
if (summary.skipped.length > 0) {
  console.log(`\nskipped${inCi ? ' (each one a failure in CI)' : ''}:`);
  for (const name of summary.skipped) console.log(`  - ${name}`);
}

console.log(`\n(${((Date.now() - started) / 1000).toFixed(0)} s)`);
console.log(summary.line);
process.exit(summary.failed === 0 ? 0 : 1);
