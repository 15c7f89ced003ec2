import { defineConfig } from '@playwright/test';
// @ts-expect-error -- plain ESM script shared with the test runner, no type declarations
import { findBrowser, CHROMIUM_ARGS } from './scripts/find-browser.mjs';

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
    launchOptions: { executablePath: findBrowser() as string, args: CHROMIUM_ARGS as string[] },
    locale: 'zh-CN',
    trace: 'off',
  },
});
