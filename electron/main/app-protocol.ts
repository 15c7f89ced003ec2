/**
 * The chair console's pages, served from a privileged custom scheme (app://pingyi/…) through
 * protocol.handle instead of file://. Electron applies no response headers to file:// pages, so
 * a CSP set there never reached them; here every response carries it, and the pages get a real
 * origin (`app://pingyi`) that the sender and navigation checks compare against.
 *
 * Plain Node on purpose: the handler takes a fetch `Request` and returns a `Response`, so tests
 * drive it without Electron, on the very files the build produced.
 */
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { APP_ORIGIN, CONTENT_SECURITY_POLICY } from './security';

/** What protocol.registerSchemesAsPrivileged receives, before the app is ready. */
export const APP_SCHEME_PRIVILEGES = {
  scheme: 'app',
  // standard: relative URLs and an origin as for http; secure: a secure context (crypto.subtle,
  // no mixed content); fetch for the renderer's own assets. No CORS bypass, no service workers.
  privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: false, bypassCSP: false, allowServiceWorkers: false, stream: false },
} as const;

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
};

/** Headers of every page and asset: the CSP above all. */
export function appResponseHeaders(file: string): Record<string, string> {
  return {
    'content-type': CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-cache',
  };
}

/**
 * The file under `root` (dist/console) that an app:// URL names, or null for anything outside
 * it, another host, or a method other than GET/HEAD. A folder path means its index.html.
 */
export function appFileFor(url: string, root: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  // Node's URL gives non-special schemes an opaque origin: compare scheme and host instead.
  const app = new URL(APP_ORIGIN);
  if (parsed.protocol !== app.protocol || parsed.host !== app.host) return null;
  let path: string;
  try {
    path = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  if (path.includes('\0')) return null;
  if (path.endsWith('/')) path += 'index.html';
  const file = normalize(join(root, path));
  const base = normalize(root.endsWith(sep) ? root : root + sep);
  return file.startsWith(base) ? file : null;
}

/** protocol.handle's handler for the `app` scheme, serving `root`. */
export function createAppProtocolHandler(root: string): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return new Response('method not allowed', { status: 405 });
    const file = appFileFor(request.url, root);
    if (!file) return new Response('not found', { status: 404, headers: { 'content-security-policy': CONTENT_SECURITY_POLICY } });
    try {
      const body = await readFile(file);
      return new Response(request.method === 'HEAD' ? null : body, { status: 200, headers: appResponseHeaders(file) });
    } catch {
      return new Response('not found', { status: 404, headers: { 'content-security-policy': CONTENT_SECURITY_POLICY } });
    }
  };
}
