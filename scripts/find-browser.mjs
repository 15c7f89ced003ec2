/**
 * Finds a Chromium for the end-to-end tests and PDF rendering: Playwright's own if installed,
 * else Debian's /usr/bin/chromium; else, as root on Debian, installs it with apt-get (with the
 * CJK fonts and poppler-utils the print tests need); else says exactly what to run.
 */
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { chromium } from 'playwright-core';

const SYSTEM_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
const APT_PACKAGES = ['chromium', 'fonts-noto-cjk', 'poppler-utils'];

/** Flags that keep headless Chromium quiet on a machine without internet. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

function playwrightOwn() {
  try {
    const path = chromium.executablePath();
    return path && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

function system() {
  return SYSTEM_CANDIDATES.find((path) => existsSync(path)) ?? null;
}

/** Returns a browser executable path, installing Debian's Chromium when that is possible. */
export function findBrowser({ install = true } = {}) {
  const found = playwrightOwn() ?? system();
  if (found) return found;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (install && isRoot && existsSync('/usr/bin/apt-get')) {
    console.error(`No Chromium found: installing ${APT_PACKAGES.join(' ')} with apt-get…`);
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...APT_PACKAGES], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    const installed = system();
    if (installed) return installed;
  }
  throw new Error(
    `No Chromium found for the end-to-end tests. Install one, e.g.:\n  sudo apt-get install -y --no-install-recommends ${APT_PACKAGES.join(' ')}\n` +
      'or, where the internet is reachable: npx playwright install chromium',
  );
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(findBrowser());
