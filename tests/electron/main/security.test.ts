/**
 * The Electron shell's settings, asserted in plain Node (the adapter reads these very values).
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  CONTENT_SECURITY_POLICY,
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
    expect(main).toMatch(/setWindowOpenHandler\(\(\{ url \}\) => windowOpenAction\(url, consoleRoot, preload\)\)/);
    expect(main).toMatch(/will-navigate/);
    expect(main).toMatch(/isTrustedSender\(/);
    const preload = readFileSync(fileURLToPath(new URL('../../../electron/preload/index.ts', import.meta.url)), 'utf8');
    expect(preload).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer\s*\)/);
    expect(preload).toContain('IPC_CHANNELS');
    expect(IPC_CHANNELS.call).toBe('pingyi:call');
  });
});
