/**
 * The Electron adapter, and nothing more: lifecycle, the chair window, IPC handlers that call the
 * core after checking the sender, the LAN tablet server. Every setting comes from security.ts.
 */
import { app, BrowserWindow, dialog, ipcMain, session } from 'electron';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createCore, type Core } from '../core/core';
import { callChair } from '../core/chair-api';
import { lanAddresses } from '../core/network';
import { startFailureMessage } from '../core/start-failure';
import { bindTabletServer, type TabletBinding } from '../core/server/tablet-binding';
import { installElectronPrinting } from './printing';
import { CONTENT_SECURITY_POLICY, IPC_CHANNELS, WINDOW_WEB_PREFERENCES, isTrustedSender, navigationAllowed, windowOpenAction } from './security';

const dist = join(__dirname, '..');
const consoleRoot = pathToFileURL(join(dist, 'console')).href;
const preload = join(__dirname, 'preload.cjs');

let core: Core | undefined;
let tablet: TabletBinding | undefined;
let unsubscribeEvents: (() => void) | undefined;

/** The desktop app's data folder (browser mode's default is the same folder). */
function dataDirectory(): string {
  return join(app.getPath('userData'), 'data');
}

async function boot(): Promise<void> {
  core = createCore({ dataDir: dataDirectory(), mode: 'electron' });
  // Bound through tablet-binding so the chair can move the tablet server to another address.
  tablet = await bindTabletServer(core, { host: lanAddresses()[0] ?? '127.0.0.1', port: 8787, assetsDir: join(dist, 'tablet') });

  installElectronPrinting(core, { consoleRoot, preload });

  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });

  ipcMain.handle(IPC_CHANNELS.call, async (event, method: unknown, input: unknown) => {
    const frame = event.senderFrame;
    if (!frame || !isTrustedSender(frame.url, consoleRoot, frame === event.sender.mainFrame) || typeof method !== 'string') {
      return { ok: false, error: { code: 'forbidden', message: 'untrusted sender' } };
    }
    if (!core) return { ok: false, error: { code: 'not_ready', message: '程序尚未就绪，请稍候。' } };
    return callChair(core, method, input);
  });

  const window = new BrowserWindow({
    width: 1280,
    height: 860,
    title: 'Pingyi 评议',
    webPreferences: { ...WINDOW_WEB_PREFERENCES, preload },
  });
  // Every window of the app's own pages hears the events: the console and the projector it opens.
  unsubscribeEvents = core.events.subscribe((chairEvent) => {
    for (const win of BrowserWindow.getAllWindows()) {
      if (!win.isDestroyed() && isTrustedSender(win.webContents.getURL(), consoleRoot, true)) win.webContents.send(IPC_CHANNELS.event, chairEvent);
    }
  });
  await window.loadURL(`${consoleRoot}/chair/index.html`);
}

app.on('web-contents-created', (_event, contents) => {
  contents.setWindowOpenHandler(({ url }) => windowOpenAction(url, consoleRoot, preload));
  contents.on('will-navigate', (event, url) => {
    if (!navigationAllowed(url, consoleRoot)) event.preventDefault();
  });
});

// Any failure of boot (a read-only data folder, a taken port) ends in one box that says what to do.
app
  .whenReady()
  .then(boot)
  .catch((error: unknown) => {
    const message = startFailureMessage(error, dataDirectory());
    console.error(message);
    dialog.showErrorBox('Pingyi', message);
    app.exit(1);
  });

app.on('window-all-closed', () => {
  unsubscribeEvents?.();
  void (tablet?.close() ?? Promise.resolve()).then(() => {
    core?.close();
    app.quit();
  });
});
