/**
 * The built desktop shell (dist/electron/main.cjs, as electron-builder packs it) run in plain Node
 * around a stand-in `electron` (stub-electron.ts: windows are real Chromium pages, the app://
 * handler the shell registers serves them, the preload is emulated). Boot → the console page
 * over app:// with the CSP enforced → IPC from that page into the real core → a PDF rendered by
 * the shell's own print driver → quit, with cleanup before the process would end.
 * Needs `npm run build` (the gate builds first).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { CHROMIUM_ARGS, findBrowser, loadPlaywright } from '../../../electron/core/printing/find-browser';
import { lanAddresses } from '../../../electron/core/network';
import { installStubElectron } from './stub-electron';

const mainEntry = fileURLToPath(new URL('../../../dist/electron/main.cjs', import.meta.url));
let browser: Browser;
let stub: Awaited<ReturnType<typeof installStubElectron>>;
let dataDir = '';
let blocker: Server | null = null;
let page: Page;

/** Holds 8787 on every address if it is free, so the shell must move to the next free port. */
function block8787(): Promise<Server | null> {
  return new Promise((done) => {
    const server = createServer();
    server.once('error', () => done(null)); // already taken by someone else: just as good
    server.listen(8787, '0.0.0.0', () => done(server));
  });
}

beforeAll(async () => {
  const executable = findBrowser();
  if (!executable) throw new Error('no Chromium found (see scripts/find-browser.mjs)');
  browser = await loadPlaywright().chromium.launch({ executablePath: executable, args: [...CHROMIUM_ARGS] });
  stub = await installStubElectron(browser, { workArea: { width: 1093, height: 590 } });
  dataDir = mkdtempSync(join(tmpdir(), 'pingyi-shell-'));
  blocker = await block8787();
  const argv = process.argv;
  process.argv = [process.execPath, '.', '--data', dataDir];
  try {
    createRequire(import.meta.url)(mainEntry);
  } finally {
    process.argv = argv;
  }
  const first = () => stub.record.windows[0];
  await vi.waitFor(() => expect(first()?.loaded.length ?? 0).toBe(1), { timeout: 20_000 });
  page = await first()!.page;
  // loadURL records the address before Chromium navigates: wait for the console itself.
  await page.waitForURL(`${stub.httpBase}/chair/index.html`, { waitUntil: 'load', timeout: 20_000 });
}, 60_000);

