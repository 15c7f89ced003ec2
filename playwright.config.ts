import { defineConfig } from '@playwright/test';
// The app's own browser finder (the one PDF rendering uses); scripts/find-browser.mjs loads the
// same file for the plain-Node gate and adds the install step, so all three agree on the browser.
import { CHROMIUM_ARGS, findBrowser } from './electron/core/printing/find-browser';

const executablePath = findBrowser();
if (executablePath === null) {
  throw new Error('No Chromium found for the end-to-end tests: run `node scripts/find-browser.mjs` (installs it as root on Debian) or `npm test`.');
}

/**
 * End-to-end tests drive the real host (browser mode) with real Chromium. Each test starts its
 * own host on free loopback ports with a fresh data folder (tests/e2e/support/host-process.ts).
 */
export default defineConfig({
  testDir: './tests/e2e',
  testMatch: /.*\.spec\.ts/,
  timeout: 90_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 2,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: 'reports/playwright.json' }]],
  use: {
    headless: true,
    launchOptions: { executablePath, args: [...CHROMIUM_ARGS] },
    locale: 'zh-CN',
    trace: 'off',
  },
});
