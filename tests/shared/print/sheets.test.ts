/** The sheet registry and the one print query-string builder and parser. */
import { describe, expect, it } from 'vitest';
import { DATA_SHEETS, SHEETS, SHEET_FILE_NAMES, SHEET_TITLES, parsePrintQuery, printQuery, sheetPdfFileName, sheetsFor } from '../../../shared/print/sheets';

describe('sheet registry', () => {
  it('lists every sheet once, in the printing tab order, with titles and file names', () => {
    // i17p: the blank paper ballot after the code slips, the paper reconciliation after the receipts;
    // i16 adds the three sheets of rounds over time, i17r the audit appendix, at the end; i13 the
    // signing set (ranking and details in one PDF) after the detail sheet.
    const rounds = ['history', 'consequences', 'rectification', 'audit'];
    expect(SHEETS).toEqual(['signin', 'slips', 'paperBallot', 'zero', 'ranking', 'detail', 'rankingAndDetail', 'worst', 'receipts', 'paperReconciliation', ...rounds]);
    expect(DATA_SHEETS).toEqual(['signin', 'paperBallot', 'zero', 'ranking', 'detail', 'rankingAndDetail', 'worst', 'receipts', 'paperReconciliation', ...rounds]);
    expect(SHEET_TITLES.history).toBe('历次评议汇总表');
    expect(SHEET_TITLES.consequences).toBe('评议结果运用建议表');
    expect(SHEET_TITLES.rectification).toBe('整改反馈表');
    expect(SHEET_TITLES.ranking).toBe('评议结果排序表');
    expect(SHEET_FILE_NAMES.slips).toBe('评议码条');
    expect(sheetsFor('graded').map((s) => s.id)).toEqual(['signin', 'slips', 'paperBallot', 'zero', 'ranking', 'detail', 'rankingAndDetail', 'receipts', 'paperReconciliation', ...rounds]);
    expect(sheetsFor('worst').map((s) => s.id)).toEqual(['signin', 'slips', 'paperBallot', 'zero', 'worst', 'receipts', 'paperReconciliation', ...rounds]);
  });

  it('writes the query the print route parses back, and refuses a malformed one', () => {
    const route = { sheet: 'detail', meetingId: 'M1', objectId: 'O_2', handoff: 'abc-DEF_123', pdf: true } as const;
    expect(printQuery(route)).toBe('sheet=detail&meeting=M1&object=O_2&handoff=abc-DEF_123&pdf=1');
    expect(parsePrintQuery(`?${printQuery(route)}`)).toEqual(route);
    expect(parsePrintQuery('sheet=zero&meeting=-')).toEqual({ sheet: 'zero', meetingId: '-', pdf: false });
    expect(parsePrintQuery('sheet=nope&meeting=M1')).toBeNull();
    expect(parsePrintQuery('sheet=ranking&meeting=a%20b')).toBeNull();
    expect(parsePrintQuery('sheet=ranking')).toBeNull();
    expect(parsePrintQuery('sheet=ranking&meeting=M1&object=%E0%A4%A')).toBeNull();
  });
});

describe('PDF file names', () => {
  const stamp = '20261201-093000';
  it('names the round sheet by campaign and round, with 本轮综合排序表 and the draft/official tag', () => {
    const round = { campaign: '2026年度群众评科室', round: '第三季度' };
    expect(sheetPdfFileName({ sheet: 'ranking', meetingTitle: '第三季度社会测评大会', round, stateTag: '初步结果（未确认）', stamp })).toBe(
      '2026年度群众评科室第三季度-本轮综合排序表-初步结果（未确认）-20261201-093000.pdf',
    );
    expect(sheetPdfFileName({ sheet: 'ranking', meetingTitle: '第三季度社会测评大会', round, stateTag: '正式结果', stamp })).toBe(
      '2026年度群众评科室第三季度-本轮综合排序表-正式结果-20261201-093000.pdf',
    );
  });
  it('names a meeting\'s own sheet by the meeting, and a sheet without a round name ignores the round', () => {
    expect(sheetPdfFileName({ sheet: 'ranking', meetingTitle: '社会测评', round: null, stateTag: '正式结果', stamp })).toBe('社会测评-评议结果排序表-正式结果-20261201-093000.pdf');
    expect(sheetPdfFileName({ sheet: 'receipts', meetingTitle: '社会测评', round: { campaign: 'C', round: 'R' }, stateTag: null, stamp })).toBe('社会测评-回执清单-20261201-093000.pdf');
  });
  it('names the history sheet by campaign, and the consequences and rectification sheets by campaign and round, whichever meeting prints them', () => {
    const round = { campaign: '2026年度最难办事科室群众评', round: '第二季度' };
    expect(sheetPdfFileName({ sheet: 'history', meetingTitle: '第二季度最难办事科室评议', round, stateTag: null, stamp })).toBe('2026年度最难办事科室群众评-历次评议汇总表-20261201-093000.pdf');
    expect(sheetPdfFileName({ sheet: 'consequences', meetingTitle: '第二季度最难办事科室评议', round, stateTag: null, stamp })).toBe(
      '2026年度最难办事科室群众评第二季度-评议结果运用建议表-20261201-093000.pdf',
    );
    expect(sheetPdfFileName({ sheet: 'rectification', meetingTitle: '第二季度最难办事科室评议', round, stateTag: null, stamp })).toBe('2026年度最难办事科室群众评第二季度-整改反馈表-20261201-093000.pdf');
    expect(sheetPdfFileName({ sheet: 'history', meetingTitle: '评议', round: { campaign: 'a/b', round: 'R' }, stateTag: null, stamp, rehearsal: true })).toBe('演练-a_b-历次评议汇总表-20261201-093000.pdf');
    // Without the names (a round that is gone), the meeting's title as before.
    expect(sheetPdfFileName({ sheet: 'history', meetingTitle: '第二季度评议', round: null, stateTag: null, stamp })).toBe('第二季度评议-历次评议汇总表-20261201-093000.pdf');
  });
  it('replaces characters a file system refuses', () => {
    expect(sheetPdfFileName({ sheet: 'signin', meetingTitle: 'a/b:c?', round: null, stateTag: null, stamp })).toBe('a_b_c_-签到表-20261201-093000.pdf');
    expect(sheetPdfFileName({ sheet: 'signin', meetingTitle: '社会测评', round: null, stateTag: null, stamp, rehearsal: true })).toBe('演练-社会测评-签到表-20261201-093000.pdf');
  });
});
