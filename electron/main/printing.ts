/**
 * Electron's print driver: the print route (app://pingyi/print/) in a window of its own, shown
 * as a preview, sent to the system print dialog, or rendered with webContents.printToPDF using
 * the same header and footer templates as browser mode's PDF. Only wiring lives here; what a
 * sheet shows is the route's business, what a PDF is called and where it goes the core's.
 *
 * Every window is parented to the console (it stays above it and closes with it), every wait has
 * a limit, and a failure reaches the chair: as the PDF's error, or in a box for paper printing.
 */
import { BrowserWindow, dialog } from 'electron';
import type { Core } from '../core/core';
import { setPrintDriver } from '../core/printing/print-driver';
import { PRINT_OPTIONS, PRINT_TO_PDF_OPTIONS, PRINT_TIMEOUT_MS, printWindowOptions } from './security';

/** Rejects after `ms` with `message`, so a page that never loads cannot hold the print window. */
function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  return Promise.race([promise, limit]).finally(() => clearTimeout(timer));
}

/** Waits until the print route marks <body> ready or failed; returns its error, if any. */
async function waitForSheet(win: BrowserWindow): Promise<string | null> {
  const started = Date.now();
  while (Date.now() - started < PRINT_TIMEOUT_MS) {
    if (win.isDestroyed()) return '打印窗口已关闭。';
    const state = (await win.webContents.executeJavaScript(
      "document.body.dataset.error !== undefined ? 'error:' + document.body.dataset.error : document.body.dataset.ready === 'true' ? 'ready' : ''",
    )) as string;
    if (state === 'ready') return null;
    if (state.startsWith('error:')) return state.slice('error:'.length);
    await new Promise((done) => setTimeout(done, 100));
  }
  return `打印页面没有在 ${PRINT_TIMEOUT_MS / 1000} 秒内准备好，请重试。`;
}

/** Registers the Electron driver with the core; `appRoot` is app://pingyi/, `parent` the console window. */
export function installElectronPrinting(core: Core, options: {
    appRoot: string;
    preload: string;
    parent: () => BrowserWindow | undefined;
    /** Clamps a window size to the screen's work area. */
    fit: (size: { width: number; height: number }) => { width: number; height: number };
  },): void {
  const windowOptions = (show: boolean) => {
    const wanted = printWindowOptions(options.preload, show, options.parent());
    return { ...wanted, ...options.fit(wanted) };
  };
  const pageUrl = (query: string) => `${options.appRoot}print/index.html?${query}`;
  const load = (win: BrowserWindow, query: string) => withTimeout(win.loadURL(pageUrl(query)), PRINT_TIMEOUT_MS, `打印页面没有在 ${PRINT_TIMEOUT_MS / 1000} 秒内打开，请重试。`);
  const showError = (message: string) => {
    const parent = options.parent();
    const box = { type: 'error' as const, title: 'Pingyi 评议', message: '打印失败', detail: message };
    void (parent && !parent.isDestroyed() ? dialog.showMessageBox(parent, box) : dialog.showMessageBox(box));
  };
  setPrintDriver(core, {
    async renderPdf(query) {
      const win = new BrowserWindow(windowOptions(false));
      try {
        await load(win, query);
        const error = await waitForSheet(win);
        if (error !== null) return { error: { rule: 'render', detail: error } };
        const pdf = await withTimeout(win.webContents.printToPDF(PRINT_TO_PDF_OPTIONS), PRINT_TIMEOUT_MS, 'PDF 生成超时，请重试。');
        return { pdf };
      } catch (error) {
        return { error: { rule: 'render', detail: error instanceof Error ? error.message : String(error) } };
      } finally {
        if (!win.isDestroyed()) win.destroy();
      }
    },
    async open(query, action) {
      const win = new BrowserWindow(windowOptions(action === 'preview'));
      try {
        await load(win, query);
      } catch (error) {
        if (!win.isDestroyed()) win.destroy();
        showError(error instanceof Error ? error.message : String(error));
        return;
      }
      if (action !== 'print') return;
      const error = await waitForSheet(win);
      if (error !== null) {
        if (!win.isDestroyed()) win.destroy();
        showError(error);
        return;
      }
      win.webContents.print(PRINT_OPTIONS, (success, failureReason) => {
        if (!win.isDestroyed()) win.close();
        // Cancelling the system dialog is the chair's choice, not a failure.
        if (!success && failureReason && !/cancel/i.test(failureReason)) showError(failureReason);
      });
    },
  });
}
