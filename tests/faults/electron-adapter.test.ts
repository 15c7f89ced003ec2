/**
 * The Electron adapter's real handlers, driven in plain Node. Electron's binary cannot run
 * here, so `electron` is replaced by a recorder of what the adapter registers (windows, the
 * CSP hook, IPC handlers, navigation and window-open handlers), and the tablet server binding by
 * a stand-in (port 8787 may be in use on a shared machine). Then the recorded handlers are called
 * as Electron would call them. security.test.ts asserts the settings as data; this asserts that
 * electron/main/index.ts really applies them.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

type Listener = (...args: any[]) => any;

const recorded = vi.hoisted(() => ({
  dataDir: '',
  appListeners: new Map<string, Listener>(),
  ipc: new Map<string, Listener>(),
  protocols: new Map<string, Listener>(),
  privileged: [] as unknown[],
  permissionRequest: [] as Listener[],
  permissionCheck: [] as Listener[],
  menus: [] as unknown[],
  windows: [] as { options: any; loaded: string[] }[],
  closed: [] as string[],
}));

vi.mock('electron', () => {
  class BrowserWindow {
    readonly record: { options: any; loaded: string[] };
    readonly webContents = { send: () => undefined, getURL: () => this.record.loaded.at(-1) ?? '' };
    constructor(options: any) {
      this.record = { options, loaded: [] };
      recorded.windows.push(this.record);
    }
    static getAllWindows(): BrowserWindow[] {
      return [];
    }
    isDestroyed(): boolean {
      return false;
    }
    loadURL(url: string): Promise<void> {
      this.record.loaded.push(url);
      return Promise.resolve();
    }
  }
  const app = {
    isPackaged: false,
    getPath: () => recorded.dataDir,
    on: (name: string, listener: Listener) => recorded.appListeners.set(name, listener),
    whenReady: () => Promise.resolve(),
    requestSingleInstanceLock: () => true,
    exit: (code: number) => recorded.closed.push(`exit ${code}`),
    // As Electron does: before-quit may hold the quit (the adapter then quits again), then will-quit.
    quit: () => {
      let prevented = false;
      recorded.appListeners.get('before-quit')?.({ preventDefault: () => (prevented = true) });
      if (prevented) return;
      recorded.appListeners.get('will-quit')?.({ preventDefault: () => undefined });
      recorded.closed.push('quit');
    },
  };
  return {
    app,
    BrowserWindow,
    dialog: { showErrorBox: () => undefined, showMessageBox: () => Promise.resolve({ response: 0 }) },
    ipcMain: { handle: (channel: string, listener: Listener) => recorded.ipc.set(channel, listener) },
    Menu: { buildFromTemplate: (template: unknown) => template, setApplicationMenu: (menu: unknown) => recorded.menus.push(menu) },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => recorded.privileged.push(...schemes),
      handle: (scheme: string, handler: Listener) => recorded.protocols.set(scheme, handler),
    },
    screen: { getPrimaryDisplay: () => ({ workAreaSize: { width: 1093, height: 590 } }) },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (handler: Listener) => recorded.permissionRequest.push(handler),
        setPermissionCheckHandler: (handler: Listener) => recorded.permissionCheck.push(handler),
        setDevicePermissionHandler: () => undefined,
      },
    },
  };
});

vi.mock('../../electron/core/server/tablet-binding', () => ({
  bindTabletServer: () => Promise.resolve({ server: { port: 8787 }, address: '127.0.0.1', rebind: () => Promise.resolve(null), close: () => Promise.resolve() }),
}));

// The console's pages come from the privileged app:// scheme (protocol.handle), not file://.
const consoleRoot = 'app://pingyi';
const consolePage = `${consoleRoot}/chair/index.html`;

const savedArgv = process.argv;

beforeAll(async () => {
  recorded.dataDir = mkdtempSync(join(tmpdir(), 'pingyi-electron-'));
  // The shell's own --data option (development: [electron, appPath, ...args]).
  process.argv = [process.execPath, '.', '--data', recorded.dataDir];
  await import('../../electron/main/index');
  process.argv = savedArgv;
  await vi.waitFor(() => expect(recorded.ipc.size).toBeGreaterThan(0), { timeout: 10_000 });
}, 20_000);

afterAll(async () => {
  // Closing the last window quits; before-quit closes the core (and the stand-in tablet server) first.
  recorded.appListeners.get('window-all-closed')?.();
  await vi.waitFor(() => expect(recorded.closed).toContain('quit'));
});

/** What Electron passes to an IPC handler, for a frame at `url`. */
function ipcEvent(url: string, mainFrame: boolean) {
  const frame = { url };
  return { senderFrame: frame, sender: { mainFrame: mainFrame ? frame : { url } } };
}

