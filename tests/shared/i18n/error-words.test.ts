/**
 * Core's setup and import checks answer a code with params, never a sentence; the console words
 * them. These call the real checks (pure core functions) and word what they answer: the Chinese
 * is the sentence the chair saw before the conversion, the English names the same field and numbers.
 */
import { describe, expect, it } from 'vitest';
import { errorWords } from '../../../shared/i18n/error-words';
import { requiredText } from '../../../electron/core/services/setup/checks';
import { checkGradeScale, checkSettings } from '../../../electron/core/services/setup/settings';
import { readTable } from '../../../electron/core/import';
import { DEFAULT_SETTINGS } from '../../../shared/domain/defaults';
import { errorFallback, type AppError, type Result } from '../../../shared/domain/result';
import { ERROR_CODES } from '../../../shared/domain/errors';
import { IMPORT_NOTES, historyNoteWords, importNoteWords } from '../../../shared/i18n/import-notes';
import type { HistoryNote } from '../../../shared/history/history-table';

function refusal<T>(result: Result<T>): AppError {
  if (result.ok) throw new Error('expected a refusal');
  return result.error;
}

describe('setup and import refusals worded from their params', () => {
  it('names the field by its label, with the length and the limit', () => {
    const empty = refusal(requiredText('  ', { field: 'title' }));
    expect(empty).toMatchObject({ code: 'field_empty', params: { field: 'title' } });
    expect(errorWords(empty, 'zh')).toBe('“会议名称”不能为空，请填写后再保存。');
    expect(errorWords(empty, 'en')).toBe('"Meeting title" is empty. Fill it in and save again.');

    const long = refusal(requiredText('长'.repeat(101), { field: 'indicatorName', position: 3 }));
    expect(long.params).toEqual({ field: 'indicatorName', position: 3, length: 101, max: 100 });
    expect(errorWords(long, 'zh')).toBe('“第 3 项指标的名称”太长（101 个字），最多 100 个字，请缩短后再保存。');
    expect(errorWords(long, 'en')).toContain('Name of indicator 3');
    expect(errorWords(long, 'en')).toContain('101 characters, at most 100');
  });

  it('words a settings refusal with the grades and groups it names', () => {
    const order = refusal(checkGradeScale([{ label: '好', points: 80 }, { label: '差', points: 90 }]));
    expect(order).toMatchObject({ code: 'settings_invalid', params: { rule: 'grade_order', position: 2 } });
    expect(errorWords(order, 'zh')).toBe('评分等级应从好到差排列、分值依次降低：“差”（90 分）不低于上一等级“好”（80 分）。');
    expect(errorWords(order, 'en')).toContain('"差" (90) is not below the grade before it, "好" (80)');

    const weights = refusal(checkSettings({ ...DEFAULT_SETTINGS, groupWeights: { ...DEFAULT_SETTINGS.groupWeights, officials: 40 } }));
    expect(weights.params).toMatchObject({ field: 'groupWeights', rule: 'share_total' });
    expect(errorWords(weights, 'zh')).toMatch(/^“两组代表的权重”合计为 \d+(\.\d+)?，应为 100（人大代表、政协委员、分管领导 \+ 服务对象），请调整后再保存。$/u);
    expect(errorWords(weights, 'en')).toContain('(Deputies, CPPCC members, leaders + Service recipients)');
  });

  it('words a table file refusal with the file name', async () => {
    const empty = refusal(await readTable(new Uint8Array(), '名单.csv'));
    expect(empty).toMatchObject({ code: 'import_empty', params: { file: '名单.csv' } });
    expect(errorWords(empty, 'zh')).toBe('文件“名单.csv”是空的，没有任何内容。请确认选对了文件，并在保存后再导入。');
    expect(errorWords(empty, 'en')).toContain('"名单.csv" is empty');

    const pdf = refusal(await readTable(new TextEncoder().encode('%PDF-1.7\n'), 'scan.csv'));
    expect(pdf.params).toEqual({ file: 'scan.csv', kind: 'pdf' });
    expect(errorWords(pdf, 'zh')).toBe('文件“scan.csv”是 PDF 文档，不是表格文件。请选择 Excel 表格（.xlsx）或 CSV 文件。');
    expect(errorWords(pdf, 'en')).toContain('is a PDF document');
  });
});

describe('every code and every import note has both wordings', () => {
  const HAN = /\p{Script=Han}/u;

  it('words each code of the catalogue in Chinese and in English, from no params and never as the bare fallback', () => {
    for (const code of ERROR_CODES) {
      const bare = { code, params: {} };
      const zh = errorWords(bare, 'zh');
      const en = errorWords(bare, 'en');
      expect(zh, code).toMatch(HAN);
      expect(zh, code).not.toBe(errorFallback(code));
      expect(en, code).not.toBe(errorFallback(code));
      expect(en, code).not.toBe(zh);
      // English sentences start in English (they may quote a Chinese sheet name or header later).
      expect(en, code).toMatch(/^[A-Z"(]/u);
    }
  });

  it('words each row note of an import preview in Chinese and in English, naming its line', () => {
    for (const note of IMPORT_NOTES) {
      const issue = { field: 'name', note, params: { line: 7, column: '评议对象', length: 101, max: 100, value: '专家', first: 2, name: '许可科', unit: '发改局' } };
      expect(importNoteWords(issue, 'zh'), note).toMatch(/^第 7 行/u);
      expect(importNoteWords(issue, 'en'), note).toMatch(/^Line 7: /u);
    }
  });

  it('words each row note of a history import in Chinese and in English', () => {
    const notes: HistoryNote[] = [
      { note: 'round_empty' },
      { note: 'name_empty' },
      { note: 'no_result' },
      { note: 'total_invalid', value: '120' },
      { note: 'rank_invalid', value: 'x' },
      { note: 'worst_invalid', value: '0' },
      { note: 'duplicate', unit: '发改局', name: '许可科', round: '2025年第四季度' },
      { note: 'round_held', round: '2026年第一季度' },
    ];
    const zh = notes.map((n) => historyNoteWords(n, 'zh'));
    const en = notes.map((n) => historyNoteWords(n, 'en'));
    for (const text of zh) expect(text).toMatch(HAN);
    for (const [i, text] of en.entries()) expect(text, notes[i]?.note).toMatch(/^(the |")/u);
    expect(new Set(zh).size).toBe(notes.length);
    expect(zh[3]).toBe('总分“120”不是 0–100 的数');
  });

  it('words the lock banners core sends as the refusal an edit would get', () => {
    expect(errorWords({ code: 'meeting_frozen', params: { state: 'voting' } }, 'zh')).toBe(
      '本场会议已开始投票，会议的定义（评议对象、指标、设置、代表名单）已锁定，不能修改。如需调整，请复制本场会议后修改副本。',
    );
    expect(errorWords({ code: 'meeting_frozen', params: { state: 'closed' } }, 'en')).toBe(
      "Voting has closed: this meeting's definition is locked. To evaluate again, copy the meeting or the round.",
    );
    expect(errorWords({ code: 'round_frozen', params: { meeting: '社会测评大会', scope: 'objects' } }, 'zh')).toBe(
      '本轮的“社会测评大会”已开始投票，本轮的评议对象和指标分配已锁定，不能修改。如需调整，请复制本轮后修改副本。',
    );
    expect(errorWords({ code: 'indicator_set_frozen', params: { state: 'builtin' } }, 'zh')).toBe('这是内置的指标体系，不能修改或删除。如需调整，请新建一个自定义指标体系。');
  });
});
