/**
 * Representative rosters (评议代表名单) from a table whatever its exact headers, category words
 * mapped to RepresentativeCategory, and back to a table for export.
 */
import { groupOfCategory, type RepresentativeCategory } from '../domain/model';
import type { Result } from '../domain/result';
import { categoryLabels, REPRESENTATIVE_CATEGORIES } from '../domain/voter-groups';
import { parseWithSpec, type FieldSpec, type RowIssue } from './columns';
import { cleanName, cleanText, normalizeLabel, type ImportPreview, type TableData } from './table';

/** A representative as imported, before it gets an id. */
export interface RepresentativeDraft {
  readonly name: string;
  readonly unit: string;
  readonly category: RepresentativeCategory;
}

type RosterField = 'name' | 'unit' | 'category';

export const ROSTER_FIELDS: readonly FieldSpec<RosterField>[] = [
  { key: 'name', label: '姓名', synonyms: ['姓名', '代表姓名', '名字', '代表'], required: true },
  {
    key: 'unit',
    label: '工作单位',
    synonyms: ['工作单位', '单位', '所在单位', '工作单位及职务', '单位及职务', '单位职务', '所在单位及职务'],
    required: false,
  },
  {
    key: 'category',
    label: '代表类别',
    synonyms: ['代表类别', '类别', '身份', '代表身份', '代表类型', '类型'],
    required: true,
  },
];

/** The word the product prints for each category (and the one the importer reads best): the category catalogue's. */
export const CATEGORY_LABELS: Readonly<Record<RepresentativeCategory, string>> = categoryLabels('zh');

/** The category a cell means, or undefined when the word is not one of the accepted ones. */
export function parseRepresentativeCategory(text: string): RepresentativeCategory | undefined {
  const key = normalizeLabel(text);
  if (Object.hasOwn(CATEGORY_LABELS, key)) return key as RepresentativeCategory;
  for (const category of REPRESENTATIVE_CATEGORIES) if (category.synonyms.test(key)) return category.id;
  return undefined;
}

export interface RosterParseOptions {
  /**
   * Same name and same unit twice: 'warning' (default) keeps both rows and asks the secretary to
   * confirm they are two people (the 300-person sample has such a pair); 'error' rejects the later row.
   */
  readonly duplicates?: 'warning' | 'error';
}

/**
 * Reads a representative roster from a table. Missing 姓名 or 代表类别 columns fail the whole file
 * (naming the headers expected and found); otherwise every row is listed with its errors: empty
 * name, empty or unknown category (naming the value and the allowed ones), a value over 100
 * characters; the same name and unit twice is a warning by default (see RosterParseOptions).
 */
export function parseRosterTable(table: TableData, options: RosterParseOptions = {}): Result<ImportPreview<RepresentativeDraft>> {
  return parseWithSpec<RosterField, RepresentativeDraft>(table, {
    what: 'roster',
    fields: ROSTER_FIELDS,
    clean: (key, cell) => (key === 'name' ? cleanName(cell) : cleanText(cell)),
    build: (raw) => {
      const errors: RowIssue[] = [];
      if (raw.name === '') errors.push({ field: 'name', note: 'person_name_empty' });
      const category = parseRepresentativeCategory(raw.category);
      if (raw.category === '') {
        errors.push({ field: 'category', note: 'category_empty' });
      } else if (category === undefined) {
        errors.push({ field: 'category', note: 'category_unknown', params: { value: raw.category } });
      }
      if (errors.length > 0 || category === undefined) return { errors };
      return { value: { name: raw.name, unit: raw.unit, category }, errors };
    },
    duplicateKey: (v) => `${v.name}\u0000${v.unit}`,
    duplicateField: 'name',
    duplicateNote: (first, v) => ({ note: 'duplicate_person', params: { first, name: v.name, unit: v.unit } }),
    duplicateSeverity: options.duplicates ?? 'warning',
  });
}

/** Officials and recipients of a roster as a social-evaluation meeting groups them (本单位干部 count as recipients there). */
export function countComposition(representatives: readonly { readonly category: RepresentativeCategory }[]): {
  officials: number;
  recipients: number;
  staff: number;
} {
  let officials = 0;
  let recipients = 0;
  let staff = 0;
  for (const r of representatives) {
    if (groupOfCategory('social', r.category) === 'officials') officials++;
    else recipients++;
    if (r.category === 'staff') staff++;
  }
  return { officials, recipients, staff };
}

/** The export table of a roster, with the headers the importer reads back (序号, 姓名, 工作单位, 代表类别). */
export function rosterToTable(representatives: readonly RepresentativeDraft[]): TableData {
  return {
    headers: ['序号', '姓名', '工作单位', '代表类别'],
    rows: representatives.map((r, i) => [String(i + 1), r.name, r.unit, CATEGORY_LABELS[r.category]]),
  };
}