describe('the Electron adapter as it runs', () => {
  it('opens the console isolated, sandboxed, without Node, with the preload only', () => {
    const [main] = recorded.windows;
    expect(main?.loaded).toEqual([consolePage]);
    expect(main?.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false });
    expect(main?.options.webPreferences.preload).toMatch(/preload\.cjs$/);
  });

  it('serves the pages from the privileged app:// scheme, so the CSP travels with every response', async () => {
    expect(recorded.privileged).toEqual([expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) })]);
    const handler = recorded.protocols.get('app');
    expect(handler).toBeDefined();
    // The TypeScript source has no built pages beside it: the answer is a 404, with the CSP all the same.
    const response = (await handler?.(new Request(`${consoleRoot}/chair/index.html`))) as Response;
    expect(response.headers.get('content-security-policy')).toMatch(/default-src 'self'.*script-src 'self'.*object-src 'none'/);
    const escape = (await handler?.(new Request(`${consoleRoot}/../../../etc/passwd`))) as Response;
    expect(escape.status).toBe(404);
  });

  it('denies every permission, asked or checked, and installs the Chinese menu', () => {
    let granted: boolean | undefined;
    recorded.permissionRequest[0]?.({}, 'media', (answer: boolean) => (granted = answer), { requestingUrl: consolePage });
    expect(granted).toBe(false);
    expect(recorded.permissionCheck[0]?.({}, 'notifications', consoleRoot)).toBe(false);
    const menu = JSON.stringify(recorded.menus[0]);
    expect(menu).toContain('文件');
    expect(menu).not.toMatch(/"label":"(File|Edit|View)"/);
  });

  it('fits the console window into a 1366×768 screen at 125 % (work area 1093×590)', () => {
    expect(recorded.windows[0]?.options).toMatchObject({ width: 1093, height: 590 });
  });

  it('blocks navigation away from the app and denies window.open for anything but the projector', () => {
    let openHandler: Listener = () => undefined;
    const listeners = new Map<string, Listener>();
    recorded.appListeners.get('web-contents-created')?.({}, {
      setWindowOpenHandler: (handler: Listener) => (openHandler = handler),
      on: (name: string, listener: Listener) => listeners.set(name, listener),
    });
    const navigate = (url: string) => {
      const event = { prevented: false, preventDefault() { this.prevented = true; } };
      listeners.get('will-navigate')?.(event, url);
      return event.prevented;
    };
    expect(navigate('https://example.com/')).toBe(true);
    expect(navigate('file:///etc/passwd')).toBe(true);
    expect(navigate(`http://127.0.0.1:8787/`)).toBe(true);
    expect(navigate(consolePage)).toBe(false);
    for (const url of ['https://example.com/', 'file:///etc/passwd', `${consoleRoot}/chair/index.html`, 'javascript:alert(1)']) {
      expect(openHandler({ url })).toEqual({ action: 'deny' });
    }
    // The projector opens in a window as strict as the console, with the same preload.
    const projector = openHandler({ url: `${consoleRoot}/chair/projector/index.html?meeting=abc` }) as { action: string; overrideBrowserWindowOptions?: { webPreferences: unknown } };
    expect(projector.action).toBe('allow');
    expect(projector.overrideBrowserWindowOptions?.webPreferences).toEqual(recorded.windows[0]?.options.webPreferences);
  });

  it('answers IPC only from the console\'s own main frame, and a method name only as a string', async () => {
    const call = recorded.ipc.get('pingyi:call');
    expect(call).toBeDefined();
    const forbidden = { ok: false, error: { code: 'forbidden', message: 'untrusted sender' } };
    expect(await call?.(ipcEvent('http://192.168.1.5:8787/', true), 'listMeetings', {})).toEqual(forbidden);
    expect(await call?.(ipcEvent('https://example.com/', true), 'listMeetings', {})).toEqual(forbidden);
    expect(await call?.(ipcEvent(consolePage, false), 'listMeetings', {})).toEqual(forbidden); // an iframe of the console
    expect(await call?.(ipcEvent(consolePage, true), { toString: () => 'listMeetings' }, {})).toEqual(forbidden);
    const trusted = (await call?.(ipcEvent(consolePage, true), 'listMeetings', {})) as { ok: boolean; value: unknown[] };
    expect(trusted.ok).toBe(true);
    expect(trusted.value.length).toBeGreaterThan(0); // the demo meeting of the fresh data folder, from the real core
  });
});
