/**
 * Table files as the chair and the secretary bring them: the real format is found from the
 * content, never from the extension (a .csv saved as .xlsx, a .docx renamed .xlsx, an old .xls),
 * and every failure is a sentence that says what to do.
 */
import { Buffer } from 'node:buffer';
import iconv from 'iconv-lite';
import { err, ok, type Result } from '../../../shared/domain/result';
import type { TableData } from '../../../shared/setup/table';
import { formatCsv, parseCsv } from './csv';
import { readWorkbookRows, writeWorkbook, type WorkbookLayout } from './xlsx';
import { containsAscii, inflatedSize, isZip, listZipEntries } from './zip';

/** How the file was read: 'gbk' means GB18030 (its superset), what Chinese Excel and WPS write by default. */
export type TableEncoding = 'utf-8' | 'gbk' | 'utf-16' | 'xlsx';

export interface ReadTable extends TableData {
  readonly headers: string[];
  readonly rows: string[][];
  readonly encoding: TableEncoding;
  readonly headerLine: number;
  readonly rowLines: number[];
  /** The worksheet read, for .xlsx. */
  readonly sheetName?: string;
}

export interface ReadTableOptions {
  /** Largest file accepted, in bytes (default 5 MB). */
  readonly maxBytes?: number;
}

export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;
/** Largest total uncompressed size of a workbook's parts: more is a zip bomb, not a roster. */
/** What an .xlsx may inflate to: a roster or a 1,000-ballot file is a few MB; a bomb is refused here. */
export const MAX_INFLATED_BYTES = 50 * 1024 * 1024;

const SAVE_AS_HINT = '请在 Excel 或 WPS 中打开，“另存为” Excel 工作簿（.xlsx）或 CSV（逗号分隔）后再导入。';

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/**
 * Reads a table file (CSV in UTF-8, GBK or UTF-16; or .xlsx). Cells are trimmed, fully empty rows
 * dropped, the first remaining row is the header; `rowLines` keep each row's number in the file so
 * that messages name the row the secretary sees in Excel.
 */
export async function readTable(bytes: Uint8Array, fileName: string, options: ReadTableOptions = {}): Promise<Result<ReadTable>> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const shown = `“${fileName}”`;
  if (bytes.length > maxBytes) {
    return err(
      'import_too_large',
      `文件${shown}太大（${megabytes(bytes.length)}），超过 ${megabytes(maxBytes)} 的上限，没有读取。评议对象表和代表名单通常只有几十 KB：请确认选对了文件，或删去多余的工作表和图片后另存再导入。`,
      { size: bytes.length, maxBytes },
    );
  }
  if (bytes.length === 0) return emptyFile(shown);

  if (isZip(bytes)) return readXlsx(bytes, shown);
  if (bytes.length >= 4 && bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    return err(
      'import_legacy_office',
      `文件${shown}是旧版 Excel 97-2003（.xls）或其他旧版 Office 格式，也可能是设置了打开密码的 Excel 文件，本软件无法直接读取。${SAVE_AS_HINT}（如有密码，请先取消密码。）`,
    );
  }
  const known = knownBinaryKind(bytes);
  if (known !== undefined) {
    return err('import_not_table', `文件${shown}是${known}，不是表格文件。请选择 Excel 表格（.xlsx）或 CSV 文件。`);
  }

  const decoded = decodeText(bytes);
  if (decoded === undefined) return binaryJunk(shown);
  const { text, encoding } = decoded;
  if (looksBinary(text)) return binaryJunk(shown);
  if (text.trim() === '') return emptyFile(shown);

  const parsed = parseCsv(text);
  if (!parsed.ok) return err(parsed.error.code, `文件${shown}：${parsed.error.message}`, parsed.error.details);
  const rows = parsed.value.records.map((cells, i) => ({ line: parsed.value.lines[i] ?? i + 1, cells }));
  return shape(rows, encoding, shown);
}

async function readXlsx(bytes: Uint8Array, shown: string): Promise<Result<ReadTable>> {
  const entries = listZipEntries(bytes);
  const names = entries?.map((e) => e.name);
  const has = (name: string): boolean => (names ? names.includes(name) : containsAscii(bytes, name));
  const hasPrefix = (prefix: string): boolean => (names ? names.some((n) => n.startsWith(prefix)) : containsAscii(bytes, prefix));
  if (!has('xl/workbook.xml')) {
    if (hasPrefix('word/')) {
      return err(
        'import_not_excel',
        `这不是 Excel 表格文件（可能是 Word 文档改了扩展名）：${shown}里是 Word 文档的内容。请在 Excel 或 WPS 表格中整理名单，另存为 .xlsx 或 CSV 后再导入；如名单在 Word 表格里，可整表复制粘贴到 Excel 中。`,
      );
    }
    if (hasPrefix('ppt/')) {
      return err('import_not_excel', `这不是 Excel 表格文件（可能是 PowerPoint 演示文稿改了扩展名）：${shown}。${SAVE_AS_HINT}`);
    }
    if (has('content.xml') || has('mimetype')) {
      return err('import_not_excel', `文件${shown}是 OpenDocument（WPS/LibreOffice 的 .ods 等）格式。${SAVE_AS_HINT}`);
    }
    return err('import_not_excel', `这不是 Excel 表格文件：${shown}是一个压缩包（zip）。请解压后选择其中的 .xlsx 或 CSV 文件。`);
  }
  // Bounded by what the entries really inflate to, not by what they declare (a zip bomb lies).
  const declared = entries?.reduce((sum, e) => sum + e.uncompressedSize, 0) ?? 0;
  const inflated = entries ? inflatedSize(bytes, entries, MAX_INFLATED_BYTES) : 0;
  if (declared > MAX_INFLATED_BYTES || inflated === 'too_large') {
    return err('import_too_large', `Excel 文件${shown}解压后超过 ${megabytes(MAX_INFLATED_BYTES)}，不像是一份名单，没有读取。请确认选对了文件。`);
  }
  if (inflated === 'unreadable') return err('import_xlsx_unreadable', `无法读取 Excel 文件${shown}：文件可能已损坏或不完整。${SAVE_AS_HINT}`);
  let sheet: Awaited<ReturnType<typeof readWorkbookRows>>;
  try {
    sheet = await readWorkbookRows(bytes);
  } catch {
    return err('import_xlsx_unreadable', `无法读取 Excel 文件${shown}：文件可能已损坏或不完整。${SAVE_AS_HINT}`);
  }
  if (sheet === undefined) return emptyFile(shown);
  const table = shape(sheet.rows, 'xlsx', shown);
  return table.ok ? ok({ ...table.value, sheetName: sheet.sheetName }) : table;
}

