/**
 * Electron's print driver: the print route (dist/console/print) in a window of its own, shown
 * as a preview, sent to the system print dialog, or rendered with webContents.printToPDF using
 * the same header and footer templates as browser mode's PDF. Only wiring lives here; what a
 * sheet shows is the route's business, what a PDF is called and where it goes the core's.
 */
import { BrowserWindow } from 'electron';
import type { Core } from '../core/core';
import { pdfTemplates } from '../core/printing/pdf-templates';
import { setPrintDriver } from '../core/printing/print-driver';
import { printWindowOptions } from './security';

const READY_TIMEOUT_MS = 30_000;

/** Waits until the print route marks <body> ready or failed; returns its error, if any. */
async function waitForSheet(win: BrowserWindow): Promise<string | null> {
  const started = Date.now();
  while (Date.now() - started < READY_TIMEOUT_MS) {
    const state = (await win.webContents.executeJavaScript(
      "document.body.dataset.error !== undefined ? 'error:' + document.body.dataset.error : document.body.dataset.ready === 'true' ? 'ready' : ''",
    )) as string;
    if (state === 'ready') return null;
    if (state.startsWith('error:')) return state.slice('error:'.length);
    await new Promise((done) => setTimeout(done, 100));
  }
  return '打印页面没有在 30 秒内准备好，请重试。';
}

/** Registers the Electron driver with the core; `consoleRoot` is the file:// URL of dist/console. */
export function installElectronPrinting(core: Core, options: { consoleRoot: string; preload: string }): void {
  const pageUrl = (query: string) => `${options.consoleRoot}/print/index.html?${query}`;
  setPrintDriver(core, {
    async renderPdf(query) {
      const win = new BrowserWindow(printWindowOptions(options.preload, false));
      try {
        await win.loadURL(pageUrl(query));
        const error = await waitForSheet(win);
        if (error !== null) return { error };
        const header = (await win.webContents.executeJavaScript("document.body.dataset.runningHeader || ''")) as string;
        const pdf = await win.webContents.printToPDF({ pageSize: 'A4', printBackground: true, preferCSSPageSize: true, displayHeaderFooter: true, ...pdfTemplates(header) });
        return { pdf };
      } finally {
        win.destroy();
      }
    },
    async open(query, action) {
      const win = new BrowserWindow(printWindowOptions(options.preload, action === 'preview'));
      await win.loadURL(pageUrl(query));
      if (action === 'print') {
        await waitForSheet(win);
        win.webContents.print({ silent: false, printBackground: true }, () => win.close());
      }
    },
  });
}
