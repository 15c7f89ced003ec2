import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readTable, writeTable } from '../../../../electron/core/import';
import {
  objectsToTable,
  parseObjectsTable,
  parseRosterTable,
  rosterToTable,
  type ObjectDraft,
  type RepresentativeDraft,
} from '../../../../shared/setup';
import { expectOk, readFile, tempDir } from './helpers';

const dir = tempDir();

const TABLE = {
  headers: ['序号', '姓名', '工作单位', '备注'],
  rows: [
    ['1', '覃春', '区人大常委会', ''],
    ['2', '邹建', '区政协,办公室', '他说"好"'],
    ['3', '邵思红', '诚信会计师事务所', '第一行\n第二行'],
    ['004', '=SUM(A1)', '1/2', '12345678901234567890'],
  ],
};

async function writeAndRead(table: { headers: string[]; rows: string[][] }, format: 'csv' | 'xlsx', name: string) {
  const file = path.join(dir, name);
  fs.writeFileSync(file, await writeTable(table, format));
  return expectOk(await readFile(file));
}

describe('writeTable', () => {
  it('writes CSV as UTF-8 with BOM, CRLF and quotes where needed', async () => {
    const bytes = await writeTable(TABLE, 'csv');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.subarray(3));
    expect(text.split('\r\n')[0]).toBe('序号,姓名,工作单位,备注');
    expect(text).toContain('2,邹建,"区政协,办公室","他说""好"""\r\n');
    expect(text).toContain('"第一行\n第二行"');
    expect(text.endsWith('\r\n')).toBe(true);
  });

  it('writes .xlsx with a bold header row, text cells and sensible widths', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await writeTable(TABLE, 'xlsx', { sheetName: '评议代表' })) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet?.name).toBe('评议代表');
    expect(sheet?.getCell('A1').font?.bold).toBe(true);
    expect(sheet?.getCell('A2').font?.bold).toBeFalsy();
    expect(sheet?.getCell('A5').value).toBe('004');
    const widths = [1, 2, 3, 4].map((c) => sheet?.getColumn(c).width ?? 0);
    // 序号 is narrow, 诚信会计师事务所 (8 CJK characters = 16 units) is wide enough, nothing is absurd.
    expect(widths[0]).toBeLessThan(widths[2] ?? 0);
    expect(widths[2]).toBeGreaterThanOrEqual(16);
    for (const w of widths) expect(w).toBeGreaterThanOrEqual(8);
    for (const w of widths) expect(w).toBeLessThanOrEqual(60);
  });
});

describe('round trip: writeTable then readTable gives the same table', () => {
  it.each(['csv', 'xlsx'] as const)('%s with Chinese, commas, quotes, line breaks and number-like text', async (format) => {
    const table = await writeAndRead(TABLE, format, `table.${format}`);
    expect(table.encoding).toBe(format === 'csv' ? 'utf-8' : 'xlsx');
    expect(table.headers).toEqual(TABLE.headers);
    expect(table.rows).toEqual(TABLE.rows);
  });

  it.each(['csv', 'xlsx'] as const)('%s: exported objects and rosters import back unchanged', async (format) => {
    const objects: ObjectDraft[] = [
      { name: '许可科', department: '发展和改革局', category: '科室' },
      { name: '许可科', department: '教育局', category: '二级单位' },
      { name: '窗口服务科', department: '公安局', category: '科室' },
    ];
    const reps: RepresentativeDraft[] = [
      { name: '覃春', unit: '区人大常委会', category: 'npc' },
      { name: '邹建', unit: '区政协', category: 'cppcc' },
      { name: '史勇磊', unit: '区人民政府', category: 'leader' },
      { name: '邵思红', unit: '诚信会计师事务所', category: 'recipient' },
      { name: '李四', unit: '本局', category: 'staff' },
    ];
    const o = await writeAndRead(objectsToTable(objects) as { headers: string[]; rows: string[][] }, format, `objects.${format}`);
    expect(expectOk(parseObjectsTable(o)).valid).toEqual(objects);
    const r = await writeAndRead(rosterToTable(reps) as { headers: string[]; rows: string[][] }, format, `roster.${format}`);
    expect(expectOk(parseRosterTable(r)).valid).toEqual(reps);
  });

  it('property: any table of trimmed, non-empty-row text survives CSV and .xlsx', async () => {
    const cell = fc
      .string({ unit: fc.constantFrom('评', '议', '科', 'a', '1', ',', '"', '\n', ' ', ';', '\t', '＂') , maxLength: 8 })
      .map((s) => s.trim());
    const width = 3;
    const row = fc.array(cell, { minLength: width, maxLength: width }).filter((r) => r.some((c) => c !== ''));
    const headers = fc.array(cell.filter((c) => c !== '' && !/[\n\t]/.test(c)), { minLength: width, maxLength: width });
    await fc.assert(
      fc.asyncProperty(headers, fc.array(row, { maxLength: 6 }), async (h, rows) => {
        // The last header cell is non-empty so no trailing column is cut.
        const table = { headers: h, rows };
        for (const format of ['csv', 'xlsx'] as const) {
          const back = expectOk(await readTable(await writeTable(table, format), `t.${format}`));
          expect(back.headers).toEqual(h);
          expect(back.rows).toEqual(rows);
        }
      }),
      { numRuns: 40 },
    );
  });
});
