/**
 * Importing objects and rosters from real .xlsx and GBK/UTF-8 CSV files (written here with exceljs
 * and iconv-lite) through the chair API: the preview lists each bad row and saves nothing; the
 * import saves; bad files change nothing; exports read back to the same lists.
 */
import JSZip from 'jszip';
import { Buffer } from 'node:buffer';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestHost, type TestHost } from '../../../../support/running-host';
import { readTable } from '../../../../../electron/core/import';
import { parseObjectsTable, parseRosterTable } from '../../../../../shared/setup';
import { draftMeeting, file, gbkCsv, openVoting, refusedUnchanged, snapshot, utf8Csv, xlsx } from './helpers';
import { said } from '../../../../support/worded-notes';

let t: TestHost;
beforeEach(async () => {
  t = await startTestHost({ demo: false });
});
afterEach(async () => {
  await t.stop();
});

const OBJECTS = [
  ['序号', '单位', '评议对象', '类别'],
  ['1', '发展和改革局', '许可科', '科室'],
  ['2', '发展和改革局', '', '科室'],
  ['3', '市场监督管理局', '登记注册科', '科室'],
  ['4', '发展和改革局', '许可科', '科室'],
  ['5', '自然资源局', '李局长', '二级单位'],
];

function roster(officials: number, recipients: number): string[][] {
  const rows = [['序号', '姓名', '工作单位', '代表类别']];
  for (let i = 0; i < officials; i++) rows.push([String(rows.length), `代表${i}`, '区人大常委会', i % 2 === 0 ? '人大代表' : '政协委员']);
  for (let i = 0; i < recipients; i++) rows.push([String(rows.length), `企业${i}`, `企业${i}有限公司`, '服务对象']);
  return rows;
}

