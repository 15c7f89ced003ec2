/**
 * The test runner's browser step: find a Chromium, and where none is found install Debian's
 * (with the CJK fonts and poppler-utils the print tests need) when running as root, else say
 * exactly what to run.
 *
 * Where browsers are looked for is not written here: it is electron/core/printing/find-browser.ts,
 * the module the app renders PDFs with and playwright.config.ts imports directly. This plain-Node
 * script (scripts/test-all.mjs runs before anything is built, and Node 20 cannot import .ts)
 * loads that same file by transpiling it with the TypeScript compiler the project already has,
 * so the app, Playwright and the gate can never disagree about which browser they use.
 */
import { existsSync, readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import ts from 'typescript';

const APT_PACKAGES = ['chromium', 'fonts-noto-cjk', 'poppler-utils'];
const SOURCE = new URL('../electron/core/printing/find-browser.ts', import.meta.url);

/** The app's find-browser module, transpiled in memory (its only package import is resolved from here). */
async function appFinder() {
  const { outputText } = ts.transpileModule(readFileSync(SOURCE, 'utf8'), {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: false },
  });
  // A data: module resolves only absolute specifiers and node: built-ins, and has no file of its
  // own: give it playwright-core's path and the source file's URL wherever it asks for either.
  const code = outputText
    .replace(/from ['"]playwright-core['"]/g, `from '${import.meta.resolve('playwright-core')}'`)
    .replace(/import\.meta\.url/g, JSON.stringify(SOURCE.href));
  return import(`data:text/javascript;charset=utf-8,${encodeURIComponent(code)}`);
}

const finder = await appFinder();

/** Flags that keep headless Chromium quiet on a machine without internet (the app's own list). */
export const CHROMIUM_ARGS = [...finder.CHROMIUM_ARGS];

/** Returns a browser executable path, installing Debian's Chromium when that is possible; throws otherwise. */
export function findBrowser({ install = true } = {}) {
  const found = finder.findBrowser();
  if (found) return found;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (install && isRoot && existsSync('/usr/bin/apt-get')) {
    console.error(`No Chromium found: installing ${APT_PACKAGES.join(' ')} with apt-get…`);
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...APT_PACKAGES], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    const installed = finder.findBrowser();
    if (installed) return installed;
  }
  throw new Error(
    `No Chromium found for the end-to-end tests. Install one, e.g.:\n  sudo apt-get install -y --no-install-recommends ${APT_PACKAGES.join(' ')}\n` +
      'or, where the internet is reachable: npx playwright install chromium',
  );
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(findBrowser());
