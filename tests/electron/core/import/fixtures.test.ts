import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkComposition, countComposition, parseObjectsTable, parseRosterTable } from '../../../../shared/setup';
import { FIXTURES, expectOk, readFile } from './helpers';

async function objects(file: string) {
  const table = expectOk(await readFile(path.join(FIXTURES, file)));
  return { table, preview: expectOk(parseObjectsTable(table)) };
}

async function roster(file: string) {
  const table = expectOk(await readFile(path.join(FIXTURES, file)));
  return { table, preview: expectOk(parseRosterTable(table)) };
}

// The files live in the repository: a missing file fails these tests (readFile throws), it never skips them.
describe('sample files in tests/fixtures', () => {
  it('objects-105: the same 105 objects from UTF-8 CSV, GBK CSV and .xlsx', async () => {
    const utf8 = await objects('objects-105.csv');
    const gbk = await objects('objects-105-gbk.csv');
    const xlsx = await objects('objects-105.xlsx');
    expect([utf8.table.encoding, gbk.table.encoding, xlsx.table.encoding]).toEqual(['utf-8', 'gbk', 'xlsx']);
    for (const { preview } of [utf8, gbk, xlsx]) {
      expect(preview.errorCount).toBe(0);
      expect(preview.warningCount).toBe(0);
      expect(preview.valid).toHaveLength(105);
      expect(preview.columns).toEqual({ department: 1, name: 2, category: 3 });
    }
    expect(gbk.preview.valid).toEqual(utf8.preview.valid);
    expect(xlsx.preview.valid).toEqual(utf8.preview.valid);
    expect(utf8.preview.valid[0]).toEqual({ name: '许可科', department: '发展和改革局', category: '科室' });
    expect(new Set(utf8.preview.valid.map((o) => o.department)).size).toBe(38);
    expect(utf8.preview.valid.filter((o) => o.category === '二级单位')).toHaveLength(21);
    expect(utf8.preview.rows.at(-1)?.line).toBe(106);
  });

  it('roster-30: 9 officials + 21 recipients in every format, and it passes the 30 % / 70 % check', async () => {
    const previews = await Promise.all(['roster-30.csv', 'roster-30-gbk.csv', 'roster-30.xlsx'].map(roster));
    for (const { preview } of previews) {
      expect(preview.errorCount).toBe(0);
      expect(preview.valid).toHaveLength(30);
      expect(preview.valid).toEqual(previews[0]?.preview.valid);
    }
    const valid = previews[0]?.preview.valid ?? [];
    expect(valid[0]).toEqual({ name: '覃春', unit: '区人大常委会', category: 'npc' });
    const counts = countComposition(valid);
    expect(counts).toEqual({ officials: 9, recipients: 21, staff: 0 });
    const check = checkComposition(counts);
    expect(check.ok).toBe(true);
    expect(check.requiredOfficials).toBe(9);
    expect(check.fix).toBe('');
  });

  it('roster-300: 90 officials + 210 recipients in every format; its one same-name pair is a warning', async () => {
    const previews = await Promise.all(['roster-300.csv', 'roster-300-gbk.csv', 'roster-300.xlsx'].map(roster));
    for (const { preview } of previews) {
      expect(preview.errorCount).toBe(0);
      expect(preview.valid).toHaveLength(300);
      expect(preview.valid).toEqual(previews[0]?.preview.valid);
      // 廖生 of 红星餐饮有限公司 appears on lines 160 and 170: two people or a double entry, the secretary says.
      expect(preview.warningCount).toBe(1);
      expect(preview.rows.find((r) => r.warnings.length > 0)?.line).toBe(170);
    }
    const counts = countComposition(previews[0]?.preview.valid ?? []);
    expect(counts).toEqual({ officials: 90, recipients: 210, staff: 0 });
    const valid = previews[0]?.preview.valid ?? [];
    expect((['npc', 'cppcc', 'leader'] as const).map((c) => valid.filter((r) => r.category === c).length)).toEqual([30, 30, 30]);
    expect(checkComposition(counts)).toMatchObject({ ok: true, total: 300, requiredOfficials: 90 });
  });
});
