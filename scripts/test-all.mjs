/**
 * `npm test`: the one gate. Typecheck, lint (zero warnings), layer check, build, Vitest (unit +
 * integration), Playwright (end-to-end), then one plain closing line summed over the runners:
 *   tests: N passed, N failed
 * A failed check step (typecheck, lint, layers, build) counts as one failure in that line.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { findBrowser } from './find-browser.mjs';

const steps = [
  ['typecheck', 'npm', ['run', '--silent', 'typecheck']],
  ['lint', 'npm', ['run', '--silent', 'lint']],
  ['layers', 'node', ['scripts/check-layers.mjs']],
  ['build', 'npm', ['run', '--silent', 'build']],
];

let failedSteps = 0;
const started = Date.now();

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

const vitest = readJson('reports/vitest.json');
const playwright = readJson('reports/playwright.json');
let passed = 0;
let failed = failedSteps;
if (vitest) {
  passed += vitest.numPassedTests ?? 0;
  failed += (vitest.numFailedTests ?? 0) + (vitest.success === false && (vitest.numFailedTests ?? 0) === 0 ? 1 : 0);
} else {
  failed += 1;
  console.error('vitest wrote no report');
}
if (playwright) {
  passed += (playwright.stats?.expected ?? 0) + (playwright.stats?.flaky ?? 0);
  failed += playwright.stats?.unexpected ?? 0;
  if ((playwright.errors ?? []).length > 0) failed += 1;
} else if (browserOk) {
  failed += 1;
  console.error('playwright wrote no report');
}
if (passed === 0) failed += 1; // a run that executed no test is a failed run

console.log(`\n(${((Date.now() - started) / 1000).toFixed(0)} s)`);
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
