import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { readTable } from '../../../../electron/core/import';
import { parseObjectsTable, parseRosterTable } from '../../../../shared/setup';
import { expectErr, expectOk, readFile, shown, tempDir } from './helpers';
import { said } from '../../../support/worded-notes';

const dir = tempDir();

function write(name: string, bytes: Uint8Array | string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, bytes);
  return file;
}

const ROSTER_CSV = '序号,姓名,工作单位,代表类别\r\n1,覃春,区人大常委会,人大代表\r\n2,邹建,"区政协,办公室",政协委员\r\n3,邵思红,诚信会计师事务所,服务对象\r\n';
const ROSTER_ROWS = [
  ['1', '覃春', '区人大常委会', '人大代表'],
  ['2', '邹建', '区政协,办公室', '政协委员'],
  ['3', '邵思红', '诚信会计师事务所', '服务对象'],
];

describe('readTable: CSV encodings, detected from the content', () => {
  it.each([
    ['utf8.csv', new TextEncoder().encode(ROSTER_CSV), 'utf-8'],
    ['utf8-bom.csv', new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(ROSTER_CSV)]), 'utf-8'],
    ['gbk.csv', iconv.encode(ROSTER_CSV, 'gbk'), 'gbk'],
    ['gbk-named.xlsx', iconv.encode(ROSTER_CSV, 'gbk'), 'gbk'],
    ['utf16.csv', iconv.encode(ROSTER_CSV, 'utf-16le', { addBOM: true }), 'utf-16'],
  ] as const)('%s', async (name, bytes, encoding) => {
    const table = expectOk(await readFile(write(name, bytes)));
    expect(table.encoding).toBe(encoding);
    expect(table.headers).toEqual(['序号', '姓名', '工作单位', '代表类别']);
    expect(table.rows).toEqual(ROSTER_ROWS);
    expect(table.headerLine).toBe(1);
    expect(table.rowLines).toEqual([2, 3, 4]);
  });

  it('reads tab-separated UTF-16 (Excel "Unicode text") and semicolon files', async () => {
    const tsv = '姓名\t工作单位\t代表类别\r\n覃春\t区人大常委会\t人大代表\r\n';
    const utf16 = expectOk(await readFile(write('unicode-text.txt', iconv.encode(tsv, 'utf-16le', { addBOM: true }))));
    expect(utf16.rows).toEqual([['覃春', '区人大常委会', '人大代表']]);
    const semi = expectOk(await readFile(write('semi.csv', iconv.encode('姓名;工作单位;代表类别\n覃春;区人大常委会;人大代表\n', 'gbk'))));
    expect(semi.encoding).toBe('gbk');
    expect(semi.rows).toEqual([['覃春', '区人大常委会', '人大代表']]);
  });

  it('trims cells, drops empty rows but keeps row numbers, pads ragged rows', async () => {
    const text = '\r\n 姓名 ,\u3000工作单位\u3000,代表类别,,\r\n,,,\r\n覃春\u200b, 区人大常委会 ,人大代表\r\n\r\n邹建,区政协\r\n';
    const table = expectOk(await readFile(write('messy.csv', text)));
    expect(table.headers).toEqual(['姓名', '工作单位', '代表类别']);
    expect(table.headerLine).toBe(2);
    expect(table.rows).toEqual([
      ['覃春', '区人大常委会', '人大代表'],
      ['邹建', '区政协', ''],
    ]);
    expect(table.rowLines).toEqual([4, 6]);
    const preview = expectOk(parseRosterTable(table));
    expect(preview.rows[1]).toMatchObject({ line: 6, errors: [{ field: 'category', note: 'category_empty' }] });
    expect(said(preview.rows[1]?.errors[0])).toContain('第 6 行：代表类别为空');
  });
});

