import type { Core } from '../core';

/**
 * How a sheet route becomes paper or a PDF. Browser mode uses the local Chromium
 * (chromium-pdf.ts); Electron registers its own driver (electron/main/printing.ts) built on
 * webContents. Either way the same print route is rendered, so screen, paper and PDF match.
 */
/**
 * Why no PDF came out: a known cause, which the console words (pdf_failed's `rule`), or the
 * renderer's own words for a sheet that failed (`detail`: the print page's error, a timeout).
 */
export type PdfProblem = { readonly rule: 'closed' | 'no_browser' | 'no_assets' } | { readonly rule: 'render'; readonly detail: string };

/** A rendered PDF, or why there is none. */
export type PdfOutcome = { readonly pdf: Uint8Array } | { readonly error: PdfProblem };

export interface PrintDriver {
  /** Renders the print route with this query string to PDF bytes. */
  renderPdf(query: string): Promise<PdfOutcome>;
  /** Opens a print preview, or the system print dialog; absent where the console does it itself. */
  open?(query: string, action: 'preview' | 'print'): Promise<void>;
}

const drivers = new WeakMap<Core, PrintDriver>();

/** Registers the driver of a shell (Electron) for this core. */
export function setPrintDriver(core: Core, driver: PrintDriver): void {
  drivers.set(core, driver);
}

/** The registered driver, or null (browser mode renders with the local Chromium). */
export function registeredPrintDriver(core: Core): PrintDriver | null {
  return drivers.get(core) ?? null;
}