describe('importing objects', () => {
  it('previews a .xlsx listing each bad row and why, saving nothing; then imports the valid rows when asked', async () => {
    const { roundId, meetingId } = await draftMeeting(t);
    const bytes = await xlsx(OBJECTS);
    const before = snapshot(t);
    const preview = await t.chair('previewObjectsImport', { roundId, mode: 'replace', ...file('评议对象.xlsx', bytes) });
    expect(snapshot(t)).toBe(before);
    expect(preview.encoding).toBe('xlsx');
    expect(preview.preview.valid.map((o) => o.name)).toEqual(['许可科', '登记注册科', '李局长']);
    expect(preview.preview.rows.filter((r) => r.errors.length > 0).map((r) => [r.line, said(r.errors[0])])).toEqual([
      [3, '第 3 行：评议对象名称为空'],
      [5, '第 5 行：“发展和改革局 许可科”与第 2 行重复（同一单位下的同名评议对象只能有一个）'],
    ]);
    await refusedUnchanged(t, 'importObjects', { roundId, mode: 'replace', skipInvalid: false, ...file('评议对象.xlsx', bytes) }, '评议对象表中有 2 行有错误（第 3、5 行），没有导入任何内容');
    expect(await t.chair('importObjects', { roundId, mode: 'replace', skipInvalid: true, ...file('评议对象.xlsx', bytes) })).toEqual({ imported: 3, skipped: 2 });
    const setup = await t.chair('meetingSetup', { meetingId });
    expect(setup.objects.map((o) => [o.department, o.name, o.category])).toEqual([
      ['发展和改革局', '许可科', '科室'],
      ['市场监督管理局', '登记注册科', '科室'],
      ['自然资源局', '李局长', '二级单位'],
    ]);
  });

  it('reads GBK and UTF-8 CSV alike; append refuses objects the round already has, replace swaps the list', async () => {
    const { roundId, meetingId } = await draftMeeting(t);
    const good = [OBJECTS[0] ?? [], OBJECTS[1] ?? [], OBJECTS[3] ?? []];
    const gbk = gbkCsv(good);
    expect(gbk.includes(Buffer.from('许可科', 'utf8'))).toBe(false); // really GBK bytes
    const viaGbk = await t.chair('previewObjectsImport', { roundId, mode: 'replace', ...file('objects.csv', gbk) });
    expect(viaGbk.encoding).toBe('gbk');
    expect(viaGbk.preview.valid.map((o) => o.name)).toEqual(['许可科', '登记注册科']);
    await t.chair('importObjects', { roundId, mode: 'replace', skipInvalid: false, ...file('objects.csv', gbk) });

    const more = utf8Csv([['单位', '评议对象'], ['发展和改革局', '许可科'], ['自然资源局', '用地审批科']]);
    const append = await t.chair('previewObjectsImport', { roundId, mode: 'append', ...file('more.csv', more) });
    expect(append.encoding).toBe('utf-8');
    expect(append.preview.rows.map((r) => [r.line, r.errors.map((e) => said(e))])).toEqual([
      [2, ['第 2 行：“发展和改革局 许可科”本轮已有，不能重复添加（如要整体更新，请选择“替换现有名单”）']],
      [3, []],
    ]);
    await t.chair('importObjects', { roundId, mode: 'append', skipInvalid: true, ...file('more.csv', more) });
    expect((await t.chair('meetingSetup', { meetingId })).objects.map((o) => o.name)).toEqual(['许可科', '登记注册科', '用地审批科']);
    await t.chair('importObjects', { roundId, mode: 'replace', skipInvalid: false, ...file('more.csv', more) });
    expect((await t.chair('meetingSetup', { meetingId })).objects.map((o) => o.name)).toEqual(['许可科', '用地审批科']);
  });

  it('refuses bad files with a clear message and changes nothing', async () => {
    const { roundId, meetingId } = await draftMeeting(t);
    await t.chair('importObjects', { roundId, mode: 'replace', skipInvalid: true, ...file('ok.xlsx', await xlsx(OBJECTS)) });
    const ten = Buffer.alloc(10 * 1024 * 1024, 0x41);
    const both = async (input: { fileName: string; base64: string }, text: string | RegExp) => {
      await refusedUnchanged(t, 'previewObjectsImport', { roundId, mode: 'replace', ...input }, text);
      await refusedUnchanged(t, 'importObjects', { roundId, mode: 'replace', skipInvalid: true, ...input }, text);
    };
    await both(file('big.csv', ten), '文件“big.csv”太大（10.0 MB），超过 5.0 MB 的上限');
    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<?xml version="1.0"?><Types/>');
    zip.file('word/document.xml', '<?xml version="1.0"?><w:document/>');
    await both(file('名单.xlsx', Buffer.from(await zip.generateAsync({ type: 'uint8array' }))), '这不是 Excel 表格文件（可能是 Word 文档改了扩展名）');
    await both(file('wrong.csv', utf8Csv([['编号', '名字的拼音'], ['1', 'xukeke']])), '评议对象表缺少必需的列：“评议对象”');
    await both(file('roster.csv', utf8Csv(roster(1, 1))), '这个文件看起来是评议代表名单');
    // A text file renamed .xlsx is not an Excel file (its text is not listed as the 表头)...
    await both(file('名单.xlsx', Buffer.from('会议纪要\n今天下午三点开会，请各位准时参加。\n', 'utf8')), /^这不是 Excel 文件：“名单\.xlsx”.*第 1 行是“会议纪要”/);
    // ...and a header that matches nothing names its line and the encoding it was read in (gibberish = wrong encoding).
    await both(file('wrong-2.csv', gbkCsv([['编号', '名字的拼音'], ['1', 'xukeke']])), /缺少必需的列.*表头取自第 1 行，文件按 GBK 编码读取；如果上面的表头是乱码/);
    await both(file('header-only.csv', utf8Csv([['单位', '评议对象']])), '只有表头，没有数据行');
    const allBad = file('bad-all.csv', utf8Csv([['单位', '评议对象'], ['发改局', ''], ['市场局', '']]));
    expect((await t.chair('previewObjectsImport', { roundId, mode: 'replace', ...allBad })).preview.errorCount).toBe(2);
    await refusedUnchanged(t, 'importObjects', { roundId, mode: 'replace', skipInvalid: true, ...allBad }, '没有一行是正确的');
    await both({ fileName: 'x.csv', base64: '@@not base64@@' }, '没有完整传到程序里');
    expect((await t.chair('meetingSetup', { meetingId })).objects).toHaveLength(3);
  });

  it('refuses to preview or import once the round has opened', async () => {
    const { roundId, meetingId } = await draftMeeting(t);
    await openVoting(t, meetingId);
    await refusedUnchanged(t, 'previewObjectsImport', { roundId, mode: 'replace', ...file('o.xlsx', await xlsx(OBJECTS)) }, '本轮的评议对象和指标分配已锁定');
    await refusedUnchanged(t, 'previewRosterImport', { meetingId, mode: 'replace', ...file('r.xlsx', await xlsx(roster(9, 21))) }, '会议的定义（评议对象、指标、设置、代表名单）已锁定');
  });
});

