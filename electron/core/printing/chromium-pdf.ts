/**
 * Browser mode's PDF: the built print route rendered by a local Chromium (playwright-core).
 * The page is served from memory on a made-up origin: its files from dist/console, its two API
 * calls (printData, takeSlips) answered in-process. No port is opened, no token is needed, and
 * every other request is refused, so the page can reach nothing but its own sheet.
 */
import { readFile } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import type { Browser, Page, Route } from 'playwright-core';
import { printingInputs } from '../../../shared/api/chair/printing';
import { parsePrintQuery } from '../../../shared/print/sheets';
import { fail, type Result } from '../../../shared/domain/result';
import type { Core } from '../core';
import { CHROMIUM_ARGS, findBrowser, loadPlaywright } from './find-browser';
import { findConsoleAssets } from './console-assets';
import type { PdfOutcome, PdfProblem, PrintDriver } from './print-driver';
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
    if (!answer) return route.fulfill({ status: 400, contentType: 'application/json', body: JSON.stringify(fail('bad_input', { rule: 'print_api' })) });
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

const TIMEOUT_MS = 30_000;

/** A4 unless the sheet's @page says otherwise, table shading kept, no Chromium header/footer templates. */
const PDF_OPTIONS = { format: 'A4', preferCSSPageSize: true, printBackground: true, displayHeaderFooter: false } as const;

/**
 * The sheet at `query` rendered to PDF; the page is left on the sheet. `inPlace`: the page holds
 * the print route already (empty), which shows the sheet without loading again (App.vue's
 * pingyiShowSheet): no navigation, no asset fetched, no script compiled again.
 */
async function renderInPage(page: Page, query: string, inPlace: boolean): Promise<PdfOutcome> {
  if (inPlace) await page.evaluate(`window.pingyiShowSheet(${JSON.stringify(query)})`);
  else await page.goto(`${PRINT_ORIGIN}/print/index.html?${query}`, { waitUntil: 'load', timeout: TIMEOUT_MS });
  await page.waitForSelector('body[data-ready], body[data-error]', { state: 'attached', timeout: TIMEOUT_MS });
  const body = page.locator('body');
  const error = await body.getAttribute('data-error');
  if (error !== null) return { error: { rule: 'render', detail: error } };
  // The page runs in Chromium, not here: a string keeps DOM types out of the Node build.
  await page.evaluate('document.fonts.ready.then(() => true)');
  // Running header and page numbers are the page's own @page margin boxes (shared/print/margin-boxes.ts).
  const pdf = await page.pdf(PDF_OPTIONS);
  return { pdf };
}

/**
 * One Chromium per core, launched on the first PDF and kept: a launch, a browser context and
 * loading the print route's bundle into a fresh page cost more than many sheets take to print
 * (docs/performance.md). The page is reused for every sheet and holds nothing between renders:
 * after a result sheet the print route takes the sheet down and stays loaded, so the next one is
 * shown in place; after code slips (live codes) the page goes to about:blank. Renders run one at a
 * time, as the one page requires. A browser that crashed or was closed is launched again on the
 * next render (and a render it broke is tried once more); closing the core closes the browser,
 * and playwright-core kills it when the process exits, so it never outlives the host.
 */
export class KeptChromium {
  private browser: Browser | null = null;
  private page: Page | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private closed = false;
  private launchCount = 0;
  /** The page when it holds the print route, emptied, ready to show the next sheet in place. */
  private onRoute: Page | null = null;

  constructor(
    private readonly core: Core,
    private readonly executablePath: string,
    private readonly assetsDir: string,
  ) {}

  /** How often Chromium was launched so far (the tests read it). */
  get launches(): number {
    return this.launchCount;
  }

  /** What the kept page holds between renders (the tests read it): its address and how many sheets are in it. */
  contents(): Promise<{ url: string; sheets: number } | null> {
    return this.inTurn(async () => {
      const page = this.page;
      if (page === null || page.isClosed()) return null;
      return { url: page.url(), sheets: await page.locator('.sheet').count() };
    });
  }

  /** Renders the print route at `query`; waits for the renders asked for before it. */
  render(query: string): Promise<PdfOutcome> {
    return this.inTurn(() => this.renderNow(query));
  }

  /** Launches the browser and opens its page ahead of the first sheet (a failure waits for that sheet). */
  warmUp(): Promise<void> {
    return this.inTurn(async () => {
      if (this.closed) return;
      const page = await this.openPage();
      // Chromium compiles the print route's script, loads fonts and its PDF machinery on first
      // use: the route once (a meeting that does not exist: it only shows its error), the
      // sheets' four faces (print.css), then one tiny PDF in them.
      try {
        await page.goto(`${PRINT_ORIGIN}/print/index.html?sheet=zero&meeting=-&pdf=1`, { waitUntil: 'load', timeout: TIMEOUT_MS });
        await page.waitForSelector('body[data-ready], body[data-error]', { state: 'attached', timeout: TIMEOUT_MS });
        await page.evaluate(WARM_UP_FACES);
        await page.pdf(PDF_OPTIONS);
        await page.evaluate(WARM_UP_CLEAR);
      } finally {
        await this.leave(page, false);
      }
    }).catch(() => undefined);
  }

  /** Closes the browser; later renders refuse. */
  async close(): Promise<void> {
    this.closed = true;
    const browser = this.browser;
    this.browser = null;
    this.page = null;
    await browser?.close().catch(() => undefined);
  }

