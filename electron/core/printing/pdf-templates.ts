/**
 * Reading the PDFs Chromium writes. (The running header and page numbers were Chromium header
 * and footer templates here; they are the page's own @page margin boxes now: shared/print/margin-boxes.ts.)
 */

/** Pages of a PDF produced by Chromium (its page objects are written uncompressed). */
export function countPdfPages(pdf: Uint8Array): number {
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1');
  return (text.match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
}
