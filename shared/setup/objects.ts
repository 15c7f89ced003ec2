/**
 * Evaluation objects (评议对象) from a table whatever its exact headers, and back to a table for export.
 */
import type { ObjectCategory } from '../domain/model';
import { err, type Result } from '../domain/result';
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
    return err(
      'import_wrong_kind',
      `这个文件看起来是评议代表名单（有“${rosterHeader}”列），不是评议对象表。请在“评议代表”页面导入它，或选择评议对象表。`,
      { found: table.headers.filter((h) => h !== '') },
    );
  }
  return parseWithSpec<ObjectField, ObjectDraft>(table, {
    what: '评议对象表',
    fields: OBJECT_FIELDS,
    clean: (key, cell) => (key === 'name' ? cleanName(cell) : cleanText(cell)),
    build: (raw) => {
      if (raw.name === '') return { errors: [{ field: 'name', message: '评议对象名称为空' }] };
      return {
        value: { name: raw.name, department: raw.department, category: raw.category === '' ? DEFAULT_OBJECT_CATEGORY : raw.category },
        errors: [],
      };
    },
    duplicateKey: (v) => `${v.department}\u0000${v.name}`,
    duplicateField: 'name',
    duplicateMessage: (first, v) =>
      `“${v.department === '' ? '' : `${v.department} `}${v.name}”与第 ${first} 行重复（同一单位下的同名评议对象只能有一个）`,
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
