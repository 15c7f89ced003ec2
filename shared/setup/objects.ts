/**
 * Evaluation objects (评议对象) from a table whatever its exact headers, and back to a table for export.
 */
import type { ObjectCategory } from '../domain/model';
import { fail, type Result } from '../domain/result';
import { matchColumns, parseWithSpec, type FieldSpec } from './columns';
import { cleanName, cleanText, normalizeLabel, type ImportPreview, type TableData } from './table';

/** An object as imported, before it gets an id and an indicator set. */
export interface ObjectDraft {
  readonly name: string;
  readonly department: string;
  readonly category: ObjectCategory;
}

/** Category given to objects when the file has no category column or leaves the cell empty. */
export const DEFAULT_OBJECT_CATEGORY = '科室';

type ObjectField = 'name' | 'department' | 'category';

/** Header synonyms, best first. 评议对象 wins over 科室 when both are present. */
export const OBJECT_FIELDS: readonly FieldSpec<ObjectField>[] = [
  {
    key: 'name',
    label: '评议对象',
    synonyms: ['评议对象', '评议对象名称', '被评议对象', '评议科室', '对象', '对象名称', '科室', '科室名称', '名称', '姓名'],
    required: true,
  },
  {
    key: 'department',
    label: '单位',
    synonyms: ['单位', '部门', '所属单位', '所属部门', '单位名称', '部门名称', '主管单位', '主管部门'],
    required: false,
  },
  { key: 'category', label: '类别', synonyms: ['类别', '类型', '对象类别', '对象类型'], required: false },
];

/** Headers that only a representative roster has: importing such a file as objects is a mistake. */
const ROSTER_ONLY_HEADERS = new Set(['代表类别', '代表身份', '身份', '代表姓名'].map(normalizeLabel));

/**
 * Reads evaluation objects from a table. A missing 评议对象 column fails the whole file (naming the
 * headers expected and found); otherwise every row is listed with its errors: empty name, a value
 * over 100 characters, the same department and name twice (the later row is the error).
 */
export function parseObjectsTable(table: TableData): Result<ImportPreview<ObjectDraft>> {
  const rosterHeader = table.headers.find((h) => ROSTER_ONLY_HEADERS.has(normalizeLabel(h)));
  const columns = matchColumns(table.headers, OBJECT_FIELDS);
  if (rosterHeader !== undefined && columns.name !== undefined) {
    return fail('import_wrong_kind', { what: 'objects', column: rosterHeader }, { found: table.headers.filter((h) => h !== '') });
  }
  return parseWithSpec<ObjectField, ObjectDraft>(table, {
    what: 'objects',
    fields: OBJECT_FIELDS,
    clean: (key, cell) => (key === 'name' ? cleanName(cell) : cleanText(cell)),
    build: (raw) => {
      if (raw.name === '') return { errors: [{ field: 'name', note: 'object_name_empty' }] };
      return {
        value: { name: raw.name, department: raw.department, category: raw.category === '' ? DEFAULT_OBJECT_CATEGORY : raw.category },
        errors: [],
      };
    },
    duplicateKey: (v) => `${v.department}\u0000${v.name}`,
    duplicateField: 'name',
    duplicateNote: (first, v) => ({ note: 'duplicate_object', params: { first, name: v.name, unit: v.department } }),
    duplicateSeverity: 'error',
  });
}

/** The export table of objects, with the headers the importer reads back (序号, 单位, 评议对象, 类别). */
export function objectsToTable(objects: readonly ObjectDraft[]): TableData {
  return {
    headers: ['序号', '单位', '评议对象', '类别'],
    rows: objects.map((o, i) => [String(i + 1), o.department, o.name, o.category]),
  };
}