afterAll(async () => {
  await stub?.dispose();
  await browser?.close();
  blocker?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function pageCall(method: string, input: unknown): Promise<any> {
  return page.evaluate(([m, i]) => (globalThis as unknown as { pingyi: { call(m: string, i: unknown): Promise<unknown> } }).pingyi.call(m as string, i), [method, input] as const);
}

describe('the built shell around a stand-in Electron', () => {
  it('boots: the scheme privileged, the console on app://, clamped to the work area, permission handlers and the menu installed', () => {
    expect(stub.app.exitCode).toBeUndefined();
    expect(stub.record.dialogs).toEqual([]);
    expect(stub.record.privileged).toEqual([expect.objectContaining({ scheme: 'app' })]);
    const [win] = stub.record.windows;
    expect(win?.loaded).toEqual(['app://pingyi/chair/index.html']);
    expect(win?.options).toMatchObject({ width: 1093, height: 590, webPreferences: { contextIsolation: true, sandbox: true, nodeIntegration: false } });
    expect(stub.record.permissionRequest).toHaveLength(1);
    expect(stub.record.permissionCheck).toHaveLength(1);
    expect(JSON.stringify(stub.record.menus[0])).toContain('文件');
  });

  it('the CSP reaches the page: Chromium refuses an inline script in the console', async () => {
    const response = await page.request.get(`${stub.httpBase}/chair/index.html`);
    expect(response.headers()['content-security-policy']).toContain("script-src 'self'");
    // An allowed inline script would run during append(); a refused one fires the violation event.
    const result = await page.evaluate(
      () =>
        new Promise<{ ran: boolean; violated: string }>((done) => {
          // No DOM types in the Node test project: the page's globals, typed by hand.
          const page = globalThis as unknown as { document: any; __inlineRan?: boolean };
          let ran = false;
          page.document.addEventListener('securitypolicyviolation', (event: { violatedDirective: string }) => done({ ran, violated: event.violatedDirective }), { once: true });
          const script = page.document.createElement('script');
          script.textContent = 'window.__inlineRan = true';
          page.document.head.append(script);
          ran = page.__inlineRan === true;
        }),
    );
    expect(result.ran).toBe(false);
    expect(result.violated).toMatch(/^script-src/);
  });

  it('IPC from the console reaches the real core; the tablet port moved off a taken 8787 and the address says so', async () => {
    await expect.poll(() => page.evaluate(() => (globalThis as unknown as { document: { body: { innerText: string } } }).document.body.innerText.length), { timeout: 15_000 }).toBeGreaterThan(20);
    const meetings = await pageCall('listMeetings', {});
    expect(meetings.ok).toBe(true);
    expect(meetings.value.length).toBeGreaterThan(0);
    const info = await pageCall('serverInfo', {});
    expect(info.value.mode).toBe('electron');
    if (process.env['PINGYI_SHOTS']) await page.screenshot({ path: join(process.env['PINGYI_SHOTS'], 'shell-console.png') });
    const host = lanAddresses()[0] ?? '127.0.0.1';
    const port = Number(/:(\d+)\/$/.exec(info.value.tabletUrl)?.[1]);
    expect(info.value.tabletUrl).toBe(`http://${host.includes(':') ? `[${host}]` : host}:${port}/`);
    expect(port).toBeGreaterThan(8787);
    expect(port).toBeLessThanOrEqual(8807);
    const tablet = await fetch(info.value.tabletUrl);
    expect(tablet.status).toBe(200);
  });

  it('renders a PDF through the shell\'s print driver: a parented, hidden A4 window on app://print/', async () => {
    const meetings = await pageCall('listMeetings', {});
    const meetingId = meetings.value[0].id as string;
    const before = stub.record.windows.length;
    const pdf = await pageCall('renderPdf', { meetingId, sheet: 'signin' });
    expect(pdf.ok, JSON.stringify(pdf.error)).toBe(true);
    const printWindow = stub.record.windows[before];
    expect(printWindow?.options).toMatchObject({ show: false, height: 590 });
    expect(printWindow?.options.parent).toBe(stub.record.windows[0]);
    expect(printWindow?.loaded[0]).toMatch(/^app:\/\/pingyi\/print\/index\.html\?/);
    expect(printWindow?.isDestroyed()).toBe(true);
    const file = join(dataDir, 'signin.pdf');
    writeFileSync(file, Buffer.from(pdf.value.base64, 'base64'));
    expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(/Page size:\s+59[45]\.\d+ x 841\.\d+ pts \(A4\)/);
    if (process.env['PINGYI_SHOTS']) writeFileSync(join(process.env['PINGYI_SHOTS'], 'shell-signin.pdf'), Buffer.from(pdf.value.base64, 'base64'));
    expect(execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' })).toContain('签到');
  }, 60_000);

  it('a second start (second-instance) brings the console window forward instead of a second app', () => {
    expect(stub.record.appListeners.get('second-instance')).toHaveLength(1);
    stub.emit('second-instance', {});
    expect(stub.record.focus).toEqual(['show 0', 'focus 0']);
  });

  it('quits: before-quit holds the quit until the tablet server is closed and the database closed', async () => {
    const info = await pageCall('serverInfo', {});
    stub.app.quit();
    await expect.poll(() => stub.app.quitted, { timeout: 10_000 }).toBe(true);
    await expect(fetch(info.value.tabletUrl)).rejects.toThrow();
    const late = await pageCall('listMeetings', {}).catch((error: Error) => ({ ok: false, error: { message: error.message } }));
    expect(late.ok).toBe(false);
  });
});
