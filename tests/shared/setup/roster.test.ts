import { describe, expect, it } from 'vitest';
import {
  CATEGORY_LABELS,
  countComposition,
  parseRepresentativeCategory,
  parseRosterTable,
  rosterToTable,
  type RepresentativeDraft,
  type TableData,
} from '../../../shared/setup';
import { said, wordedAll } from '../../support/worded-notes';
import { errorWords } from '../../../shared/i18n/error-words';

function preview(t: TableData, duplicates?: 'warning' | 'error') {
  const result = parseRosterTable(t, duplicates === undefined ? {} : { duplicates });
  if (!result.ok) throw new Error(`expected ok, got ${result.error.message}`);
  return result.value;
}

describe('parseRepresentativeCategory', () => {
  it.each([
    ['人大代表', 'npc'],
    ['区人大代表', 'npc'],
    ['政协委员', 'cppcc'],
    ['市政协委员', 'cppcc'],
    ['分管领导', 'leader'],
    ['领导', 'leader'],
    ['服务对象', 'recipient'],
    ['企业代表', 'recipient'],
    ['群众代表', 'recipient'],
    ['企业', 'recipient'],
    ['群众', 'recipient'],
    ['本单位干部', 'staff'],
    ['干部', 'staff'],
    ['职工', 'staff'],
    [' 人大 代表 ', 'npc'],
    ['recipient', 'recipient'],
  ])('%s → %s', (text, category) => {
    expect(parseRepresentativeCategory(text)).toBe(category);
  });

  it.each(['代表', '企业领导', '专家', 'toString', ''])('%j is unknown', (text) => {
    expect(parseRepresentativeCategory(text)).toBeUndefined();
  });
});

describe('parseRosterTable', () => {
  it('reads the fixture layout and other headers', () => {
    const p = preview({ headers: ['序号', '姓名', '工作单位', '代表类别'], rows: [['1', '覃春', '区人大常委会', '人大代表']] });
    expect(p.columns).toEqual({ name: 1, unit: 2, category: 3 });
    expect(p.valid).toEqual([{ name: '覃春', unit: '区人大常委会', category: 'npc' }]);
    const q = preview({ headers: ['代表身份', '代表姓名', '所在单位'], rows: [['企业代表', '王 五', '惠民超市']] });
    expect(q.columns).toEqual({ name: 1, unit: 2, category: 0 });
    expect(q.valid).toEqual([{ name: '王五', unit: '惠民超市', category: 'recipient' }]);
    const r = preview({ headers: ['名字', '单位', '身份'], rows: [['李四', '', '干部']] });
    expect(r.valid).toEqual([{ name: '李四', unit: '', category: 'staff' }]);
  });

  it('fails the whole file when the category column is missing', () => {
    const result = parseRosterTable({ headers: ['姓名', '单位'], rows: [['张三', '区政协']] });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('import_missing_columns');
    expect(errorWords(result.error, 'zh')).toContain('“代表类别”');
    expect(errorWords(result.error, 'zh')).toContain('文件中的表头是：“姓名”、“单位”');
  });

  it('fails when given an objects table', () => {
    const result = parseRosterTable({ headers: ['序号', '单位', '评议对象', '类别'], rows: [['1', '公安局', '办公室', '科室']] });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(errorWords(result.error, 'zh')).toContain('缺少必需的列：“姓名”');
  });

  it('reports empty names, empty and unknown categories naming the value and the allowed ones', () => {
    const p = preview({
      headers: ['姓名', '工作单位', '代表类别'],
      rows: [
        ['张三', '区政协', '政协委员'],
        ['', '区政协', '政协委员'],
        ['李四', '惠民超市', '专家'],
        ['王五', '惠民超市', ''],
      ],
    });
    expect(p.valid).toHaveLength(1);
    expect(p.errorCount).toBe(3);
    expect(wordedAll(p.rows[1]?.errors)).toEqual([{ field: 'name', message: '第 3 行：姓名为空' }]);
    const unknown = p.rows[2]?.errors[0];
    expect(unknown?.field).toBe('category');
    expect(said(unknown)).toContain('第 4 行：代表类别“专家”无法识别');
    for (const label of Object.values(CATEGORY_LABELS)) expect(said(unknown)).toContain(label);
    expect(said(p.rows[3]?.errors[0])).toContain('第 5 行：代表类别为空');
  });

  it('flags the same name and unit twice: a warning by default, an error on request', () => {
    const t: TableData = {
      headers: ['姓名', '工作单位', '代表类别'],
      rows: [
        ['廖生', '红星餐饮有限公司', '服务对象'],
        ['廖生', '宏远物流有限公司', '服务对象'],
        ['廖生', '红星餐饮有限公司', '服务对象'],
      ],
    };
    const warned = preview(t);
    expect(warned.valid).toHaveLength(3);
    expect(warned.errorCount).toBe(0);
    expect(warned.warningCount).toBe(1);
    expect(said(warned.rows[2]?.warnings[0])).toContain('第 4 行：“廖生（红星餐饮有限公司）”与第 2 行同名同单位');
    const strict = preview(t, 'error');
    expect(strict.valid).toHaveLength(2);
    expect(strict.errorCount).toBe(1);
    expect(strict.rows[2]?.value).toBeUndefined();
    expect(strict.rows[2]?.errors[0]?.field).toBe('name');
  });

  it('counts officials and recipients as a social meeting groups them', () => {
    const reps: RepresentativeDraft[] = (['npc', 'cppcc', 'leader', 'recipient', 'recipient', 'staff'] as const).map((category, i) => ({
      name: `p${i}`,
      unit: '',
      category,
    }));
    expect(countComposition(reps)).toEqual({ officials: 3, recipients: 3, staff: 1 });
  });

  it('exports a table that imports back to the same roster', () => {
    const reps: RepresentativeDraft[] = [
      { name: '覃春', unit: '区人大常委会', category: 'npc' },
      { name: '邹建', unit: '区政协', category: 'cppcc' },
      { name: '史勇磊', unit: '区人民政府', category: 'leader' },
      { name: '邵思红', unit: '诚信会计师事务所', category: 'recipient' },
      { name: '李四', unit: '本局', category: 'staff' },
    ];
    expect(preview(rosterToTable(reps)).valid).toEqual(reps);
  });
});
