import { describe, expect, it } from 'vitest';
import { objectsToTable, parseObjectsTable, type ObjectDraft } from '../../../shared/setup';
import type { TableData } from '../../../shared/setup';
import { said, worded, wordedAll } from '../../support/worded-notes';
import { errorWords } from '../../../shared/i18n/error-words';

function table(headers: string[], ...rows: string[][]): TableData {
  return { headers, rows };
}

function preview(t: TableData) {
  const result = parseObjectsTable(t);
  if (!result.ok) throw new Error(`expected ok, got ${result.error.message}`);
  return result.value;
}

describe('parseObjectsTable: headers', () => {
  it('reads the fixture layout (序号, 单位, 评议对象, 类别)', () => {
    const p = preview(table(['序号', '单位', '评议对象', '类别'], ['1', '发展和改革局', '许可科', '科室'], ['2', '教育局', '许可科', '二级单位']));
    expect(p.columns).toEqual({ department: 1, name: 2, category: 3 });
    expect(p.valid).toEqual([
      { name: '许可科', department: '发展和改革局', category: '科室' },
      { name: '许可科', department: '教育局', category: '二级单位' },
    ]);
    expect(p.errorCount).toBe(0);
    expect(p.rows.map((r) => r.line)).toEqual([2, 3]);
  });

  it.each([
    [['科室名称', '所属部门', '对象类别'], { name: 0, department: 1, category: 2 }],
    [['部门', '名称'], { department: 0, name: 1 }],
    [['姓名', '所属单位', '类型'], { name: 0, department: 1, category: 2 }],
    [['对象', '单位'], { name: 0, department: 1 }],
    // 评议对象 wins over 科室 when both exist, whichever comes first.
    [['科室', '评议对象', '单位'], { name: 1, department: 2 }],
    [['评议对象', '科室'], { name: 0 }],
    // Full-width characters, spaces, notes in brackets and required marks.
    [['　评 议 对 象　', '*单位（必填）', '类别:'], { name: 0, department: 1, category: 2 }],
    [['被评议对象名称', '单位名称'], { name: 0, department: 1 }],
    [['No.', '评议科室', '主管部门', '备注'], { name: 1, department: 2 }],
  ])('maps %j', (headers, columns) => {
    const row = headers.map((_, i) => `v${i}`);
    expect(preview(table(headers, row)).columns).toEqual(columns);
  });

  it('defaults the category to 科室 when the column is missing or the cell is empty', () => {
    const p = preview(table(['单位', '评议对象'], ['教育局', '规划科']));
    expect(p.valid).toEqual([{ name: '规划科', department: '教育局', category: '科室' }]);
    const q = preview(table(['单位', '评议对象', '类别'], ['教育局', '规划科', '']));
    expect(q.valid[0]?.category).toBe('科室');
  });

  it('skips title lines above the header and numbers rows from the file', () => {
    const t: TableData = {
      headers: ['2024年第一季度民主评议对象名单', '2024年第一季度民主评议对象名单', ''],
      headerLine: 1,
      rows: [
        ['制表单位：区纪委', '', ''],
        ['序号', '单位', '评议对象'],
        ['1', '公安局', '办公室'],
        ['2', '民政局', ''],
      ],
      rowLines: [2, 4, 5, 6],
    };
    const p = preview(t);
    expect(p.headerLine).toBe(4);
    expect(p.valid).toEqual([{ name: '办公室', department: '公安局', category: '科室' }]);
    expect(p.rows.map((r) => r.line)).toEqual([5, 6]);
    expect(wordedAll(p.rows[1]?.errors)).toEqual([{ field: 'name', message: '第 6 行：评议对象名称为空' }]);
  });

  it('skips a short title line and never takes a data line for the header', () => {
    const titled = preview({ headers: ['评议对象名单'], rows: [['序号', '单位', '评议对象', '类别'], ['1', '公安局', '办公室', '科室']] });
    expect(titled.headerLine).toBe(2);
    expect(titled.valid).toEqual([{ name: '办公室', department: '公安局', category: '科室' }]);
    // An unrecognised header with 科室 (a name synonym) in the data: an error, not data read as header.
    const result = parseObjectsTable(table(['编号', '处室', '分类'], ['1', '办公室', '科室'], ['2', '登记科', '科室']));
    expect(result.ok).toBe(false);
  });

  it('fails the whole file when no column holds the object name, naming expected and found headers', () => {
    const result = parseObjectsTable(table(['编号', '部门', '备注'], ['1', '公安局', 'x']));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('import_missing_columns');
    // A code with params (the missing field, the headers found); the console's Chinese names both.
    expect(result.error.params).toEqual({ what: 'objects', missing: ['name'], found: ['编号', '部门', '备注'] });
    const shown = errorWords(result.error, 'zh');
    expect(shown).toContain('缺少必需的列：“评议对象”');
    expect(shown).toContain('科室名称');
    expect(shown).toContain('文件中的表头是：“编号”、“部门”、“备注”');
    expect(errorWords(result.error, 'en')).toContain('lacks the required column "评议对象"');
    expect(result.error.details).toMatchObject({ missing: ['评议对象'], found: ['编号', '部门', '备注'] });
  });

  it('refuses a representative roster imported as objects', () => {
    const result = parseObjectsTable(table(['序号', '姓名', '工作单位', '代表类别'], ['1', '张三', '区政协', '政协委员']));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('import_wrong_kind');
    expect(errorWords(result.error, 'zh')).toBe('这个文件看起来是评议代表名单（有“代表类别”列），不是评议对象表。请在“评议代表”页面导入它，或选择评议对象表。');
  });

  it('fails when there is a header but no data', () => {
    const result = parseObjectsTable(table(['单位', '评议对象'], ['1', ''].slice(1)));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('import_no_rows');
    expect(errorWords(result.error, 'zh')).toBe('评议对象表只有表头，没有数据行。请在表头下面逐行填写后再导入。');
  });
});

