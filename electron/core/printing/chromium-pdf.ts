/**
 * Browser mode's PDF: the built print route rendered by a local Chromium (playwright-core).
 * The page is served from memory on a made-up origin: its files from dist/console, its two API
 * calls (printData, takeSlips) answered in-process. No port is opened, no token is needed, and
 * every other request is refused, so the page can reach nothing but its own sheet.
 */
import { readFile } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import type { Browser, BrowserContext, Route } from 'playwright-core';
import { printingInputs } from '../../../shared/api/chair/printing';
import type { Result } from '../../../shared/domain/result';
import type { Core } from '../core';
import { CHROMIUM_ARGS, findBrowser, loadPlaywright, NO_BROWSER_MESSAGE } from './find-browser';
import { findConsoleAssets } from './console-assets';
import { pdfTemplates } from './pdf-templates';
import type { PrintDriver } from './print-driver';
import { printData, slipsSheet } from './sheet-service';

/** The made-up origin the print page is served on inside the renderer's Chromium. */
export const PRINT_ORIGIN = 'http://print.pingyi.invalid';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

/** Answers the page's API calls in-process; only the two read calls the print route makes exist. */
function answerApi(core: Core, method: string, body: unknown): Result<unknown> | null {
  if (method === 'printData') {
    const parsed = printingInputs.printData.safeParse(body);
    return parsed.success ? printData(core, parsed.data) : null;
  }
  if (method === 'takeSlips') {
    const parsed = printingInputs.takeSlips.safeParse(body);
    return parsed.success ? slipsSheet(core, parsed.data.handoff) : null;
  }
  return null;
}

async function serve(core: Core, assetsDir: string, route: Route): Promise<void> {
  const request = route.request();
  const url = new URL(request.url());
  if (url.origin !== PRINT_ORIGIN) return route.abort('blockedbyclient');
  const api = /^\/api\/chair\/(\w+)$/.exec(url.pathname);
  if (api?.[1] && request.method() === 'POST') {
    let body: unknown = null;
    try {
      body = request.postDataJSON();
    } catch {
      body = null;
    }
    const answer = answerApi(core, api[1], body);
    if (!answer) return route.fulfill({ status: 400, contentType: 'application/json', body: JSON.stringify({ ok: false, error: { code: 'bad_request', message: '请求格式有误。' } }) });
    return route.fulfill({ status: 200, contentType: 'application/json', headers: { 'cache-control': 'no-store' }, body: JSON.stringify(answer) });
  }
  if (request.method() !== 'GET') return route.abort('blockedbyclient');
  const file = resolve(assetsDir, `.${decodeURIComponent(url.pathname)}`);
  if (file !== assetsDir && !file.startsWith(assetsDir + sep)) return route.abort('blockedbyclient');
  try {
    const body = await readFile(file.endsWith(sep) ? join(file, 'index.html') : file);
    return route.fulfill({ status: 200, contentType: TYPES[extname(file)] ?? 'application/octet-stream', headers: { 'cache-control': 'no-store' }, body });
  } catch {
    return route.fulfill({ status: 404, body: 'not found' });
  }
}

/**
 * Renders the print route at `query` to a PDF with the local Chromium. `launched` renders in an
 * already running browser (left running; the benchmark's warm render) instead of launching one.
 */
export async function renderWithChromium(
  core: Core,
  query: string,
  options: { browser?: string; assetsDir?: string; launched?: Browser } = {},
): Promise<{ pdf: Uint8Array } | { error: string }> {
  const executablePath = options.browser ?? findBrowser();
  if (!executablePath) return { error: NO_BROWSER_MESSAGE };
  const assetsDir = options.assetsDir ?? findConsoleAssets();
  if (!assetsDir) return { error: '找不到打印页面文件（dist/console），请重新构建或重新安装程序。' };
  const browser = options.launched ?? (await loadPlaywright().chromium.launch({ executablePath, args: [...CHROMIUM_ARGS], headless: true }));
  let context: BrowserContext | undefined;
  try {
    context = await browser.newContext({ locale: 'zh-CN', serviceWorkers: 'block' });
    await context.route('**/*', (route) => serve(core, resolve(assetsDir), route));
    const page = await context.newPage();
    await page.goto(`${PRINT_ORIGIN}/print/index.html?${query}`, { waitUntil: 'load', timeout: 30_000 });
    await page.waitForSelector('body[data-ready], body[data-error]', { state: 'attached', timeout: 30_000 });
    const body = page.locator('body');
    const error = await body.getAttribute('data-error');
    if (error !== null) return { error };
    const header = (await body.getAttribute('data-running-header')) ?? '';
    // The page runs in Chromium, not here: a string keeps DOM types out of the Node build.
    await page.evaluate('document.fonts.ready.then(() => true)');
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true, displayHeaderFooter: true, ...pdfTemplates(header) });
    return { pdf };
  } finally {
    if (options.launched) await context?.close();
    else await browser.close();
  }
}

/** The default driver: PDFs from the local Chromium; opening a print is the console's own job. */
export function chromiumDriver(core: Core): PrintDriver {
  return { renderPdf: (query) => renderWithChromium(core, query) };
}
