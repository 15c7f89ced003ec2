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

/** window.open is always denied. */
export const WINDOW_OPEN_ACTION = { action: 'deny' } as const;

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
