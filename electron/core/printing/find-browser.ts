/**
 * Finds a local Chromium-family browser for rendering PDFs in browser mode (the logic of
 * scripts/find-browser.mjs, without its apt-get step: the running app never installs anything).
 * It imports no module of ours: scripts/find-browser.mjs transpiles this file alone.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import type * as Playwright from 'playwright-core';

/**
 * playwright-core takes most of a second to load, and the host needs it only for PDFs: it is
 * loaded on first use, so the host accepts ballots that much sooner after a start or a crash.
 */
export function loadPlaywright(): typeof Playwright {
  const load = createRequire(typeof __filename === 'string' ? __filename : import.meta.url);
  return load('playwright-core') as typeof Playwright;
}

/** Flags that keep headless Chromium quiet on a machine without internet. */
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** Where Chrome, Edge or Chromium usually live, per platform. */
export function systemCandidates(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): string[] {
  if (platform === 'win32') {
    const roots = [env['PROGRAMFILES'], env['PROGRAMFILES(X86)'], env['LOCALAPPDATA']].filter((r): r is string => typeof r === 'string' && r !== '');
    return roots.flatMap((root) => [
      join(root, 'Google', 'Chrome', 'Application', 'chrome.exe'),
      join(root, 'Microsoft', 'Edge', 'Application', 'msedge.exe'),
      join(root, 'Chromium', 'Application', 'chrome.exe'),
    ]);
  }
  if (platform === 'darwin') {
    return [
      '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
      '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
      '/Applications/Chromium.app/Contents/MacOS/Chromium',
    ];
  }
  return ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/usr/bin/microsoft-edge', '/snap/bin/chromium'];
}

function playwrightOwn(): string | null {
  try {
    const path = loadPlaywright().chromium.executablePath();
    return path && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

/** The browser to render with: $PINGYI_CHROMIUM, Playwright's own, or a system one; null if none. */
export function findBrowser(env: NodeJS.ProcessEnv = process.env): string | null {
  const configured = env['PINGYI_CHROMIUM'];
  if (configured && existsSync(configured)) return configured;
  return playwrightOwn() ?? systemCandidates(process.platform, env).find((path) => existsSync(path)) ?? null;
}

