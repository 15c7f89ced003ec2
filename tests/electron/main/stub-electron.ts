/**
 * A stand-in for the `electron` module, good enough to run the built shell (dist/electron/main.cjs)
 * in plain Node: Electron's binary cannot be downloaded here. Windows are real Chromium pages
 * (playwright-core); what the shell registers with protocol.handle serves them through a loopback
 * HTTP bridge (so the headers it sets, the CSP above all, are the ones Chromium enforces); the
 * preload is emulated by a `window.pingyi` that calls the shell's own ipcMain handler with the
 * sender frame mapped back to its app:// address; printToPDF is Chromium's page.pdf.
 *
 * What this cannot show: Electron's own behaviour (the sandbox, contextBridge, the real
 * protocol and permission plumbing, native menus, printing to a printer). See README.
 */
import Module from 'node:module';
import { createServer, type Server } from 'node:http';
import type { Browser, BrowserContext, Page } from 'playwright-core';

type Listener = (...args: any[]) => any;

export interface StubRecord {
  appListeners: Map<string, Listener[]>;
  ipc: Map<string, Listener>;
  protocols: Map<string, (request: Request) => Promise<Response>>;
  privileged: unknown[];
  permissionRequest: Listener[];
  permissionCheck: Listener[];
  menus: unknown[];
  dialogs: string[];
  events: string[];
  windows: StubWindow[];
  /** show/restore/focus calls, in order, e.g. 'focus 0' for the first window. */
  focus: string[];
}

interface StubWindow {
  readonly options: any;
  readonly loaded: string[];
  readonly page: Promise<Page>;
  isDestroyed(): boolean;
}

