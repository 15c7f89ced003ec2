/**
 * Table files as the chair and the secretary bring them: the real format is found from the
 * content, never from the extension (a .csv saved as .xlsx, a .docx renamed .xlsx, an old .xls),
 * and every failure is a code with the file's name and what was found; the console words it with
 * what to do.
 */
import { Buffer } from 'node:buffer';
import iconv from 'iconv-lite';
import { fail, ok, type Result } from '../../../shared/domain/result';
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
  const shown = fileName;
  if (bytes.length > maxBytes) {
    return fail('import_too_large', { file: shown, size: megabytes(bytes.length), max: megabytes(maxBytes) }, { size: bytes.length, maxBytes });
  }
  if (bytes.length === 0) return emptyFile(shown);

  if (isZip(bytes)) return readXlsx(bytes, shown);
  if (bytes.length >= 4 && bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    return fail('import_legacy_office', { file: shown });
  }
  const known = knownBinaryKind(bytes);
  if (known !== undefined) {
    return fail('import_not_table', { file: shown, kind: known });
  }

  const decoded = decodeText(bytes);
  if (decoded === undefined) return binaryJunk(shown);
  const { text, encoding } = decoded;
  if (looksBinary(text)) return binaryJunk(shown);
  if (text.trim() === '') return emptyFile(shown);

  const parsed = parseCsv(text);
  if (!parsed.ok) return fail(parsed.error.code, { ...parsed.error.params, file: shown }, parsed.error.details);
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
      return fail('import_not_excel', { file: shown, kind: 'word' });
    }
    if (hasPrefix('ppt/')) {
      return fail('import_not_excel', { file: shown, kind: 'powerpoint' });
    }
    if (has('content.xml') || has('mimetype')) {
      return fail('import_not_excel', { file: shown, kind: 'opendocument' });
    }
    return fail('import_not_excel', { file: shown, kind: 'zip' });
  }
  // Bounded by what the entries really inflate to, not by what they declare (a zip bomb lies).
  const declared = entries?.reduce((sum, e) => sum + e.uncompressedSize, 0) ?? 0;
  const inflated = entries ? inflatedSize(bytes, entries, MAX_INFLATED_BYTES) : 0;
  if (declared > MAX_INFLATED_BYTES || inflated === 'too_large') {
    return fail('import_too_large', { file: shown, rule: 'inflated', max: megabytes(MAX_INFLATED_BYTES) });
  }
  if (inflated === 'unreadable') return fail('import_xlsx_unreadable', { file: shown });
  let sheet: Awaited<ReturnType<typeof readWorkbookRows>>;
  try {
    sheet = await readWorkbookRows(bytes);
  } catch {
    return fail('import_xlsx_unreadable', { file: shown });
  }
  if (sheet === undefined) return emptyFile(shown);
  const table = shape(sheet.rows, 'xlsx', shown);
  return table.ok ? ok({ ...table.value, sheetName: sheet.sheetName }) : table;
}

function emptyFile(shown: string): Result<ReadTable> {
  return fail('import_empty', { file: shown });
}

function binaryJunk(shown: string): Result<ReadTable> {
  return fail('import_not_table', { file: shown });
}

/** Formats people pick by mistake, by their first bytes (the console names the kind). */
function knownBinaryKind(bytes: Uint8Array): 'pdf' | 'image' | 'archive' | 'rtf' | undefined {
  const starts = (...sig: number[]): boolean => sig.every((b, i) => bytes[i] === b);
  if (starts(0x25, 0x50, 0x44, 0x46)) return 'pdf';
  if (starts(0x89, 0x50, 0x4e, 0x47) || starts(0xff, 0xd8, 0xff) || starts(0x47, 0x49, 0x46, 0x38)) return 'image';
  if (starts(0x52, 0x61, 0x72, 0x21) || starts(0x37, 0x7a, 0xbc, 0xaf) || starts(0x1f, 0x8b)) return 'archive';
  if (starts(0x7b, 0x5c, 0x72, 0x74, 0x66)) return 'rtf';
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