describe('readTable: .xlsx through exceljs', () => {
  it('reads numbers, rich text, formulas, dates, hyperlinks and merged title lines as text', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('封面');
    const sheet = workbook.addWorksheet('名单');
    sheet.mergeCells('A1:E1');
    sheet.getCell('A1').value = '2024年第一季度民主评议代表名单';
    sheet.addRow(['序号', '姓名', '工作单位', '代表类别', '报名日期']);
    sheet.addRow([1, { richText: [{ text: '覃', font: { bold: true } }, { text: '春' }] }, '区人大常委会', '人大代表', new Date(Date.UTC(2024, 2, 5))]);
    sheet.addRow([]);
    sheet.addRow([2, '邹建', { formula: '"区"&"政协"', result: '区政协' }, '政协委员', 45000]);
    sheet.addRow([3.5, '邵思红', { text: '诚信会计师事务所', hyperlink: 'https://example.com' }, '服务对象', 0.1 + 0.2]);
    const file = write('roster.xlsx', new Uint8Array(await workbook.xlsx.writeBuffer()));

    const table = expectOk(await readFile(file));
    expect(table.encoding).toBe('xlsx');
    expect(table.sheetName).toBe('名单');
    expect(table.headers).toEqual(Array(5).fill('2024年第一季度民主评议代表名单'));
    expect(table.rows).toEqual([
      ['序号', '姓名', '工作单位', '代表类别', '报名日期'],
      ['1', '覃春', '区人大常委会', '人大代表', '2024-03-05'],
      ['2', '邹建', '区政协', '政协委员', '45000'],
      ['3.5', '邵思红', '诚信会计师事务所', '服务对象', '0.3'],
    ]);
    expect(table.rowLines).toEqual([2, 3, 5, 6]);

    const preview = expectOk(parseRosterTable(table));
    expect(preview.headerLine).toBe(2);
    expect(preview.valid).toEqual([
      { name: '覃春', unit: '区人大常委会', category: 'npc' },
      { name: '邹建', unit: '区政协', category: 'cppcc' },
      { name: '邵思红', unit: '诚信会计师事务所', category: 'recipient' },
    ]);
    expect(preview.rows.map((r) => r.line)).toEqual([3, 5, 6]);
  });

  it('reads a workbook saved with a .csv name', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Sheet1').addRows([['单位', '评议对象'], ['公安局', '办公室']]);
    const table = expectOk(await readFile(write('really-xlsx.csv', new Uint8Array(await workbook.xlsx.writeBuffer()))));
    expect(table.encoding).toBe('xlsx');
    expect(expectOk(parseObjectsTable(table)).valid).toEqual([{ name: '办公室', department: '公安局', category: '科室' }]);
  });
});

