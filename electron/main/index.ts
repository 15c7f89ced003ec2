/**
 * The Electron adapter, and nothing more: lifecycle, the chair window, IPC handlers that call the
 * core after checking the sender, the LAN tablet server. Every setting comes from security.ts.
 *
 * Order matters in Electron: the app:// scheme is registered as privileged and the single-instance
 * lock taken before `ready`; the protocol handler, permission handlers and menu are installed
 * before the first page loads; cleanup runs on before-quit (File → 退出, Cmd-Q, the last window),
 * not only when the last window closes.
 */
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, screen, session, type WebContents } from 'electron';
import { dirname, join, resolve } from 'node:path';
import { createCore, type Core } from '../core/core';
import { callChair } from '../core/chair-api';
import { fail } from '../../shared/domain/result';
import { lanAddresses } from '../core/network';
import { isNativeModuleMismatch, NATIVE_MODULE_EXIT_CODE, startFailureMessage } from '../core/start-failure';
import { bindTabletServer, type TabletBinding } from '../core/server/tablet-binding';
import { defaultDataDir, moveRoamingDataDir } from '../core/default-data-dir';
import { APP_SCHEME_PRIVILEGES, createAppProtocolHandler } from './app-protocol';
import { installElectronPrinting } from './printing';
import { parseShellArgs } from './shell-args';
import {
  APP_ROOT,
  IPC_CHANNELS,
  WINDOW_WEB_PREFERENCES,
  clampToWorkArea,
  isTrustedSender,
  menuTemplate,
  navigationAllowed,
  permissionAllowed,
  windowOpenAction,
} from './security';

const dist = join(__dirname, '..');
const consoleDir = join(dist, 'console');
const preload = join(__dirname, 'preload.cjs');
/** The tablet port when none is asked for; taken (RStudio Server uses it too), the next free one of the following 20. */
const DEFAULT_TABLET_PORT = 8787;
const NEXT_FREE_PORTS = 20;

// Packaged: [exe, ...args]; development: [electron, appPath, ...args]. Chromium's own switches are skipped.
const shellArgs = parseShellArgs(process.argv.slice(app.isPackaged ? 1 : 2));

let core: Core | undefined;
let tablet: TabletBinding | undefined;
let mainWindow: BrowserWindow | undefined;
let unsubscribeEvents: (() => void) | undefined;
let cleanup: Promise<void> | undefined;
let cleanedUp = false;

/** The data folder: --data, else the same default folder as browser mode (%LOCALAPPDATA% on Windows). */
function dataDirectory(): string {
  return resolve(shellArgs.dataDir ?? defaultDataDir());
}

/** A window size that fits the primary display's work area (1366×768 at 150 % is 911×480 there). */
function fit(size: { width: number; height: number }): { width: number; height: number } {
  return clampToWorkArea(size, screen.getPrimaryDisplay().workAreaSize);
}

function focusMainWindow(): void {
  if (!mainWindow || mainWindow.isDestroyed()) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

function installSessionPolicy(): void {
  protocol.handle('app', createAppProtocolHandler(consoleDir));
  session.defaultSession.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(permissionAllowed(permission, details.requestingUrl, APP_ROOT));
  });
  session.defaultSession.setPermissionCheckHandler((_contents, permission, requestingOrigin) => permissionAllowed(permission, requestingOrigin, APP_ROOT));
  session.defaultSession.setDevicePermissionHandler(() => false);
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate({ packaged: app.isPackaged, mac: process.platform === 'darwin' }) as Electron.MenuItemConstructorOptions[]));
}

