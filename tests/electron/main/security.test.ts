/**
 * The Electron shell's settings, asserted in plain Node (the adapter reads these very values).
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { APP_SCHEME_PRIVILEGES, appFileFor } from '../../../electron/main/app-protocol';
import { parseShellArgs } from '../../../electron/main/shell-args';
import {
  ALLOWED_PERMISSIONS,
  APP_ORIGIN,
  APP_ROOT,
  CONTENT_SECURITY_POLICY,
  PRINT_OPTIONS,
  PRINT_TIMEOUT_MS,
  PRINT_TO_PDF_OPTIONS,
  clampToWorkArea,
  menuTemplate,
  permissionAllowed,
  IPC_CHANNELS,
  WINDOW_OPEN_ACTION,
  WINDOW_WEB_PREFERENCES,
  isTrustedSender,
  navigationAllowed,
  printWindowOptions,
  projectorAllowed,
  windowOpenAction,
} from '../../../electron/main/security';

const root = 'file:///opt/Pingyi/resources/app.asar/dist/console';

describe('Electron security settings', () => {
  it('isolates and sandboxes every window, with no Node in the page', () => {
    expect(WINDOW_WEB_PREFERENCES).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false });
  });

  it('sends a CSP that allows only the app\'s own scripts', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval/);
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
  });

  it('denies window.open and navigation away from the app', () => {
    expect(WINDOW_OPEN_ACTION).toEqual({ action: 'deny' });
    expect(navigationAllowed(`${root}/chair/index.html`, root)).toBe(true);
    expect(navigationAllowed('https://example.com/', root)).toBe(false);
    expect(navigationAllowed('file:///etc/passwd', root)).toBe(false);
  });

  it('opens exactly the projector page in a new window, with the same strict webPreferences', () => {
    const preload = '/opt/Pingyi/resources/app.asar/dist/electron/preload.cjs';
    const projector = `${root}/chair/projector/index.html?meeting=abc`;
    const opened = windowOpenAction(projector, root, preload);
    expect(opened.action).toBe('allow');
    if (opened.action !== 'allow') throw new Error('projector denied');
    expect(opened.overrideBrowserWindowOptions.webPreferences).toEqual({ ...WINDOW_WEB_PREFERENCES, preload });
    expect(opened.overrideBrowserWindowOptions.webPreferences).toEqual(printWindowOptions(preload, true).webPreferences);
    expect(projectorAllowed(`${root}/chair/projector/index.html`, `${root}/`)).toBe(true);
    expect(projectorAllowed(`${root}/chair/x/../projector/index.html#top`, root)).toBe(true);
  });

  it('lets through the very address the voting tab opens for the projector', () => {
    const tab = readFileSync(fileURLToPath(new URL('../../../renderer/chair/voting/VotingTab.vue', import.meta.url)), 'utf8');
    const opened = /window\.open\(`([^`$]+)\$\{/.exec(tab)?.[1];
    expect(opened).toBe('projector/index.html?meeting=');
    const resolved = new URL(`${opened ?? ''}abc`, `${root}/chair/index.html`).href;
    expect(windowOpenAction(resolved, root, '/p/preload.cjs').action).toBe('allow');
  });

  it('denies every other window.open: other pages of the app, other roots, other schemes, look-alike paths', () => {
    const preload = '/p/preload.cjs';
    for (const url of [
      `${root}/chair/index.html`,
      `${root}/print/index.html?sheet=ranking&meeting=x`,
      `${root}/chair/projector/`,
      `${root}/chair/projector/index.html.evil`,
      `${root}/chair/projector/../index.html`,
      `${root}/../console-evil/chair/projector/index.html`,
      `${root}/chair/projector/index.html/../../../../etc/passwd`,
      'file:///etc/chair/projector/index.html',
      'file://evil-host/opt/Pingyi/resources/app.asar/dist/console/chair/projector/index.html',
      'http://127.0.0.1:8787/chair/projector/index.html',
      'https://example.com/chair/projector/index.html',
      'javascript:alert(1)',
      'not a url',
    ]) {
      expect(windowOpenAction(url, root, preload), url).toEqual(WINDOW_OPEN_ACTION);
    }
  });

  it('accepts IPC only from the app\'s own main frame', () => {
    expect(isTrustedSender(`${root}/chair/index.html`, root, true)).toBe(true);
    expect(isTrustedSender(`${root}/chair/index.html`, root, false)).toBe(false);
    expect(isTrustedSender('http://192.168.1.5:8787/', root, true)).toBe(false);
    expect(isTrustedSender('not a url', root, true)).toBe(false);
  });

  it('applies exactly these settings in the adapter and the preload', () => {
    const main = readFileSync(fileURLToPath(new URL('../../../electron/main/index.ts', import.meta.url)), 'utf8');
    expect(main).toMatch(/webPreferences: \{ \.\.\.WINDOW_WEB_PREFERENCES/);
    expect(main).toMatch(/setWindowOpenHandler\(\(\{ url \}\) => \{\s*const action = windowOpenAction\(url, APP_ROOT, preload\)/);
    expect(main).toMatch(/will-navigate/);
    expect(main).toMatch(/isTrustedSender\(/);
    const preload = readFileSync(fileURLToPath(new URL('../../../electron/preload/index.ts', import.meta.url)), 'utf8');
    expect(preload).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer\s*\)/);
    expect(preload).toContain('IPC_CHANNELS');
    expect(IPC_CHANNELS.call).toBe('pingyi:call');
  });
});

describe('the app:// scheme, permissions, menu, window sizes, command line', () => {
  const appRoot = APP_ROOT;

  it('trusts exactly the app:// origin\'s own pages, for IPC, navigation and the projector', () => {
    expect(isTrustedSender(`${appRoot}chair/index.html`, appRoot, true)).toBe(true);
    expect(isTrustedSender('app://evil/chair/index.html', appRoot, true)).toBe(false);
    expect(isTrustedSender('file:///opt/Pingyi/chair/index.html', appRoot, true)).toBe(false);
    expect(navigationAllowed('http://127.0.0.1:8787/', appRoot)).toBe(false);
    expect(windowOpenAction(`${appRoot}chair/projector/index.html?meeting=m`, appRoot, '/p').action).toBe('allow');
    expect(windowOpenAction('app://evil/chair/projector/index.html', appRoot, '/p')).toEqual(WINDOW_OPEN_ACTION);
  });

  it('registers the scheme as standard and secure, without CSP bypass, CORS or service workers', () => {
    expect(APP_SCHEME_PRIVILEGES).toEqual({
      scheme: 'app',
      privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: false, bypassCSP: false, allowServiceWorkers: false, stream: false },
    });
    expect(`${APP_SCHEME_PRIVILEGES.scheme}://pingyi`).toBe(APP_ORIGIN);
  });

  it('maps app:// URLs to files under the console folder only', () => {
    const root = '/opt/app/dist/console';
    expect(appFileFor(`${appRoot}chair/index.html`, root)).toBe('/opt/app/dist/console/chair/index.html');
    expect(appFileFor(`${appRoot}print/`, root)).toBe('/opt/app/dist/console/print/index.html');
    expect(appFileFor(`${appRoot}print/index.html?sheet=ranking`, root)).toBe('/opt/app/dist/console/print/index.html');
    for (const url of [`${appRoot}..%2F..%2Fetc/passwd`, `${appRoot}%2e%2e/%2e%2e/etc/passwd`, 'app://other/chair/index.html', 'file:///etc/passwd', `${appRoot}a%00b`, 'nonsense']) {
      const file = appFileFor(url, root);
      expect(file === null || file.startsWith(`${root}/`), url).toBe(true);
    }
    expect(appFileFor('app://other/chair/index.html', root)).toBeNull();
  });

  it('grants no permission at all, not even to the app\'s own pages', () => {
    expect(ALLOWED_PERMISSIONS.size).toBe(0);
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'fullscreen', 'openExternal', 'hid', 'serial']) {
      expect(permissionAllowed(permission, `${appRoot}chair/index.html`, appRoot), permission).toBe(false);
    }
  });

  it('has a Chinese menu, with DevTools and reload only outside the packaged app', () => {
    const packaged = JSON.stringify(menuTemplate({ packaged: true, mac: false }));
    expect(packaged).toContain('"label":"文件"');
    expect(packaged).toContain('"role":"quit"');
    expect(packaged).not.toMatch(/toggleDevTools|forceReload|"reload"/);
    expect(packaged).not.toMatch(/"label":"[A-Za-z ]+"/);
    expect(JSON.stringify(menuTemplate({ packaged: false, mac: false }))).toContain('toggleDevTools');
  });

  it('clamps windows to the work area: 1366×768 at 150 % leaves 911×480', () => {
    expect(clampToWorkArea({ width: 1280, height: 860 }, { width: 911, height: 480 })).toEqual({ width: 911, height: 480 });
    expect(clampToWorkArea({ width: 900, height: 1100 }, { width: 1920, height: 1040 })).toEqual({ width: 900, height: 1040 });
    expect(clampToWorkArea({ width: 800, height: 600 }, { width: 1920, height: 1040 })).toEqual({ width: 800, height: 600 });
  });

  it('prints on A4, with backgrounds, through the system dialog, and renders PDFs on A4', () => {
    expect(PRINT_OPTIONS).toEqual({ silent: false, printBackground: true, pageSize: 'A4' });
    expect(PRINT_TO_PDF_OPTIONS).toMatchObject({ pageSize: 'A4', printBackground: true });
    expect(PRINT_TIMEOUT_MS).toBeGreaterThan(0);
    expect(printWindowOptions('/p', false, 'parent')).toMatchObject({ parent: 'parent', show: false });
  });

  it('reads --data and --port among Electron\'s and Chromium\'s own switches', () => {
    expect(parseShellArgs(['.', '--no-sandbox', '--port', '8788', '--data', '/d', '--enable-logging'])).toEqual({ dataDir: '/d', port: 8788, errors: [] });
    expect(parseShellArgs(['--port=9000', '--data=/x y'])).toEqual({ dataDir: '/x y', port: 9000, errors: [] });
    expect(parseShellArgs([])).toEqual({ dataDir: undefined, port: undefined, errors: [] });
    expect(parseShellArgs(['--port', 'abc']).errors).toEqual(['--port needs a port number 0–65535']);
    expect(parseShellArgs(['--data']).errors).toEqual(['--data needs a folder']);
  });
});
