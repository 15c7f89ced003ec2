/**
 * Finds which column holds which field by header synonyms, and runs the row-by-row part of an
 * import that objects and rosters share (line numbers, empty rows, lengths, duplicates).
 */
import { fail, ok, type ErrorParams, type Result } from '../domain/result';
import {
  MAX_FIELD_LENGTH,
  charLength,
  normalizeLabel,
  type FieldIssue,
  type ImportNote,
  type ImportPreview,
  type PreviewRow,
  type TableData,
} from './table';

export interface FieldSpec<K extends string> {
  readonly key: K;
  /** The header the product writes and the message names, e.g. 评议对象. */
  readonly label: string;
  /** Accepted headers in order of preference (the first that is present wins). */
  readonly synonyms: readonly string[];
  readonly required: boolean;
}

/** Headers that never hold a field: row numbers. A row with content only there is an empty row. */
const IGNORED_HEADERS = new Set(['序号', '编号', '序', '顺序', '排序', '顺序号', 'no', 'id', '行号']);

/** How many lines under the first one may hold the header (title lines such as "2024年评议代表名单"). */
const HEADER_SEARCH_ROWS = 10;

/** Headers longer than this are never matched loosely (a title line "2024年民主评议对象名单" is not a header). */
const LOOSE_MAX_LENGTH = 10;

export type ColumnMap<K extends string> = Partial<Record<K, number>>;

/** Maps fields to columns of one header line: exact synonyms first, then headers containing a synonym. */
export function matchColumns<K extends string>(
  headers: readonly string[],
  fields: readonly FieldSpec<K>[],
): ColumnMap<K> {
  const normalized = headers.map(normalizeLabel);
  const taken = new Set<number>();
  normalized.forEach((h, i) => {
    if (h === '' || IGNORED_HEADERS.has(h)) taken.add(i);
  });
  const map: ColumnMap<K> = {};
  const assign = (field: FieldSpec<K>, test: (header: string, synonym: string) => boolean): void => {
    if (map[field.key] !== undefined) return;
    for (const synonym of field.synonyms.map(normalizeLabel)) {
      const index = normalized.findIndex((h, i) => !taken.has(i) && test(h, synonym));
      if (index >= 0) {
        map[field.key] = index;
        taken.add(index);
        return;
      }
    }
  };
  for (const field of fields) assign(field, (h, s) => h === s);
  for (const field of fields) assign(field, (h, s) => charLength(s) >= 2 && charLength(h) <= LOOSE_MAX_LENGTH && h.includes(s));
  return map;
}

/** A problem of a row before its line is known: the note and what it names. */
export interface RowIssue {
  readonly field: string;
  readonly note: ImportNote;
  readonly params?: ErrorParams;
}

/** What a file is read as: the objects table or the roster (the console words it, shared/i18n). */
export type ImportWhat = 'objects' | 'roster';

export interface ParseSpec<K extends string, T> {
  readonly what: ImportWhat;
  readonly fields: readonly FieldSpec<K>[];
  /** Turns the cleaned raw cells of a row into a value, or reports what is wrong. */
  readonly build: (raw: Readonly<Record<K, string>>, present: ColumnMap<K>) => { value?: T; errors: RowIssue[] };
  /** Rows with the same key are duplicates. */
  readonly duplicateKey: (value: T) => string;
  readonly duplicateField: K;
  /** The note of a later row with the same key, naming the first row's line. */
  readonly duplicateNote: (firstLine: number, value: T) => Omit<RowIssue, 'field'>;
  /** A duplicate blocks its row (error) or only asks for confirmation (warning). */
  readonly duplicateSeverity: 'error' | 'warning';
  /** Cleans a cell of the given field (names lose alignment spaces, others are trimmed). */
  readonly clean: (key: K, cell: string | undefined) => string;
}