  private inTurn<T>(task: () => Promise<T>): Promise<T> {
    const next = this.queue.then(task, task);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async renderNow(query: string): Promise<PdfOutcome> {
    for (let attempt = 1; ; attempt += 1) {
      if (this.closed) return { error: { rule: 'closed' } };
      const page = await this.openPage();
      const slips = parsePrintQuery(query)?.sheet === 'slips';
      try {
        return await renderInPage(page, query, !slips && this.onRoute === page);
      } catch (error) {
        const broken = !this.browser?.isConnected() || page.isClosed();
        await this.dropPage(page);
        // A browser that died under the render (a crash, the system killing it) is launched
        // again and the sheet tried once more; anything else is the sheet's own failure.
        if (!broken || attempt > 1 || this.closed) throw error;
      } finally {
        await this.leave(page, slips);
      }
    }
  }

  /**
   * Empties the page after a render: the print route takes its sheet down and stays loaded for
   * the next one; after code slips, or when that fails, the page goes to about:blank.
   */
  private async leave(page: Page, slips: boolean): Promise<void> {
    this.onRoute = null;
    if (page.isClosed()) return;
    if (!slips) {
      const emptied = await page
        .evaluate("typeof window.pingyiShowSheet === 'function' ? window.pingyiShowSheet(null).then(() => true) : false")
        .catch(() => false);
      if (emptied === true) {
        this.onRoute = page;
        return;
      }
    }
    await page.goto('about:blank').catch(() => this.dropPage(page));
  }

  private async openPage(): Promise<Page> {
    if (this.page && !this.page.isClosed() && this.browser?.isConnected()) return this.page;
    if (!this.browser?.isConnected()) {
      this.browser = null;
      this.page = null;
      const browser = await loadPlaywright().chromium.launch({
        executablePath: this.executablePath,
        args: [...CHROMIUM_ARGS],
        headless: true,
        // The host handles its own signals and closes the core (and so this browser); the
        // browser is killed in any case when the process exits (playwright-core's exit hook).
        handleSIGINT: false,
        handleSIGTERM: false,
        handleSIGHUP: false,
      });
      this.launchCount += 1;
      if (this.closed) {
        await browser.close();
        throw new Error('the app is closing: no PDF is made');
      }
      browser.on('disconnected', () => {
        if (this.browser === browser) {
          this.browser = null;
          this.page = null;
        }
      });
      this.browser = browser;
    }
    const context = await this.browser.newContext({ locale: 'zh-CN', serviceWorkers: 'block' });
    await context.route('**/*', (route) => serve(this.core, this.assetsDir, route));
    const page = await context.newPage();
    page.on('crash', () => void this.dropPage(page));
    this.page = page;
    return page;
  }

  private async dropPage(page: Page): Promise<void> {
    if (this.page === page) this.page = null;
    if (this.onRoute === page) this.onRoute = null;
    await page.context().close().catch(() => undefined);
  }
}

/** The faces the sheets print in (renderer/print/print.css), regular and bold, as CSS fonts. */
const SHEET_FACES = ['Pingyi Sheet Serif', 'Pingyi Sheet Sans'].flatMap((family) => [400, 700].map((weight) => `${weight} 12pt "${family}"`));

/**
 * Loads the sheets' faces and writes a line in each, in a box of its own, so the tiny warm-up PDF
 * uses them all; the box is removed after it (WARM_UP_CLEAR) so the next sheet never holds it.
 * Runs in the page, as a string.
 */
const WARM_UP_FACES = `Promise.all(${JSON.stringify(SHEET_FACES)}.map((font) => document.fonts.load(font, '评议'))).then(() => {
  const box = document.createElement('div');
  box.id = 'pingyi-warm-up';
  for (const font of ${JSON.stringify(SHEET_FACES)}) {
    const line = document.createElement('p');
    line.style.font = font;
    line.textContent = '评议结果排序表 0123456789';
    box.append(line);
  }
  document.body.append(box);
  return true;
})`;
const WARM_UP_CLEAR = "document.getElementById('pingyi-warm-up')?.remove()";


const kept = new WeakMap<Core, KeptChromium>();

/** The core's kept Chromium, made on first use; closing the core closes it. */
export function keptChromium(core: Core, options: { browser?: string; assetsDir?: string } = {}): KeptChromium | { error: PdfProblem } {
  const existing = kept.get(core);
  if (existing) return existing;
  const executablePath = options.browser ?? findBrowser();
  if (!executablePath) return { error: { rule: 'no_browser' } };
  const assetsDir = options.assetsDir ?? findConsoleAssets();
  if (!assetsDir) return { error: { rule: 'no_assets' } };
  const chromium = new KeptChromium(core, executablePath, resolve(assetsDir));
  kept.set(core, chromium);
  core.onClose(() => void chromium.close());
  return chromium;
}


/** Renders the print route at `query` to a PDF with the core's kept Chromium (see KeptChromium). */
export async function renderWithChromium(
  core: Core,
  query: string,
  options: { browser?: string; assetsDir?: string } = {},
): Promise<PdfOutcome> {
  const chromium = keptChromium(core, options);
  if ('error' in chromium) return chromium;
  return chromium.render(query);
}

/** The default driver: PDFs from the local Chromium; opening a print is the console's own job. */
export function chromiumDriver(core: Core): PrintDriver {
  return { renderPdf: (query) => renderWithChromium(core, query) };
}