describe('parseObjectsTable: rows', () => {
  it('reports each bad row and keeps only good ones', () => {
    const long = '科'.repeat(101);
    const p = preview(
      table(
        ['序号', '单位', '评议对象', '类别'],
        ['1', '公安局', '办公室', '科室'],
        ['2', '公安局', '', '科室'],
        ['3', '公安局', ' 办公室 ', '二级单位'],
        ['4', '民政局', '办公室', '科室'],
        ['5', '民政局', long, '科室'],
        ['6', '', '', ''],
        ['7', long, '登记科', '科室'],
      ),
    );
    expect(p.valid).toEqual([
      { name: '办公室', department: '公安局', category: '科室' },
      { name: '办公室', department: '民政局', category: '科室' },
    ]);
    expect(p.errorCount).toBe(4);
    // Row 7 of the file ("6" with nothing but its number) is an unfilled template line: skipped.
    expect(p.rows.map((r) => r.line)).toEqual([2, 3, 4, 5, 6, 8]);
    const byLine = new Map(p.rows.map((r) => [r.line, r.errors]));
    expect(wordedAll(byLine.get(3))).toEqual([{ field: 'name', message: '第 3 行：评议对象名称为空' }]);
    expect(byLine.get(4)?.[0]?.field).toBe('name');
    expect(said(byLine.get(4)?.[0])).toBe('第 4 行：“公安局 办公室”与第 2 行重复（同一单位下的同名评议对象只能有一个）');
    expect(worded(byLine.get(6)?.[0])).toEqual({ field: 'name', message: '第 6 行“评议对象”太长（101 个字），最多 100 个字' });
    expect(worded(byLine.get(8)?.[0])).toEqual({ field: 'department', message: '第 8 行“单位”太长（101 个字），最多 100 个字' });
    for (const row of p.rows) expect(row.value === undefined).toBe(row.errors.length > 0);
  });

  it('treats names padded with spaces for alignment as the same name', () => {
    const p = preview(table(['单位', '评议对象'], ['公安局', '办 公 室'], ['公安局', '办公室']));
    expect(p.valid).toEqual([{ name: '办公室', department: '公安局', category: '科室' }]);
    expect(p.errorCount).toBe(1);
  });

  it('exports a table that imports back to the same objects', () => {
    const objects: ObjectDraft[] = [
      { name: '许可科', department: '发展和改革局', category: '科室' },
      { name: '信息中心', department: '科学技术局', category: '二级单位' },
    ];
    expect(preview(objectsToTable(objects)).valid).toEqual(objects);
  });
});
