/**
 * The Electron shell's security settings as plain data and pure functions, so tests can assert
 * them in plain Node (importing `electron` there throws). main/index.ts applies exactly these.
 */

/** webPreferences of every window: isolated, sandboxed, no Node in the page. */
export const WINDOW_WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  spellcheck: false,
} as const;

/**
 * Where the chair console's pages live: a privileged custom scheme served by protocol.handle
 * (app-protocol.ts), so that every page gets the CSP below as a response header (Electron never
 * applies headers to file:// pages) and a real origin the checks below compare against.
 */
export const APP_ORIGIN = 'app://pingyi';
export const APP_ROOT = `${APP_ORIGIN}/`;

/** Schemes the checks accept as the app's own root: app:// (the shell), file:// (kept for older roots). */
const ROOT_PROTOCOLS: ReadonlySet<string> = new Set(['app:', 'file:']);

/** Content Security Policy sent with every page of the app. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** The only IPC channels that exist. */
export const IPC_CHANNELS = { call: 'pingyi:call', event: 'pingyi:event' } as const;

/**
 * True when an IPC message comes from our own top frame loaded from the app's files;
 * anything else (another frame, a navigated page) is refused.
 */
export function isTrustedSender(frameUrl: string, appRoot: string, isMainFrame: boolean): boolean {
  if (!isMainFrame) return false;
  let url: URL;
  try {
    url = new URL(frameUrl);
  } catch {
    return false;
  }
  const root = new URL(appRoot.endsWith('/') ? appRoot : `${appRoot}/`);
  return ROOT_PROTOCOLS.has(root.protocol) && url.protocol === root.protocol && url.host === root.host && url.pathname.startsWith(root.pathname);
}

/** Navigation away from the app's pages is blocked; links never open inside the app. */
export function navigationAllowed(targetUrl: string, appRoot: string): boolean {
  return isTrustedSender(targetUrl, appRoot, true);
}

/** window.open is denied, for every page but the projector's (see windowOpenAction). */
export const WINDOW_OPEN_ACTION = { action: 'deny' } as const;

/** The one page of the app that may open in a window of its own: the voting tab's projector view. */
export const PROJECTOR_PAGE = 'chair/projector/index.html';

/**
 * True for exactly the projector page under the app's own root (app:// or file://) (any query, e.g.
 * ?meeting=…); the URL parser has already resolved dot segments, so none can sneak past.
 */
export function projectorAllowed(targetUrl: string, appRoot: string): boolean {
  let url: URL;
  try {
    url = new URL(targetUrl);
  } catch {
    return false;
  }
  const root = new URL(appRoot.endsWith('/') ? appRoot : `${appRoot}/`);
  if (!ROOT_PROTOCOLS.has(root.protocol) || url.protocol !== root.protocol || url.host !== root.host) return false;
  return url.username === '' && url.password === '' && url.pathname === new URL(PROJECTOR_PAGE, root).pathname;
}

/** The projector window: the same isolated, sandboxed webPreferences and preload as the console. */
export function projectorWindowOptions(preload: string) {
  return {
    width: 1280,
    height: 800,
    title: 'Pingyi 评议 · 投影',
    autoHideMenuBar: true,
    webPreferences: { ...WINDOW_WEB_PREFERENCES, preload },
  } as const;
}

/** What setWindowOpenHandler answers: the projector page opens with the strict options, anything else is denied. */
export function windowOpenAction(targetUrl: string, appRoot: string, preload: string) {
  if (!projectorAllowed(targetUrl, appRoot)) return WINDOW_OPEN_ACTION;
  return { action: 'allow', overrideBrowserWindowOptions: projectorWindowOptions(preload) } as const;
}

/** How long loading a sheet, waiting for it to be ready and rendering its PDF may each take. */
export const PRINT_TIMEOUT_MS = 30_000;

/** webContents.print(): A4 as the sheets are laid out, backgrounds (table shading) kept, the system dialog shown. */
export const PRINT_OPTIONS = { silent: false, printBackground: true, pageSize: 'A4' } as const;

/** webContents.printToPDF(): A4, the sheet's own @page size where it sets one; header and page numbers are the page's @page margin boxes. */
export const PRINT_TO_PDF_OPTIONS = { pageSize: 'A4', printBackground: true, preferCSSPageSize: true, displayHeaderFooter: false } as const;

/**
 * The print preview and the hidden window that renders PDFs: the same isolated, sandboxed
 * webPreferences as the console (the print route talks to the core through the same preload),
 * parented to the console window, sized to fit a small screen (the shell clamps it further).
 */
export function printWindowOptions<P>(preload: string, show: boolean, parent?: P) {
  return {
    width: 900,
    height: 1100,
    show,
    ...(parent === undefined ? {} : { parent }),
    title: 'Pingyi 评议 · 打印预览',
    autoHideMenuBar: true,
    webPreferences: { ...WINDOW_WEB_PREFERENCES, preload },
  } as const;
}

/**
 * Permissions the pages may have. The console uses none (no camera, microphone, notifications,
 * geolocation, clipboard reads, MIDI, HID, serial): every request and check is denied. A
 * permission the app comes to need is added here, for the app's own origin only.
 */
export const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set<string>([]);

/** The answer of setPermissionRequestHandler / setPermissionCheckHandler for `permission` asked by a page at `requestingUrl`. */
export function permissionAllowed(permission: string, requestingUrl: string, appRoot: string): boolean {
  return ALLOWED_PERMISSIONS.has(permission) && isTrustedSender(requestingUrl, appRoot, true);
}

/**
 * The application menu, in Chinese: no English defaults, and DevTools (and reload) only in a
 * development run, never in the packaged app. Plain data for Menu.buildFromTemplate.
 */
export function menuTemplate(options: { packaged: boolean; mac: boolean }) {
  const menu: { label: string; submenu: ({ role: string; label: string } | { type: 'separator' })[] }[] = [
    { label: '文件', submenu: [options.mac ? { role: 'quit', label: '退出 Pingyi' } : { role: 'quit', label: '退出' }] },
    {
      label: '编辑',
      submenu: [
        { role: 'undo', label: '撤销' },
        { role: 'redo', label: '重做' },
        { type: 'separator' },
        { role: 'cut', label: '剪切' },
        { role: 'copy', label: '复制' },
        { role: 'paste', label: '粘贴' },
        { role: 'selectAll', label: '全选' },
      ],
    },
    {
      label: '视图',
      submenu: [
        { role: 'resetZoom', label: '实际大小' },
        { role: 'zoomIn', label: '放大' },
        { role: 'zoomOut', label: '缩小' },
        { type: 'separator' },
        { role: 'togglefullscreen', label: '全屏' },
      ],
    },
    { label: '窗口', submenu: [{ role: 'minimize', label: '最小化' }, { role: 'close', label: '关闭窗口' }] },
  ];
  if (!options.packaged) {
    menu.push({ label: '开发', submenu: [{ role: 'reload', label: '重新载入' }, { role: 'toggleDevTools', label: '开发者工具' }] });
  }
  return menu;
}

/** A window's wished size, clamped to the screen's work area (1366×768 at 125–150 % leaves about 1093×590 to 911×480). */
export function clampToWorkArea(wanted: { width: number; height: number }, workArea: { width: number; height: number }) {
  return { width: Math.min(wanted.width, Math.floor(workArea.width)), height: Math.min(wanted.height, Math.floor(workArea.height)) };
}
