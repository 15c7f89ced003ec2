/**
 * The running header and the "第 x 页 共 y 页" footer of every printed page, as CSS @page margin
 * boxes. The browser's print, Electron's printToPDF and the host's Chromium PDF all get them from
 * the page itself: Chromium's header/footer templates (displayHeaderFooter) lay out two extra
 * documents for every page, ≈ 3 ms of CPU a page, 300 ms for the 100 detail sheets
 * (docs/performance.md), for the same lines.
 */

/** The faces the margin boxes print in: the sheets' serif (renderer/print/print.css). */
export const MARGIN_FONT_STACK = "'Pingyi Sheet Serif', 'Noto Serif CJK SC', 'Source Han Serif SC', 'SimSun', '宋体', 'Songti SC', serif";

/** A CSS string literal: quotes and backslashes escaped, line breaks as spaces. */
export function cssString(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/[\n\r]/g, ' ')}"`;
}

/**
 * The detail part of the signing set (排序表及明细表) prints on this named page (print.css), so
 * its pages carry the detail sheet's running header while the ranking's pages keep theirs.
 */
export const SET_DETAIL_PAGE = 'set-detail';

/**
 * The @page rule with the sheet's running header on top and the page numbers below; with `page`,
 * the rule of that named page only (it overrides the unnamed rule's boxes on those pages).
 */
export function marginBoxCss(runningHeader: string, page?: string): string {
  const box = `font-family: ${MARGIN_FONT_STACK}; color: #333;`;
  return (
    `@page${page === undefined ? '' : ` ${page}`} { @top-center { content: ${cssString(runningHeader)}; font-size: 8pt; ${box} } ` +
    `@bottom-center { content: "第 " counter(page) " 页 共 " counter(pages) " 页"; font-size: 9pt; ${box} } }`
  );
}
