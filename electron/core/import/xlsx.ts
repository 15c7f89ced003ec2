/**
 * .xlsx workbooks through exceljs: the first worksheet with content as rows of strings, and a
 * table written back as a workbook with a bold, frozen header row and columns wide enough to read.
 */
import { Buffer } from 'node:buffer';
import { createRequire } from 'node:module';
import type ExcelJS from 'exceljs';

/**
 * exceljs takes a fifth of a second to load and is needed only for imports and exports: it is
 * loaded on first use, so the host accepts ballots that much sooner after a start or a crash.
 */
function loadExcel(): typeof ExcelJS {
  // require, not import(): it resolves inside Electron's app.asar the way static imports do.
  const load = createRequire(typeof __filename === 'string' ? __filename : import.meta.url);
  return load('exceljs') as typeof ExcelJS;
}

export interface SheetRows {
  readonly sheetName: string;
  /** Non-empty rows only, each with its 1-based Excel row number. */
  readonly rows: { readonly line: number; readonly cells: string[] }[];
}

/** Loads a workbook and returns the first visible worksheet that has content (or the first with content at all). */
export async function readWorkbookRows(bytes: Uint8Array): Promise<SheetRows | undefined> {
  const workbook = new (loadExcel().Workbook)();
  // exceljs declares its own `Buffer` type (an ArrayBuffer); at run time it wants a Node Buffer.
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  const sheets = [...workbook.worksheets].sort((a, b) => Number(a.state !== 'visible') - Number(b.state !== 'visible'));
  for (const sheet of sheets) {
    const rows: { line: number; cells: string[] }[] = [];
    const width = sheet.columnCount;
    sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const cells: string[] = [];
      const last = Math.max(width, row.cellCount);
      for (let c = 1; c <= last; c++) cells.push(cellText(row.getCell(c).value));
      if (cells.some((cell) => cell.trim() !== '')) rows.push({ line: rowNumber, cells });
    });
    if (rows.length > 0) return { sheetName: sheet.name, rows };
  }
  return undefined;
}

/** A cell's value as the text a person sees: numbers without float noise, dates as YYYY-MM-DD, formulas' results. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return formatDate(value);
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('formula' in value || 'sharedFormula' in value) return cellText(value.result ?? null);
  if ('error' in value) return value.error;
  if ('hyperlink' in value) {
    // exceljs gives a hyperlink's text as rich text when the link text is formatted.
    const text: unknown = value.text;
    return typeof text === 'string' ? text : cellText(text as ExcelJS.CellValue);
  }
  return '';
}

function formatNumber(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return n.toFixed(0);
  return String(Number(n.toPrecision(15)));
}

/** exceljs reads Excel dates as UTC instants of the serial number: format those UTC fields. */
function formatDate(d: Date): string {
  if (Number.isNaN(d.getTime())) return '';
  const pad = (n: number): string => String(n).padStart(2, '0');
  const date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const h = d.getUTCHours();
  const m = d.getUTCMinutes();
  const s = d.getUTCSeconds();
  if (h === 0 && m === 0 && s === 0) return date;
  return `${date} ${pad(h)}:${pad(m)}${s === 0 ? '' : `:${pad(s)}`}`;
}

/** Display width in Excel's character units: CJK and full-width characters count two. */
function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6\u{20000}-\u{3FFFD}]/u.test(ch) ? 2 : 1;
  return width;
}

/** A sheet name Excel accepts: at most 31 characters, none of : \ / ? * [ ]. */
function safeSheetName(name: string): string {
  const cleaned = [...name.replace(/[:\\/?*[\]]/g, ' ').trim()].slice(0, 31).join('');
  return cleaned === '' ? 'Sheet1' : cleaned;
}

/** Writes headers and rows as an .xlsx workbook; every cell is text so "001" stays "001". */
/** How a written sheet is laid out beyond its header and rows. */
export interface WorkbookLayout {
  /** Lines above the header (meeting, date, place, 初步/正式), each merged across the columns. */
  readonly titleLines?: readonly string[];
  /**
   * Columns (0-based) written as numbers with this Excel number format ('0.00', '0'): a cell
   * that reads as a decimal number becomes a number, anything else ('—', '不完整') stays text.
   */
  readonly numberFormats?: Readonly<Record<number, string>>;
}

const DECIMAL = /^-?\d+(?:\.\d+)?$/u;

/**
 * Writes one worksheet: optional title lines, a bold header row frozen with everything above it,
 * numbers as numbers where the layout says so, columns sized to their content.
 */
export async function writeWorkbook(
  headers: readonly string[],
  rows: readonly (readonly string[])[],
  sheetName = 'Sheet1',
  layout: WorkbookLayout = {},
): Promise<Uint8Array> {
  const workbook = new (loadExcel().Workbook)();
  workbook.creator = 'Pingyi 评议';
  const titleLines = layout.titleLines ?? [];
  const formats = layout.numberFormats ?? {};
  const sheet = workbook.addWorksheet(safeSheetName(sheetName), { views: [{ state: 'frozen', ySplit: titleLines.length + 1 }] });
  const columns = Math.max(headers.length, ...rows.map((r) => r.length));
  titleLines.forEach((line, index) => {
    const row = sheet.addRow([line]);
    row.font = { bold: index === 0, size: index === 0 ? 14 : 11 };
    if (columns > 1) sheet.mergeCells(row.number, 1, row.number, columns);
  });
  const header = sheet.addRow([...headers]);
  header.eachCell((cell) => {
    cell.font = { bold: true };
  });
  for (const row of rows) {
    const values = row.map((value, c) => (formats[c] !== undefined && DECIMAL.test(value) ? Number(value) : value));
    const added = sheet.addRow(values);
    for (const [c, format] of Object.entries(formats)) {
      const cell = added.getCell(Number(c) + 1);
      if (typeof cell.value === 'number') cell.numFmt = format;
    }
  }
  for (let c = 1; c <= columns; c++) {
    let widest = displayWidth(headers[c - 1] ?? '');
    for (const row of rows) {
      for (const line of (row[c - 1] ?? '').split('\n')) widest = Math.max(widest, displayWidth(line));
    }
    sheet.getColumn(c).width = Math.min(60, Math.max(8, widest + 2));
  }
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer);
}
