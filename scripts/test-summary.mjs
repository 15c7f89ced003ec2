/**
 * The gate's closing line, from the runners' JSON reports (scripts/test-all.mjs):
 *   tests: N passed, N failed, N skipped
 * Kept apart from the runner so that its counting is itself tested (tests/scripts/test-summary.test.ts).
 */

/** Names of the skipped tests in Vitest's JSON report (status pending, skipped, todo or disabled). */
export function vitestSkips(report) {
  const names = [];
  for (const file of report.testResults ?? []) {
    for (const test of file.assertionResults ?? []) {
      if (['pending', 'skipped', 'todo', 'disabled'].includes(test.status)) names.push(`${file.name}: ${test.fullName ?? test.title}`);
    }
  }
  return names;
}

/** Names of the skipped tests in Playwright's JSON report (walks suites → specs → tests). */
export function playwrightSkips(report) {
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

/**
 * Sums the reports. `vitest`/`playwright` are the parsed JSON reports or null when missing;
 * `failedSteps` counts failed check steps; `playwrightExpected` says whether Playwright should
 * have run; in CI every skip is also a failure.
 */
export function summarize({ vitest, playwright, failedSteps = 0, playwrightExpected = true, ci = false }) {
  let passed = 0;
  let failed = failedSteps;
  const skipped = [];
  const notes = [];
  if (vitest) {
    passed += vitest.numPassedTests ?? 0;
    failed += (vitest.numFailedTests ?? 0) + (vitest.success === false && (vitest.numFailedTests ?? 0) === 0 ? 1 : 0);
    const names = vitestSkips(vitest);
    skipped.push(...names);
    // A skip the per-test walk missed still counts, unnamed.
    const counted = (vitest.numPendingTests ?? 0) + (vitest.numTodoTests ?? 0);
    for (let i = names.length; i < counted; i += 1) skipped.push('(vitest: an unnamed skipped test)');
  } else {
    failed += 1;
    notes.push('vitest wrote no report');
  }
  if (playwright) {
    passed += (playwright.stats?.expected ?? 0) + (playwright.stats?.flaky ?? 0);
    failed += playwright.stats?.unexpected ?? 0;
    if ((playwright.errors ?? []).length > 0) failed += 1;
    const names = playwrightSkips(playwright);
    skipped.push(...names);
    for (let i = names.length; i < (playwright.stats?.skipped ?? 0); i += 1) skipped.push('(playwright: an unnamed skipped test)');
  } else if (playwrightExpected) {
    failed += 1;
    notes.push('playwright wrote no report');
  }
  if (passed === 0) failed += 1; // a run that executed no test is a failed run
  if (ci) failed += skipped.length;
  return { passed, failed, skipped, notes, line: `tests: ${passed} passed, ${failed} failed, ${skipped.length} skipped` };
}