describe('readTable: bad files give a clear error and nothing else', () => {
  it('refuses a 10 MB file before parsing it', async () => {
    const row = '1,公安局,办公室,科室\r\n';
    const big = write('big.csv', '序号,单位,评议对象,类别\r\n' + row.repeat(Math.ceil((10 * 1024 * 1024) / Buffer.byteLength(row))));
    const error = expectErr(await readFile(big));
    expect(error.code).toBe('import_too_large');
    expect(shown(error)).toContain('“big.csv”太大（10.0 MB），超过 5.0 MB 的上限');
    // The limit is a parameter.
    const bytes = new Uint8Array(fs.readFileSync(big));
    expect(expectOk(await readTable(bytes, 'big.csv', { maxBytes: 20 * 1024 * 1024 })).rows.length).toBeGreaterThan(300_000);
  });

  it('refuses a Word document renamed .xlsx', async () => {
    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<?xml version="1.0"?><Types/>');
    zip.file('_rels/.rels', '<?xml version="1.0"?><Relationships/>');
    zip.file('word/document.xml', '<?xml version="1.0"?><w:document><w:body><w:p><w:r><w:t>代表名单</w:t></w:r></w:p></w:body></w:document>');
    const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    const error = expectErr(await readFile(write('名单.xlsx', bytes)));
    expect(error.code).toBe('import_not_excel');
    expect(shown(error)).toMatch(/^这不是 Excel 表格文件（可能是 Word 文档改了扩展名）/);
  });

  it('refuses a plain zip, an old .xls, a PDF, a truncated workbook', async () => {
    const zip = new JSZip();
    zip.file('名单.csv', ROSTER_CSV);
    expect(shown(expectErr(await readFile(write('archive.xlsx', await zip.generateAsync({ type: 'uint8array' })))))).toContain('压缩包');

    const ole = new Uint8Array(4096);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const xls = expectErr(await readFile(write('old.xls', ole)));
    expect(xls.code).toBe('import_legacy_office');
    expect(shown(xls)).toContain('.xlsx');
    expect(shown(xls)).toContain('CSV');

    expect(shown(expectErr(await readFile(write('scan.csv', '%PDF-1.7\n%âãÏÓ\n1 0 obj\n'))))).toContain('PDF');

    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Sheet1').addRows([['姓名', '代表类别'], ['覃春', '人大代表']]);
    const full = new Uint8Array(await workbook.xlsx.writeBuffer());
    const truncated = expectErr(await readFile(write('truncated.xlsx', full.subarray(0, Math.floor(full.length * 0.8)))));
    expect(['import_xlsx_unreadable', 'import_not_excel']).toContain(truncated.code);
  });

  it('refuses an empty file, a blank file and an empty workbook', async () => {
    expect(expectErr(await readFile(write('empty.csv', ''))).code).toBe('import_empty');
    expect(expectErr(await readFile(write('blank.csv', '\r\n , ,\r\n\t\r\n'))).code).toBe('import_empty');
    expect(shown(expectErr(await readFile(write('bom-only.csv', new Uint8Array([0xef, 0xbb, 0xbf])))))).toContain('是空的');
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Sheet1');
    expect(expectErr(await readFile(write('empty.xlsx', new Uint8Array(await workbook.xlsx.writeBuffer())))).code).toBe('import_empty');
  });

  it('refuses binary junk', async () => {
    let seed = 42;
    const junk = new Uint8Array(20_000).map(() => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed >> 16;
    });
    const error = expectErr(await readFile(write('junk.csv', junk)));
    expect(error.code).toBe('import_not_table');
    expect(shown(error)).toContain('无法识别文件“junk.csv”的格式');
    // Without NUL bytes too.
    const noNul = junk.map((b) => (b === 0 ? 1 : b));
    expect(expectErr(await readFile(write('junk2.csv', noNul))).code).toBe('import_not_table');
  });

  it('a CSV with a wrong header reads but cannot be imported, and says why', async () => {
    const table = expectOk(await readFile(write('wrong.csv', iconv.encode('编号,人员,所在处室\r\n1,张三,办公室\r\n', 'gbk'))));
    const error = expectErr(parseRosterTable(table));
    expect(error.code).toBe('import_missing_columns');
    expect(shown(error)).toContain('缺少必需的列：“姓名”、“代表类别”');
    expect(shown(error)).toContain('文件中的表头是：“编号”、“人员”、“所在处室”');
  });

  it('a GBK roster with mistakes lists each bad row with its line and field', async () => {
    const text = [
      '序号,姓名,工作单位,代表类别',
      '1,覃春,区人大常委会,人大代表',
      '2,,区政协,政协委员',
      '',
      '3,邵思红,诚信会计师事务所,专家',
      '4,覃春,区人大常委会,人大代表',
      '5,钟涛兰,明德律师事务所,服务对象',
    ].join('\r\n');
    const table = expectOk(await readFile(write('mistakes.csv', iconv.encode(text, 'gbk'))));
    const preview = expectOk(parseRosterTable(table, { duplicates: 'error' }));
    expect(preview.valid.map((r) => r.name)).toEqual(['覃春', '钟涛兰']);
    expect(preview.errorCount).toBe(3);
    expect(preview.rows.filter((r) => r.errors.length > 0).map((r) => [r.line, r.errors[0]?.field])).toEqual([
      [3, 'name'],
      [5, 'category'],
      [6, 'name'],
    ]);
    expect(said(preview.rows[2]?.errors[0])).toContain('代表类别“专家”无法识别');
    expect(said(preview.rows[3]?.errors[0])).toContain('与第 2 行同名同单位');
  });
});