describe('importing rosters', () => {
  it('imports a GBK CSV roster of 30 and shows the composition; bad categories are named with the allowed ones', async () => {
    const { meetingId } = await draftMeeting(t);
    const rows = roster(9, 21);
    rows.push(['31', '王五', '某街道', '居委会主任']);
    rows.push(['32', '', '某街道', '服务对象']);
    const bytes = gbkCsv(rows);
    const preview = await t.chair('previewRosterImport', { meetingId, mode: 'replace', ...file('代表名单.csv', bytes) });
    expect(preview.encoding).toBe('gbk');
    expect(preview.preview.valid).toHaveLength(30);
    expect(preview.preview.rows.filter((r) => r.errors.length > 0).map((r) => r.errors.map((e) => said(e)).join(' '))).toEqual([
      expect.stringContaining('第 32 行：代表类别“居委会主任”无法识别，应为 人大代表、政协委员、分管领导、服务对象、本单位干部 之一'),
      '第 33 行：姓名为空',
    ]);
    expect(await t.chair('importRoster', { meetingId, mode: 'replace', skipInvalid: true, ...file('代表名单.csv', bytes) })).toEqual({ imported: 30, skipped: 2 });
    const setup = await t.chair('meetingSetup', { meetingId });
    expect(setup.composition).toMatchObject({ ok: true, total: 30, officials: 9, recipients: 21 });
  });

  it('a roster of 28 (9 + 19) imports and the check asks for exactly 2 more recipients', async () => {
    const { meetingId } = await draftMeeting(t);
    await t.chair('importRoster', { meetingId, mode: 'replace', skipInvalid: false, ...file('r.xlsx', await xlsx(roster(9, 19))) });
    expect((await t.chair('meetingSetup', { meetingId })).composition?.fix).toBe('再增加 2 名服务对象代表');
  });

  it('a self-evaluation roster without a category column is all 本单位干部; a social one without it is refused', async () => {
    const self = await draftMeeting(t, { kind: 'self', campaign: '自评', title: '单位自评' });
    const bytes = utf8Csv([['姓名', '工作单位'], ['赵六', '办公室'], ['钱七', '财务科']]);
    const preview = await t.chair('previewRosterImport', { meetingId: self.meetingId, mode: 'replace', ...file('staff.csv', bytes) });
    expect(preview.preview.valid.map((r) => r.category)).toEqual(['staff', 'staff']);
    await t.chair('importRoster', { meetingId: self.meetingId, mode: 'replace', skipInvalid: false, ...file('staff.csv', bytes) });
    expect((await t.chair('meetingSetup', { meetingId: self.meetingId })).roster.map((r) => r.group)).toEqual(['all', 'all']);
    const social = await draftMeeting(t, { campaign: '社会' });
    await refusedUnchanged(t, 'previewRosterImport', { meetingId: social.meetingId, mode: 'replace', ...file('staff.csv', bytes) }, '代表名单缺少必需的列：“代表类别”');
  });

  it('warns about the same name and unit twice but imports both; appending someone already listed is an error', async () => {
    const { meetingId } = await draftMeeting(t);
    const rows = [['姓名', '工作单位', '代表类别'], ['张伟', '某公司', '服务对象'], ['张伟', '某公司', '服务对象']];
    const preview = await t.chair('previewRosterImport', { meetingId, mode: 'replace', ...file('r.csv', utf8Csv(rows)) });
    expect(preview.preview.warningCount).toBe(1);
    await t.chair('importRoster', { meetingId, mode: 'replace', skipInvalid: false, ...file('r.csv', utf8Csv(rows)) });
    const again = await t.chair('previewRosterImport', { meetingId, mode: 'append', ...file('r.csv', utf8Csv(rows.slice(0, 2))) });
    expect(said(again.preview.rows[0]?.errors[0])).toContain('“张伟”（某公司）已在名单中，不能重复添加');
  });
});

describe('exports', () => {
  it('exports objects and rosters as .xlsx and CSV that read back to the same lists', async () => {
    const { roundId, meetingId } = await draftMeeting(t);
    await t.chair('importObjects', { roundId, mode: 'replace', skipInvalid: true, ...file('o.xlsx', await xlsx(OBJECTS)) });
    await t.chair('importRoster', { meetingId, mode: 'replace', skipInvalid: false, ...file('r.xlsx', await xlsx(roster(9, 21))) });
    const setup = await t.chair('meetingSetup', { meetingId });
    for (const format of ['xlsx', 'csv'] as const) {
      const objects = await t.chair('exportObjects', { roundId, format });
      expect(objects.fileName).toBe(`2026年度群众评科长-第四季度-评议对象.${format}`);
      const objectTable = await readTable(new Uint8Array(Buffer.from(objects.base64, 'base64')), objects.fileName);
      if (!objectTable.ok) throw new Error(objectTable.error.message);
      const parsedObjects = parseObjectsTable(objectTable.value);
      expect(parsedObjects.ok && parsedObjects.value.valid).toEqual(setup.objects.map((o) => ({ name: o.name, department: o.department, category: o.category })));

      const people = await t.chair('exportRoster', { meetingId, format });
      expect(people.fileName).toBe(`社会测评大会-代表名单.${format}`);
      const rosterTable = await readTable(new Uint8Array(Buffer.from(people.base64, 'base64')), people.fileName);
      if (!rosterTable.ok) throw new Error(rosterTable.error.message);
      const parsedRoster = parseRosterTable(rosterTable.value);
      expect(parsedRoster.ok && parsedRoster.value.valid).toEqual(setup.roster.map((r) => ({ name: r.name, unit: r.unit, category: r.category })));
    }
  });
});
