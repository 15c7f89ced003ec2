import { describe, expect, it } from 'vitest';
import { detectDelimiter, formatCsv, parseCsv } from '../../../../electron/core/import';
import { expectErr, expectOk, shown } from './helpers';

describe('parseCsv', () => {
  it('follows RFC 4180: quotes, doubled quotes, delimiters and line breaks inside quotes, CRLF and LF', () => {
    const text = '姓名,单位,备注\r\n"张三","区政协,办公室","他说""好"""\r\n李四,"惠民\r\n超市",\n王五,个体,"a\nb"';
    const { records, lines, delimiter } = expectOk(parseCsv(text));
    expect(delimiter).toBe(',');
    expect(records).toEqual([
      ['姓名', '单位', '备注'],
      ['张三', '区政协,办公室', '他说"好"'],
      ['李四', '惠民\n超市', ''],
      ['王五', '个体', 'a\nb'],
    ]);
    // Row numbers are records (as Excel shows rows), not physical lines.
    expect(lines).toEqual([1, 2, 3, 4]);
  });

  it('keeps empty lines as rows so later rows keep their numbers', () => {
    const { records, lines } = expectOk(parseCsv('a,b\n\n1,2\n'));
    expect(records).toEqual([['a', 'b'], [''], ['1', '2']]);
    expect(lines).toEqual([1, 2, 3]);
  });

  it('is lenient where Excel is: spaces before a quote, a quote inside an unquoted field', () => {
    expect(expectOk(parseCsv('a, "b,c" ,d"e\n')).records).toEqual([['a', 'b,c ', 'd"e']]);
  });

  it('reports a quote that never closes with its row', () => {
    const error = expectErr(parseCsv('姓名,单位\n张三,"区政协\n李四,惠民超市\n'));
    expect(error.code).toBe('import_csv_quote');
    expect(error.params).toEqual({ line: 2 });
    expect(shown(error)).toContain('第 2 行');
  });

  it.each([
    ['姓名,单位\n', ','],
    ['姓名\t单位\n张三\t"a,b"\n', '\t'],
    ['姓名;单位\n', ';'],
    ['姓名，单位\n', '，'],
    ['姓名\n张三\n', ','],
    ['\n\n"a;b"\tc\n', '\t'],
  ])('detects the delimiter of %j', (text, delimiter) => {
    expect(detectDelimiter(text)).toBe(delimiter);
  });

  it('reads tab-separated, semicolon and Excel "sep=" files', () => {
    expect(expectOk(parseCsv('姓名\t单位\r\n张三\t区政协\r\n')).records).toEqual([['姓名', '单位'], ['张三', '区政协']]);
    expect(expectOk(parseCsv('姓名;单位\n张三;"区,政协"\n')).records).toEqual([['姓名', '单位'], ['张三', '区,政协']]);
    const sep = expectOk(parseCsv('sep=;\r\n姓名;单位\r\n张三;区政协\r\n'));
    expect(sep.records).toEqual([['姓名', '单位'], ['张三', '区政协']]);
    expect(sep.lines).toEqual([1, 2]);
  });
});

describe('formatCsv', () => {
  it('quotes only what needs it and ends lines with CRLF', () => {
    expect(formatCsv([['a', 'b,c', 'say "hi"', 'x\ny', ' pad', '']])).toBe('a,"b,c","say ""hi""","x\ny"," pad",\r\n');
  });

  it('parses back what it formats', () => {
    const records = [['序号', '姓名', '备注'], ['1', '张"三"', '区政协,办公室\n二楼'], ['2', '', '']];
    expect(expectOk(parseCsv(formatCsv(records))).records).toEqual(records);
  });
});
