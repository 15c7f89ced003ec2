/**
 * The Electron shell's settings, asserted in plain Node (the adapter reads these very values).
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CONTENT_SECURITY_POLICY, IPC_CHANNELS, WINDOW_OPEN_ACTION, WINDOW_WEB_PREFERENCES, isTrustedSender, navigationAllowed } from '../../../electron/main/security';

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

  it('accepts IPC only from the app\'s own main frame', () => {
    expect(isTrustedSender(`${root}/chair/index.html`, root, true)).toBe(true);
    expect(isTrustedSender(`${root}/chair/index.html`, root, false)).toBe(false);
    expect(isTrustedSender('http://192.168.1.5:8787/', root, true)).toBe(false);
    expect(isTrustedSender('not a url', root, true)).toBe(false);
  });

  it('applies exactly these settings in the adapter and the preload', () => {
    const main = readFileSync(fileURLToPath(new URL('../../../electron/main/index.ts', import.meta.url)), 'utf8');
    expect(main).toMatch(/webPreferences: \{ \.\.\.WINDOW_WEB_PREFERENCES/);
    expect(main).toMatch(/setWindowOpenHandler\(\(\) => WINDOW_OPEN_ACTION\)/);
    expect(main).toMatch(/will-navigate/);
    expect(main).toMatch(/isTrustedSender\(/);
    const preload = readFileSync(fileURLToPath(new URL('../../../electron/preload/index.ts', import.meta.url)), 'utf8');
    expect(preload).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer\s*\)/);
    expect(preload).toContain('IPC_CHANNELS');
    expect(IPC_CHANNELS.call).toBe('pingyi:call');
  });
});
