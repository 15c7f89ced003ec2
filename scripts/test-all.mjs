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

const steps = [
  ['typecheck', 'npm', ['run', '--silent', 'typecheck']],
  ['lint', 'npm', ['run', '--silent', 'lint']],
  ['layers', 'node', ['scripts/check-layers.mjs']],
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

/** Names of the skipped tests in Vitest's JSON report (status pending, skipped or todo). */
function vitestSkips(report) {
  const names = [];
  for (const file of report.testResults ?? []) {
    for (const test of file.assertionResults ?? []) {
      if (['pending', 'skipped', 'todo', 'disabled'].includes(test.status)) names.push(`${file.name}: ${test.fullName ?? test.title}`);
    }
  }
  return names;
}

/** Names of the skipped tests in Playwright's JSON report (walks suites → specs → tests). */
function playwrightSkips(report) {
  const names = [];
  const walk = (suite, trail) => {
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests ?? []) if (test.status === 'skipped') names.push([...trail, spec.title].join(' › '));
    }
    for (const child of suite.suites ?? []) walk(child, [...trail, child.title]);
  };
  for (const suite of report.suites ?? []) walk(suite, [suite.title]);
  return names;
}

const vitest = readJson('reports/vitest.json');
const playwright = readJson('reports/playwright.json');
let passed = 0;
let failed = failedSteps;
const skippedNames = [];
if (vitest) {
  passed += vitest.numPassedTests ?? 0;
  failed += (vitest.numFailedTests ?? 0) + (vitest.success === false && (vitest.numFailedTests ?? 0) === 0 ? 1 : 0);
  const names = vitestSkips(vitest);
  const counted = (vitest.numPendingTests ?? 0) + (vitest.numTodoTests ?? 0);
  skippedNames.push(...names);
  // A skip the per-test walk missed still counts, unnamed.
  for (let i = names.length; i < counted; i += 1) skippedNames.push('(vitest: an unnamed skipped test)');
} else {
  failed += 1;
  console.error('vitest wrote no report');
}
if (playwright) {
  passed += (playwright.stats?.expected ?? 0) + (playwright.stats?.flaky ?? 0);
  failed += playwright.stats?.unexpected ?? 0;
  if ((playwright.errors ?? []).length > 0) failed += 1;
  const names = playwrightSkips(playwright);
  skippedNames.push(...names);
  for (let i = names.length; i < (playwright.stats?.skipped ?? 0); i += 1) skippedNames.push('(playwright: an unnamed skipped test)');
} else if (browserOk) {
  failed += 1;
  console.error('playwright wrote no report');
}
if (passed === 0) failed += 1; // a run that executed no test is a failed run

const skipped = skippedNames.length;
if (skipped > 0) {
  console.log(`\nskipped${inCi ? ' (each one a failure in CI)' : ''}:`);
  for (const name of skippedNames) console.log(`  - ${name}`);
  if (inCi) failed += skipped;
}

console.log(`\n(${((Date.now() - started) / 1000).toFixed(0)} s)`);
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed === 0 ? 0 : 1);
