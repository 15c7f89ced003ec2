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
  return url.protocol === 'file:' && root.protocol === 'file:' && url.pathname.startsWith(root.pathname);
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
 * True for exactly the projector page under the app's own file:// root (any query, e.g.
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
  if (url.protocol !== 'file:' || root.protocol !== 'file:' || url.host !== root.host) return false;
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

/**
 * The print preview and the hidden window that renders PDFs: the same isolated, sandboxed
 * webPreferences as the console (the print route talks to the core through the same preload).
 */
export function printWindowOptions(preload: string, show: boolean) {
  return {
    width: 900,
    height: 1100,
    show,
    title: 'Pingyi 评议 · 打印预览',
    autoHideMenuBar: true,
    webPreferences: { ...WINDOW_WEB_PREFERENCES, preload },
  } as const;
}