/** Installs the stand-in; `require('electron')` in any module loaded afterwards gets it. Returns the record and a disposer. */
export async function installStubElectron(browser: Browser, options: { workArea: { width: number; height: number }; lockHeldElsewhere?: boolean }) {
  const record: StubRecord = {
    appListeners: new Map(),
    ipc: new Map(),
    protocols: new Map(),
    privileged: [],
    permissionRequest: [],
    permissionCheck: [],
    menus: [],
    dialogs: [],
    events: [],
    windows: [],
    focus: [],
  };

  // The loopback bridge: http://127.0.0.1:<port>/X is app://pingyi/X, answered by the shell's handler.
  const bridge: Server = createServer((req, res) => {
    const handler = record.protocols.get('app');
    if (!handler) return void res.writeHead(503).end();
    void handler(new Request(`app://pingyi${req.url ?? '/'}`, { method: req.method ?? 'GET' })).then(async (response) => {
      const headers: Record<string, string> = {};
      response.headers.forEach((value, key) => (headers[key] = value));
      res.writeHead(response.status, headers).end(Buffer.from(await response.arrayBuffer()));
    });
  });
  await new Promise<void>((done) => bridge.listen(0, '127.0.0.1', done));
  const httpBase = `http://127.0.0.1:${(bridge.address() as { port: number }).port}`;
  const toHttp = (url: string) => (url.startsWith('app://pingyi/') ? httpBase + url.slice('app://pingyi'.length) : url);
  const toApp = (url: string) => (url.startsWith(`${httpBase}/`) ? `app://pingyi${url.slice(httpBase.length)}` : url);

  const context: BrowserContext = await browser.newContext({ viewport: { width: 1000, height: 700 } });
  // The preload's two methods, as contextBridge would expose them.
  await context.exposeBinding('__pingyiInvoke', async (source, channel: string, method: unknown, input: unknown) => {
    const handler = record.ipc.get(channel);
    if (!handler) throw new Error(`no IPC handler for ${channel}`);
    const frame = { url: toApp(source.frame.url()) };
    const isMain = source.frame === source.page.mainFrame();
    return handler({ senderFrame: frame, sender: { mainFrame: isMain ? frame : { url: '' } } }, method, input);
  });
  await context.addInitScript(() => {
    const listeners: ((event: unknown) => void)[] = [];
    const w = globalThis as unknown as Record<string, unknown>;
    w['__pingyiEmit'] = (payload: unknown) => listeners.slice().forEach((listener) => listener(payload));
    w['pingyi'] = {
      call: (method: string, input: unknown) => (w['__pingyiInvoke'] as (...a: unknown[]) => Promise<unknown>)('pingyi:call', method, input),
      onEvent: (listener: (event: unknown) => void) => {
        listeners.push(listener);
        return () => listeners.splice(listeners.indexOf(listener), 1);
      },
    };
  });

  const windows: BrowserWindow[] = [];
  class BrowserWindow implements StubWindow {
    readonly loaded: string[] = [];
    readonly page: Promise<Page>;
    private destroyed = false;
    readonly webContents;
    constructor(readonly options: any) {
      this.page = context.newPage();
      windows.push(this);
      record.windows.push(this);
      const page = this.page;
      const loaded = this.loaded;
      this.webContents = {
        getURL: () => loaded.at(-1) ?? '',
        send: (channel: string, payload: unknown) => {
          record.events.push(channel);
          void page.then((page) => page.evaluate((p) => (globalThis as unknown as { __pingyiEmit(p: unknown): void }).__pingyiEmit(p), payload)).catch(() => undefined);
        },
        executeJavaScript: async (code: string) => (await page).evaluate(code),
        printToPDF: async (pdf: { pageSize?: string; printBackground?: boolean; preferCSSPageSize?: boolean; displayHeaderFooter?: boolean; headerTemplate?: string; footerTemplate?: string }) =>
          (await page).pdf({
            format: pdf.pageSize === 'A4' ? 'A4' : 'Letter',
            printBackground: pdf.printBackground ?? false,
            preferCSSPageSize: pdf.preferCSSPageSize ?? false,
            displayHeaderFooter: pdf.displayHeaderFooter ?? false,
            headerTemplate: pdf.headerTemplate ?? '',
            footerTemplate: pdf.footerTemplate ?? '',
          }),
        print: (_options: unknown, callback: (success: boolean, reason: string) => void) => callback(true, ''),
        closeDevTools: () => undefined,
      };
    }
    static getAllWindows(): BrowserWindow[] {
      return windows.filter((w) => !w.isDestroyed());
    }
    async loadURL(url: string): Promise<void> {
      this.loaded.push(url);
      await (await this.page).goto(toHttp(url), { waitUntil: 'load' });
    }
    isDestroyed(): boolean {
      return this.destroyed;
    }
    destroy(): void {
      this.destroyed = true;
      void this.page.then((page) => page.close()).catch(() => undefined);
    }
    close(): void {
      this.destroy();
    }
    isMinimized(): boolean {
      return false;
    }
    restore(): void {
      record.focus.push(`restore ${windows.indexOf(this)}`);
    }
    show(): void {
      record.focus.push(`show ${windows.indexOf(this)}`);
    }
    focus(): void {
      record.focus.push(`focus ${windows.indexOf(this)}`);
    }
  }

  const emit = (name: string, event: unknown) => (record.appListeners.get(name) ?? []).forEach((listener) => listener(event));
  const app = {
    isPackaged: false,
    exitCode: undefined as number | undefined,
    quitted: false,
    on(name: string, listener: Listener) {
      record.appListeners.set(name, [...(record.appListeners.get(name) ?? []), listener]);
      return app;
    },
    whenReady: () => Promise.resolve(),
    // false: another instance of the app already runs (it then gets `second-instance`).
    requestSingleInstanceLock: () => options.lockHeldElsewhere !== true,
    getPath: () => '/nonexistent-userData',
    // As Electron does: before-quit may hold the quit; then will-quit, then the process would end.
    quit() {
      let prevented = false;
      emit('before-quit', { preventDefault: () => (prevented = true) });
      if (prevented) return;
      emit('will-quit', { preventDefault: () => undefined });
      app.quitted = true;
    },
    exit(code: number) {
      app.exitCode = code;
    },
  };

  const electron = {
    app,
    BrowserWindow,
    dialog: {
      showErrorBox: (_title: string, message: string) => record.dialogs.push(message),
      showMessageBox: (...args: any[]) => {
        const box = args.at(-1) as { message?: string; detail?: string };
        record.dialogs.push(`${box.message ?? ''}: ${box.detail ?? ''}`);
        return Promise.resolve({ response: 0 });
      },
    },
    ipcMain: { handle: (channel: string, handler: Listener) => record.ipc.set(channel, handler) },
    Menu: { buildFromTemplate: (template: unknown) => template, setApplicationMenu: (menu: unknown) => record.menus.push(menu) },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => record.privileged.push(...schemes),
      handle: (scheme: string, handler: (request: Request) => Promise<Response>) => record.protocols.set(scheme, handler),
    },
    screen: { getPrimaryDisplay: () => ({ workAreaSize: options.workArea }) },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (handler: Listener) => record.permissionRequest.push(handler),
        setPermissionCheckHandler: (handler: Listener) => record.permissionCheck.push(handler),
        setDevicePermissionHandler: () => undefined,
      },
    },
  };

  // require('electron') → the stand-in: resolve the name to a virtual id whose cache entry is it.
  const id = '/virtual/stub-electron.js';
  const moduleApi = Module as unknown as { _resolveFilename: (request: string, ...rest: unknown[]) => string; _cache: Record<string, unknown> };
  const original = moduleApi._resolveFilename;
  moduleApi._resolveFilename = function (request: string, ...rest: unknown[]) {
    return request === 'electron' ? id : original.call(this, request, ...rest);
  };
  const entry = new Module(id);
  entry.filename = id;
  entry.loaded = true;
  entry.exports = electron;
  moduleApi._cache[id] = entry;

  return {
    record,
    app,
    emit,
    httpBase,
    async dispose() {
      moduleApi._resolveFilename = original;
      delete moduleApi._cache[id];
      await context.close();
      await new Promise((done) => bridge.close(done));
    },
  };
}