function emptyFile(shown: string): Result<ReadTable> {
  return err('import_empty', `文件${shown}是空的，没有任何内容。请确认选对了文件，并在保存后再导入。`);
}

function binaryJunk(shown: string): Result<ReadTable> {
  return err(
    'import_not_table',
    `无法识别文件${shown}的格式：它既不是 Excel 表格（.xlsx），也不是 CSV 文本，可能已损坏或是其他软件的文件。请选择 Excel 表格（.xlsx）或 CSV 文件。`,
  );
}

/** Formats people pick by mistake, by their first bytes. */
function knownBinaryKind(bytes: Uint8Array): string | undefined {
  const starts = (...sig: number[]): boolean => sig.every((b, i) => bytes[i] === b);
  if (starts(0x25, 0x50, 0x44, 0x46)) return ' PDF 文档';
  if (starts(0x89, 0x50, 0x4e, 0x47) || starts(0xff, 0xd8, 0xff) || starts(0x47, 0x49, 0x46, 0x38)) return '图片';
  if (starts(0x52, 0x61, 0x72, 0x21) || starts(0x37, 0x7a, 0xbc, 0xaf) || starts(0x1f, 0x8b)) return '压缩包';
  if (starts(0x7b, 0x5c, 0x72, 0x74, 0x66)) return ' RTF 文档（Word 另存的格式）';
  return undefined;
}

/** Text of a CSV file: UTF-16 by BOM, UTF-8 (BOM optional) when valid, else GB18030. Undefined for binary. */
function decodeText(bytes: Uint8Array): { text: string; encoding: TableEncoding } | undefined {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: iconv.decode(buffer.subarray(2), 'utf-16le'), encoding: 'utf-16' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: iconv.decode(buffer.subarray(2), 'utf-16be'), encoding: 'utf-16' };
  if (bytes.includes(0)) return undefined;
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    return { text, encoding: 'utf-8' };
  } catch {
    return { text: iconv.decode(buffer, 'gb18030'), encoding: 'gbk' };
  }
}

/** Control characters and undecodable bytes make up more than 1 % of the text: not a table. */
function looksBinary(text: string): boolean {
  let suspicious = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0x7f || c === 0xfffd) suspicious++;
  }
  return suspicious > 0 && suspicious >= Math.max(1, text.length / 100);
}

const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF]/g;

/** Trims cells, drops empty rows, cuts trailing empty columns and pads rows to one width. */
function shape(rows: readonly { line: number; cells: readonly string[] }[], encoding: TableEncoding, shown: string): Result<ReadTable> {
  const cleaned = rows
    .map((r) => ({ line: r.line, cells: r.cells.map((c) => c.replace(INVISIBLE, '').replace(/\r\n?/g, '\n').trim()) }))
    .filter((r) => r.cells.some((c) => c !== ''));
  const [head, ...body] = cleaned;
  if (head === undefined) return emptyFile(shown);
  const width = cleaned.reduce((w, r) => Math.max(w, r.cells.reduce((last, c, i) => (c === '' ? last : i + 1), 0)), 0);
  const pad = (cells: string[]): string[] => {
    const out = cells.slice(0, width);
    while (out.length < width) out.push('');
    return out;
  };
  return ok({
    headers: pad(head.cells),
    rows: body.map((r) => pad(r.cells)),
    encoding,
    headerLine: head.line,
    rowLines: body.map((r) => r.line),
  });
}

export type TableFormat = 'csv' | 'xlsx';

export interface WriteTableOptions extends WorkbookLayout {
  /** Worksheet name for .xlsx (default Sheet1). */
  readonly sheetName?: string;
}

/**
 * Writes a table for Excel: CSV as UTF-8 with BOM (so Excel shows Chinese right) and CRLF, quoted
 * where needed; .xlsx with a bold, frozen header row and columns sized to their content.
 */
export async function writeTable(
  table: { readonly headers: readonly string[]; readonly rows: readonly (readonly string[])[] },
  format: TableFormat,
  options: WriteTableOptions = {},
): Promise<Uint8Array> {
  if (format === 'xlsx') return writeWorkbook(table.headers, table.rows, options.sheetName, options);
  // CSV has no merged cells: each title line is a record of one field above the header.
  const text = formatCsv([...(options.titleLines ?? []).map((line) => [line]), table.headers, ...table.rows]);
  const body = new TextEncoder().encode(text);
  const out = new Uint8Array(body.length + 3);
  out.set([0xef, 0xbb, 0xbf], 0);
  out.set(body, 3);
  return out;
}
