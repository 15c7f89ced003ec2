/**
 * A second double-click while Pingyi runs: the built shell (dist/electron/main.cjs) finds the
 * single-instance lock held, quits at once, and opens no window, binds no port and touches no
 * data (the running instance focuses its own window: shell-smoke.test.ts). Needs `npm run build`.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { CHROMIUM_ARGS, findBrowser, loadPlaywright } from '../../../electron/core/printing/find-browser';
import { installStubElectron } from './stub-electron';

const mainEntry = fileURLToPath(new URL('../../../dist/electron/main.cjs', import.meta.url));
let browser: Browser | undefined;
let dispose: (() => Promise<void>) | undefined;
const dataDir = join(mkdtempSync(join(tmpdir(), 'pingyi-second-')), 'data');

afterAll(async () => {
  await dispose?.();
  await browser?.close();
  rmSync(join(dataDir, '..'), { recursive: true, force: true });
});

describe('second start', () => {
  it('quits when the lock is held elsewhere, before any window, port or data folder', async () => {
    const executable = findBrowser();
    if (!executable) throw new Error('no Chromium found (see scripts/find-browser.mjs)');
    browser = await loadPlaywright().chromium.launch({ executablePath: executable, args: [...CHROMIUM_ARGS] });
    const stub = await installStubElectron(browser, { workArea: { width: 1280, height: 800 }, lockHeldElsewhere: true });
    dispose = stub.dispose;
    const argv = process.argv;
    process.argv = [process.execPath, '.', '--data', dataDir];
    try {
      createRequire(import.meta.url)(mainEntry);
    } finally {
      process.argv = argv;
    }
    expect(stub.app.quitted).toBe(true);
    expect(stub.record.appListeners.has('second-instance')).toBe(false);
    expect(stub.record.appListeners.has('web-contents-created')).toBe(false);
    expect(stub.record.windows).toHaveLength(0);
    expect(stub.record.ipc.size).toBe(0);
    expect(existsSync(dataDir)).toBe(false);
  });
});
