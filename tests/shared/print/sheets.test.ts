/** The sheet registry and the one print query-string builder and parser. */
import { describe, expect, it } from 'vitest';
import { DATA_SHEETS, SHEETS, SHEET_FILE_NAMES, SHEET_TITLES, parsePrintQuery, printQuery, sheetsFor } from '../../../shared/print/sheets';

describe('sheet registry', () => {
  it('lists every sheet once, in the printing tab order, with titles and file names', () => {
    // i17p: the blank paper ballot after the code slips, the paper reconciliation last.
    expect(SHEETS).toEqual(['signin', 'slips', 'paperBallot', 'zero', 'ranking', 'detail', 'worst', 'receipts', 'paperReconciliation']);
    expect(DATA_SHEETS).toEqual(['signin', 'paperBallot', 'zero', 'ranking', 'detail', 'worst', 'receipts', 'paperReconciliation']);
    expect(SHEET_TITLES.ranking).toBe('评议结果排序表');
    expect(SHEET_FILE_NAMES.slips).toBe('评议码条');
    expect(sheetsFor('graded').map((s) => s.id)).toEqual(['signin', 'slips', 'paperBallot', 'zero', 'ranking', 'detail', 'receipts', 'paperReconciliation']);
    expect(sheetsFor('worst').map((s) => s.id)).toEqual(['signin', 'slips', 'paperBallot', 'zero', 'worst', 'receipts', 'paperReconciliation']);
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
