/**
 * CSV text to records and back (RFC 4180: quoted fields, doubled quotes, delimiters and line breaks
 * inside quotes, CRLF or LF). Files whose header line has no comma may use tabs (Excel's "Unicode
 * text"), semicolons (European Excel) or, typed by hand, full-width commas.
 */
import { fail, ok, type Result } from '../../../shared/domain/result';

export interface CsvRecords {
  /** Every record of the file, empty ones included, cells untrimmed. */
  readonly records: string[][];
  /** 1-based row number of each record as a spreadsheet shows it (an Excel "sep=" line is not a row). */
  readonly lines: number[];
  readonly delimiter: string;
}

const CANDIDATE_DELIMITERS = [',', '\t', ';', '，'] as const;

/** The delimiter of a file: the first of , tab ; ， that occurs outside quotes on the first non-empty line. */
export function detectDelimiter(text: string): string {
  const firstLine = firstNonEmptyLine(text);
  for (const candidate of CANDIDATE_DELIMITERS) {
    if (countOutsideQuotes(firstLine, candidate) > 0) return candidate;
  }
  return ',';
}

function firstNonEmptyLine(text: string): string {
  let start = 0;
  while (start < text.length) {
    let end = start;
    let quoted = false;
    while (end < text.length) {
      const ch = text[end];
      if (ch === '"') quoted = !quoted;
      else if (!quoted && (ch === '\n' || ch === '\r')) break;
      end++;
    }
    const line = text.slice(start, end);
    if (line.trim() !== '') return line;
    start = end + 1;
  }
  return '';
}

function countOutsideQuotes(line: string, delimiter: string): number {
  let quoted = false;
  let count = 0;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === delimiter) count++;
  }
  return count;
}

/**
 * Splits CSV text into records. Lenient where Excel is (a quote inside an unquoted field is a
 * character; text after a closing quote is kept), strict where data would be lost: a quote that
 * never closes is an error naming the row it opened on.
 */
export function parseCsv(input: string, delimiterOverride?: string): Result<CsvRecords> {
  let text = input;
  let delimiter = delimiterOverride;
  // Excel's "sep=;" first line names the delimiter and is not shown as a row.
  const sep = /^sep=(.)\r?\n/i.exec(text);
  if (sep !== null) {
    delimiter ??= sep[1];
    text = text.slice(sep[0].length);
  }
  delimiter ??= detectDelimiter(text);

  const records: string[][] = [];
  const lines: number[] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  /** The field had a quoted part that closed: what follows is kept as plain characters. */
  let closedQuote = false;
  let started = false;
  let quoteOpenedOn = 0;
  let row = 1;
  const endField = (): void => {
    record.push(field);
    field = '';
    closedQuote = false;
    started = false;
  };
  const endRecord = (): void => {
    endField();
    records.push(record);
    lines.push(row);
    record = [];
    row++;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else {
          quoted = false;
          closedQuote = true;
        }
      } else if (ch === '\r' && text[i + 1] === '\n') {
        // A line break inside a cell is stored as LF whatever the file's line ends.
        field += '\n';
        i++;
      } else {
        field += ch;
      }
    } else if (ch === delimiter) {
      endField();
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRecord();
    } else if (ch === '"' && !closedQuote && field.trim() === '') {
      // An opening quote, possibly after spaces (`a, "b"`): the spaces are not part of the value.
      quoted = true;
      started = true;
      quoteOpenedOn = row;
      field = '';
    } else {
      field += ch;
      started = true;
    }
  }
  if (quoted) {
    return fail('import_csv_quote', { line: quoteOpenedOn }, { line: quoteOpenedOn });
  }
  if (started || field !== '' || record.length > 0) endRecord();
  return ok({ records, lines, delimiter });
}

/** One CSV field, quoted when it holds a comma, quote, line break or edge spaces. */
export function formatCsvField(value: string): string {
  return /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Records as CSV text with CRLF line ends (and a final CRLF), as Excel writes it. */
export function formatCsv(records: readonly (readonly string[])[]): string {
  return records.map((r) => r.map(formatCsvField).join(',')).join('\r\n') + '\r\n';
}
