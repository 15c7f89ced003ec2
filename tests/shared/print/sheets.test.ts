/** The sheet registry and the one print query-string builder and parser. */
import { describe, expect, it } from 'vitest';
import { DATA_SHEETS, SHEETS, SHEET_FILE_NAMES, SHEET_TITLES, parsePrintQuery, printQuery, sheetsFor } from '../../../shared/print/sheets';

describe('sheet registry', () => {
  it('lists every sheet once, in the printing tab order, with titles and file names', () => {
    expect(SHEETS).toEqual(['signin', 'slips', 'zero', 'ranking', 'detail', 'worst', 'receipts', 'audit']);
    expect(DATA_SHEETS).toEqual(['signin', 'zero', 'ranking', 'detail', 'worst', 'receipts', 'audit']);
    expect(SHEET_TITLES.ranking).toBe('评议结果排序表');
    expect(SHEET_FILE_NAMES.slips).toBe('评议码条');
    expect(sheetsFor('graded').map((s) => s.id)).toEqual(['signin', 'slips', 'zero', 'ranking', 'detail', 'receipts', 'audit']);
    expect(sheetsFor('worst').map((s) => s.id)).toEqual(['signin', 'slips', 'zero', 'worst', 'receipts', 'audit']);
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