/** Finds the header line, maps the columns and checks every row; a missing required column fails the whole file. */
export function parseWithSpec<K extends string, T>(table: TableData, spec: ParseSpec<K, T>): Result<ImportPreview<T>> {
  const candidates: { cells: readonly string[]; line: number; dataFrom: number }[] = [
    { cells: table.headers, line: table.headerLine ?? 1, dataFrom: 0 },
  ];
  table.rows.slice(0, HEADER_SEARCH_ROWS).forEach((cells, i) => {
    candidates.push({ cells, line: lineOf(table, i), dataFrom: i + 1 });
  });
  const required = spec.fields.filter((f) => f.required);
  let found: { columns: ColumnMap<K>; line: number; dataFrom: number; headers: readonly string[] } | undefined;
  // Title lines ("评议对象名单", often merged across the columns) hold one distinct value: a line
  // with several is preferred. Data lines (with a number such as 序号 in a cell) are never headers.
  const passes: ((cells: readonly string[]) => boolean)[] = [(cells) => distinctValues(cells) >= 2, () => true];
  search: for (const pass of passes) {
    for (const [index, candidate] of candidates.entries()) {
      if (!pass(candidate.cells) || (index > 0 && candidate.cells.some((c) => /^\d+(\.\d+)?$/.test(c.trim())))) continue;
      const columns = matchColumns(candidate.cells, spec.fields);
      if (required.every((f) => columns[f.key] !== undefined)) {
        found = { columns, line: candidate.line, dataFrom: candidate.dataFrom, headers: candidate.cells };
        break search;
      }
    }
  }
  if (found === undefined) return missingColumns(table, spec);

  const { columns, headers } = found;
  const ignored = new Set<number>();
  headers.forEach((h, i) => {
    if (IGNORED_HEADERS.has(normalizeLabel(h))) ignored.add(i);
  });
  const rows: PreviewRow<T>[] = [];
  const firstLineOfKey = new Map<string, number>();
  for (let i = found.dataFrom; i < table.rows.length; i++) {
    const cells = table.rows[i] ?? [];
    const line = lineOf(table, i);
    const raw = {} as Record<K, string>;
    let anyContent = false;
    for (const field of spec.fields) {
      const col = columns[field.key];
      raw[field.key] = col === undefined ? '' : spec.clean(field.key, cells[col]);
      if (raw[field.key] !== '') anyContent = true;
    }
    // Rows with nothing in the fields read (a numbered but unfilled template line, a footnote) are empty rows.
    if (!anyContent) continue;

    const errors: FieldIssue[] = [];
    const warnings: FieldIssue[] = [];
    for (const field of spec.fields) {
      const length = charLength(raw[field.key]);
      if (length > MAX_FIELD_LENGTH) {
        errors.push({ field: field.key, note: 'too_long', params: { line, column: field.label, length, max: MAX_FIELD_LENGTH } });
      }
    }
    const built = spec.build(raw, columns);
    errors.push(...built.errors.map((e) => ({ field: e.field, note: e.note, params: { line, ...e.params } })));
    let value = errors.length === 0 ? built.value : undefined;
    if (value !== undefined) {
      const key = spec.duplicateKey(value);
      const first = firstLineOfKey.get(key);
      if (first === undefined) {
        firstLineOfKey.set(key, line);
      } else {
        const duplicate = spec.duplicateNote(first, value);
        const issue: FieldIssue = { field: spec.duplicateField, note: duplicate.note, params: { line, ...duplicate.params } };
        if (spec.duplicateSeverity === 'error') {
          errors.push(issue);
          value = undefined;
        } else {
          warnings.push(issue);
        }
      }
    }
    rows.push(value === undefined ? { line, errors, warnings } : { line, value, errors, warnings });
  }

  if (rows.length === 0) {
    return fail('import_no_rows', { what: spec.what, line: found.line }, { headerLine: found.line });
  }
  const valid = rows.flatMap((r) => (r.value === undefined ? [] : [r.value]));
  const columnsOut: Record<string, number> = {};
  for (const field of spec.fields) {
    const col = columns[field.key];
    if (col !== undefined) columnsOut[field.key] = col;
  }
  return ok({
    rows,
    valid,
    errorCount: rows.filter((r) => r.errors.length > 0).length,
    warningCount: rows.filter((r) => r.warnings.length > 0).length,
    columns: columnsOut,
    headerLine: found.line,
  });
}

function distinctValues(cells: readonly string[]): number {
  return new Set(cells.map((c) => c.trim()).filter((c) => c !== '')).size;
}

function lineOf(table: TableData, rowIndex: number): number {
  return table.rowLines?.[rowIndex] ?? (table.headerLine ?? 1) + 1 + rowIndex;
}

/**
 * A file without a required column: the params name what it is read as, the missing fields (their
 * keys; the console lists the headers each accepts) and the headers the file has.
 */
function missingColumns<K extends string, T>(table: TableData, spec: ParseSpec<K, T>): Result<ImportPreview<T>> {
  const foundHeaders = table.headers.filter((h) => h.trim() !== '');
  const columns = matchColumns(table.headers, spec.fields);
  const missing = spec.fields.filter((f) => f.required && columns[f.key] === undefined);
  return fail(
    'import_missing_columns',
    { what: spec.what, missing: missing.map((f) => f.key), found: foundHeaders },
    {
      missing: missing.map((f) => f.label),
      expected: spec.fields.filter((f) => f.required).map((f) => f.label),
      optional: spec.fields.filter((f) => !f.required).map((f) => f.label),
      found: foundHeaders,
    },
  );
}
