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
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

type Listener = (...args: any[]) => any;

const recorded = vi.hoisted(() => ({
  dataDir: '',
  appListeners: new Map<string, Listener>(),
  ipc: new Map<string, Listener>(),
  headers: [] as Listener[],
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
  return {
    app: {
      getPath: () => recorded.dataDir,
      on: (name: string, listener: Listener) => recorded.appListeners.set(name, listener),
      whenReady: () => Promise.resolve(),
      exit: (code: number) => recorded.closed.push(`exit ${code}`),
      quit: () => recorded.closed.push('quit'),
    },
    BrowserWindow,
    ipcMain: { handle: (channel: string, listener: Listener) => recorded.ipc.set(channel, listener) },
    session: { defaultSession: { webRequest: { onHeadersReceived: (listener: Listener) => recorded.headers.push(listener) } } },
  };
});

vi.mock('../../electron/core/server/tablet-binding', () => ({
  bindTabletServer: () => Promise.resolve({ server: { port: 8787 }, address: '127.0.0.1', rebind: () => Promise.resolve(null), close: () => Promise.resolve() }),
}));

// The adapter computes its app root from its own folder: electron/main/.. /console.
const consoleRoot = pathToFileURL(join(fileURLToPath(new URL('../../electron', import.meta.url)), 'console')).href;
const consolePage = `${consoleRoot}/chair/index.html`;

beforeAll(async () => {
  recorded.dataDir = mkdtempSync(join(tmpdir(), 'pingyi-electron-'));
  await import('../../electron/main/index');
  await vi.waitFor(() => expect(recorded.ipc.size).toBeGreaterThan(0), { timeout: 10_000 });
}, 20_000);

afterAll(async () => {
  // Closing the last window closes the core (and the stand-in tablet server), as in the app.
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

  it('adds the CSP to every response', () => {
    expect(recorded.headers).toHaveLength(1);
    let headers: Record<string, string[]> = {};
    recorded.headers[0]?.({ responseHeaders: { 'X-Other': ['kept'] } }, (answer: { responseHeaders: Record<string, string[]> }) => (headers = answer.responseHeaders));
    expect(headers['X-Other']).toEqual(['kept']);
    expect(headers['Content-Security-Policy']?.[0]).toMatch(/default-src 'self'.*script-src 'self'.*object-src 'none'/);
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
