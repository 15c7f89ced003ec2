/**
 * The running header and the "第 x 页 共 y 页" footer of every PDF page. Chromium fills
 * <span class="pageNumber"> and <span class="totalPages"> itself; the same templates serve the
 * host's PDF (playwright-core) and Electron's webContents.printToPDF, so both look the same.
 */

/** Font stacks that cover Chinese on Linux (Noto CJK), Windows (SimSun, Microsoft YaHei) and macOS. */
export const PRINT_FONT_STACK = "'Noto Serif CJK SC', 'Source Han Serif SC', 'SimSun', '宋体', 'Songti SC', 'Noto Sans CJK SC', 'Microsoft YaHei', serif";

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Header and footer templates for one sheet; `runningHeader` is the sheet's own title line. */
export function pdfTemplates(runningHeader: string): { headerTemplate: string; footerTemplate: string } {
  const style = `font-family:${escapeHtml(PRINT_FONT_STACK)};width:100%;margin:0 15mm;color:#333;`;
  return {
    headerTemplate: `<div style="${style}font-size:8pt;text-align:center;">${escapeHtml(runningHeader)}</div>`,
    footerTemplate: `<div style="${style}font-size:9pt;text-align:center;">第 <span class="pageNumber"></span> 页 共 <span class="totalPages"></span> 页</div>`,
  };
}

/** Pages of a PDF produced by Chromium (its page objects are written uncompressed). */
export function countPdfPages(pdf: Uint8Array): number {
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1');
  return (text.match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
}
