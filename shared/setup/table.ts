/**
 * Plain tables as read from a file (CSV or .xlsx) and the preview an import shows before anything
 * is saved. Pure: no Node, no file formats here; electron/core/import turns bytes into a TableData.
 */
import type { ErrorParams } from '../domain/result';

/** A rectangular table of trimmed strings: the first non-empty row of the file and the rows under it. */
export interface TableData {
  readonly headers: readonly string[];
  readonly rows: readonly (readonly string[])[];
  /** 1-based row number of the header in the file as Excel shows it (default 1). */
  readonly headerLine?: number;
  /** 1-based row number in the file of each data row (default: header line + 1 + index). */
  readonly rowLines?: readonly number[];
}

/**
 * What an import preview notes on a row (an error that blocks it, or a warning to confirm). Core
 * sends the note and its params; the console words it (shared/i18n/import-notes.ts).
 */
export type ImportNote =
  | 'too_long'
  | 'object_name_empty'
  | 'person_name_empty'
  | 'category_empty'
  | 'category_unknown'
  | 'duplicate_object'
  | 'duplicate_person'
  | 'object_exists'
  | 'person_exists'
  | 'staff_in_social';

/** One problem of one field of one row: a note with the facts it is worded from (always its line). */
export interface FieldIssue {
  /** The draft field it concerns, e.g. 'name', 'department', 'unit', 'category'. */
  readonly field: string;
  readonly note: ImportNote;
  /** `line` (as Excel shows it), and what the note names: the column, the value, the first line of a duplicate. */
  readonly params: ErrorParams;
}

export interface PreviewRow<T> {
  /** 1-based row number in the file as Excel shows it; the header is line 1 in a plain file. */
  readonly line: number;
  /** Present only when the row has no errors. */
  readonly value?: T;
  readonly errors: readonly FieldIssue[];
  /** Things to confirm that do not block the row (e.g. two representatives with the same name and unit). */
  readonly warnings: readonly FieldIssue[];
}

/** What an import would do, shown before anything is saved: each bad row and why. */
export interface ImportPreview<T> {
  readonly rows: readonly PreviewRow<T>[];
  /** The values of the rows without errors, in file order. */
  readonly valid: readonly T[];
  /** Number of rows with at least one error. */
  readonly errorCount: number;
  /** Number of rows with at least one warning. */
  readonly warningCount: number;
  /** Which 0-based column of the header each field came from (fields absent from the file are absent here). */
  readonly columns: Readonly<Record<string, number>>;
  /** The line the header was found on (title lines above it are skipped). */
  readonly headerLine: number;
}

/** Longest accepted value of any field, in characters. */
export const MAX_FIELD_LENGTH = 100;

const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF]/g;
const CJK = /[\u2E80-\u9FFF\uF900-\uFAFF\u{20000}-\u{3FFFF}]/u;
const ONLY_CJK_AND_SPACES = /^[\u2E80-\u9FFF\uF900-\uFAFF\u{20000}-\u{3FFFF}·• ]+$/u;

/** Cell text as stored: zero-width characters removed, runs of any whitespace made one space, trimmed. */
export function cleanText(value: string | undefined): string {
  if (value === undefined) return '';
  return value.replace(ZERO_WIDTH, '').replace(/\s+/gu, ' ').trim();
}

/**
 * A name as stored: like cleanText, and spaces inside an all-Chinese name are removed
 * ("王　五", padded for alignment on printed rosters, is 王五).
 */
export function cleanName(value: string | undefined): string {
  const text = cleanText(value);
  return text.includes(' ') && ONLY_CJK_AND_SPACES.test(text) && CJK.test(text) ? text.replace(/ /g, '') : text;
}

/** Length in characters (code points), as a person counts them. */
export function charLength(value: string): number {
  return [...value].length;
}

/**
 * A header or category label reduced for matching: full-width forms folded (NFKC), lower case,
 * notes in brackets dropped ("姓名（必填）"), whitespace and marks such as * and : removed.
 */
export function normalizeLabel(value: string): string {
  const folded = value.normalize('NFKC').toLowerCase().replace(ZERO_WIDTH, '');
  const withoutNotes = stripMarks(folded.replace(/\([^)]*\)|\[[^\]]*\]|【[^】]*】|〔[^〕]*〕|<[^>]*>/g, ''));
  // A label that is all note ("【姓名】") keeps its words.
  return withoutNotes !== '' ? withoutNotes : stripMarks(folded.replace(/[()[\]【】〔〕<>]/g, ''));
}

function stripMarks(value: string): string {
  return value.replace(/[\s*:：.。、_\-—/\\|'"“”‘’#]+/gu, '');
}