async function boot(): Promise<void> {
  if (shellArgs.errors.length > 0) throw new Error(shellArgs.errors.join('; '));
  installSessionPolicy();
  if (!shellArgs.dataDir) {
    const move = moveRoamingDataDir();
    if (move.moved) console.log(`moved the data folder from ${move.from} to ${move.to}`);
  }
  // In development npm start hands over an Electron-ABI build of better-sqlite3 (node_modules'
  // own is Node's); the packaged app carries its own, rebuilt for Electron at packaging.
  const nativeBinding = app.isPackaged ? undefined : process.env['PINGYI_SQLITE_BINDING'] || undefined;
  core = createCore({ dataDir: dataDirectory(), mode: 'electron', store: { nativeBinding }, writerThread: join(__dirname, 'ballot-writer-thread.cjs') });
  // Bound through tablet-binding so the chair can move the tablet server to another address; the
  // URL the console, the QR and the slips show is the port really bound.
  tablet = await bindTabletServer(core, {
    host: lanAddresses()[0] ?? '127.0.0.1',
    port: shellArgs.port ?? DEFAULT_TABLET_PORT,
    nextFreePorts: shellArgs.port === undefined ? NEXT_FREE_PORTS : 0,
    assetsDir: join(dist, 'tablet'),
  });
  console.log(`Pingyi 评议 — data folder: ${dataDirectory()}; tablets join: ${core.tabletUrl}`);

  ipcMain.handle(IPC_CHANNELS.call, async (event, method: unknown, input: unknown) => {
    const frame = event.senderFrame;
    if (!frame || !isTrustedSender(frame.url, APP_ROOT, frame === event.sender.mainFrame) || typeof method !== 'string') {
      return { ok: false, error: { code: 'forbidden', message: 'untrusted sender' } };
    }
    // Worded by the console like any answer of core (not_ready: "尚未就绪，请稍后再试。").
    if (!core) return fail('not_ready');
    return callChair(core, method, input);
  });

  const window = new BrowserWindow({
    ...fit({ width: 1280, height: 860 }),
    center: true,
    title: 'Pingyi 评议',
    webPreferences: { ...WINDOW_WEB_PREFERENCES, preload },
  });
  mainWindow = window;
  installElectronPrinting(core, { appRoot: APP_ROOT, preload, parent: () => mainWindow, fit });
  // Every window of the app's own pages hears the events: the console and the projector it opens.
  unsubscribeEvents = core.events.subscribe((chairEvent) => {
    for (const win of BrowserWindow.getAllWindows()) {
      if (!win.isDestroyed() && isTrustedSender(win.webContents.getURL(), APP_ROOT, true)) win.webContents.send(IPC_CHANNELS.event, chairEvent);
    }
  });
  await window.loadURL(`${APP_ROOT}chair/index.html`);
}

/** Stops the tablet server and closes the database (WAL checkpointed) exactly once. */
function cleanUp(): Promise<void> {
  cleanup ??= (async () => {
    unsubscribeEvents?.();
    await tablet?.close().catch(() => undefined);
    await core?.writer.stop().catch(() => undefined);
    core?.close();
    cleanedUp = true;
  })();
  return cleanup;
}

function guardContents(contents: WebContents): void {
  contents.setWindowOpenHandler(({ url }) => {
    const action = windowOpenAction(url, APP_ROOT, preload);
    return action.action === 'allow' ? { ...action, overrideBrowserWindowOptions: { ...action.overrideBrowserWindowOptions, ...fit(action.overrideBrowserWindowOptions) } } : action;
  });
  contents.on('will-navigate', (event, url) => {
    if (!navigationAllowed(url, APP_ROOT)) event.preventDefault();
  });
  // No DevTools in the packaged app: the menu has no entry, and a shortcut that opens them anyway is undone.
  if (app.isPackaged) contents.on('devtools-opened', () => contents.closeDevTools());
}

// Windows: Chromium's profile beside the data in %LOCALAPPDATA%\Pingyi, not in roaming %APPDATA%
// (a network share on domain PCs). Before the lock, which lives in userData too.
if (process.platform === 'win32') app.setPath('userData', dirname(defaultDataDir()));

// Before `ready`: the scheme must be privileged before any page of it exists.
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);

if (!app.requestSingleInstanceLock()) {
  // A second double-click: the running instance focuses its window (second-instance below).
  app.quit();
} else {
  app.on('second-instance', focusMainWindow);
  app.on('web-contents-created', (_event, contents) => guardContents(contents));

  // Any failure of boot (a read-only data folder, a taken port, the database module built for
  // another ABI) ends in one box that says what to do.
  app
    .whenReady()
    .then(boot)
    .catch(async (error: unknown) => {
      const message = startFailureMessage(error, dataDirectory());
      console.error(message);
      dialog.showErrorBox('Pingyi', message);
      await cleanUp();
      // npm start falls back to browser mode on this code.
      app.exit(isNativeModuleMismatch(error) ? NATIVE_MODULE_EXIT_CODE : 1);
    });

  app.on('window-all-closed', () => app.quit());

  app.on('before-quit', (event) => {
    if (cleanedUp) return;
    // Hold the quit until the tablet server has stopped and the database is closed, then quit again.
    event.preventDefault();
    void cleanUp().then(() => app.quit());
  });

  app.on('will-quit', () => {
    // Last resort (quit paths that skip before-quit): the database closes synchronously.
    if (!cleanedUp) core?.close();
  });
}
