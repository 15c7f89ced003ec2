/**
 * Excel as people use it: the round's 50 + 50 totals (本轮综合排序表) and a meeting's results
 * export numbers as numbers with number formats (so SUM and sorting work), a title row with the
 * meeting, date, place and 初步/正式, a frozen header, sized columns and a Chinese file name.
 */
import { createRequire } from 'node:module';
import type ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHost, type TestHost } from '../../../../support/running-host';
import { checkPrintedRoundRow } from '../../../../../shared/tally';
import { createRound, fixtureObjects, voteMeeting } from '../../printing/fixture';

const Excel = createRequire(import.meta.url)('exceljs') as typeof ExcelJS;

let t: TestHost;
let socialId: string;

beforeAll(async () => {
  t = await startTestHost({ demo: false });
  const round = await createRound(t, fixtureObjects().slice(0, 10));
  socialId = round.socialId;
  await voteMeeting(t, round.selfId, false);
  await voteMeeting(t, round.socialId, true);
}, 60_000);

afterAll(async () => {
  await t?.stop();
});

async function workbook(base64: string): Promise<ExcelJS.Worksheet> {
  const book = new Excel.Workbook();
  await book.xlsx.load(Buffer.from(base64, 'base64') as unknown as ArrayBuffer);
  const sheet = book.worksheets[0];
  if (sheet === undefined) throw new Error('no worksheet');
  return sheet;
}

describe('the round totals export (本轮综合排序表)', () => {
  it('titles the file by campaign and round, draft or official, and lists every part as a number', async () => {
    const file = await t.chair('exportRoundResults', { meetingId: socialId, format: 'xlsx' });
    expect(file.fileName).toBe('2026年度最难办事科室群众评第三季度-本轮综合排序表-初步结果（未确认）.xlsx');
    const sheet = await workbook(file.base64);
    expect(String(sheet.getCell('A1').value)).toBe('2026年度最难办事科室群众评 第三季度 本轮综合排序表（初步结果（未确认））');
    expect(String(sheet.getCell('A2').value)).toBe('时间：2026-09-28　地点：区行政中心一楼大会议室');
    expect(sheet.getRow(3).values).toEqual([undefined, '名次', '评议对象', '所属单位', '类别', '单位自评得分', '单位自评折算（50分）', '社会测评得分', '社会测评折算（50分）', '总分', '备注']);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    const round = await t.chair('roundResults', { meetingId: socialId });
    const rows = round.rankings.flatMap((r) => r.rows);
    expect(sheet.rowCount).toBe(3 + rows.length);
    rows.forEach((row, i) => {
      const excel = sheet.getRow(4 + i);
      expect(excel.getCell(2).value).toBe(row.name);
      for (const [column, value] of [[5, row.selfScore], [6, row.selfPoints], [7, row.socialScore], [8, row.socialPoints], [9, row.total]] as const) {
        const cell = excel.getCell(column);
        if (value === null) continue;
        expect(cell.value).toBe(Number(value));
        expect(cell.numFmt).toBe('0.00');
      }
      // The file adds up as the sheet does.
      expect(checkPrintedRoundRow(row, round.componentPoints)).toEqual([]);
      expect(Math.round((Number(excel.getCell(6).value) + Number(excel.getCell(8).value)) * 100)).toBe(Math.round(Number(excel.getCell(9).value) * 100));
    });
    expect(sheet.getColumn(2).width).toBeGreaterThanOrEqual(8);
  });

  it('writes the same table as CSV with the title lines above the header', async () => {
    const file = await t.chair('exportRoundResults', { meetingId: socialId, format: 'csv' });
    const lines = Buffer.from(file.base64, 'base64').toString('utf8').replace(/^\uFEFF/u, '').split('\r\n');
    expect(lines[0]).toContain('本轮综合排序表（初步结果（未确认））');
    expect(lines[2]?.startsWith('名次,评议对象')).toBe(true);
  });
});

describe('a meeting results export', () => {
  it('stores the rank, the score and the group figures as numbers under a title row', async () => {
    const file = await t.chair('exportResults', { meetingId: socialId, format: 'xlsx' });
    expect(file.fileName).toBe('第三季度社会测评大会-结果-初步结果（未确认）.xlsx');
    const sheet = await workbook(file.base64);
    expect(String(sheet.getCell('A1').value)).toBe('第三季度社会测评大会 评议结果（初步结果（未确认））');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    const results = await t.chair('results', { meetingId: socialId });
    const first = results.rows[0];
    const row = sheet.getRow(4);
    expect(row.getCell(1).value).toBe(first?.rank);
    expect(row.getCell(5).value).toBe(Number(first?.score));
    expect(row.getCell(5).numFmt).toBe('0.00');
    expect(row.getCell(6).value).toBe(first?.groups[0]?.ballots);
  });
});
