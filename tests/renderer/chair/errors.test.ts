// @vitest-environment happy-dom
/**
 * The console words a core error in its language: from the code and params core sends (fail()),
 * or, for an older call site's error without params, the core's sentence in Chinese.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { errorText } from '../../../renderer/chair/errors';
import { locale } from '../../../renderer/common/i18n';
import { ERROR_CODES, isErrorCode } from '../../../shared/domain/errors';
import { errorFallback, fail } from '../../../shared/domain/result';

afterEach(() => {
  locale.value = 'zh';
});

describe('errorText', () => {
  const error = { code: 'meeting_not_found', message: '找不到这场评议会议，请刷新后重新选择。' } as const;

  it('shows the core\'s sentence in Chinese and the catalogue\'s in English', () => {
    expect(errorText(error)).toBe(error.message);
    locale.value = 'en';
    expect(errorText(error)).toBe('This meeting cannot be found. Refresh and choose it again.');
  });

  it('has an English sentence for every code of the catalogue, and falls back for an unknown one', () => {
    locale.value = 'en';
    for (const code of ERROR_CODES) expect(errorText({ code, message: '中文' }), code).not.toBe('中文');
    expect(isErrorCode('no_such_code')).toBe(false);
    expect(errorText({ code: 'no_such_code' as never, message: '中文' })).toBe('中文');
  });

  it('words an error made of a code and params in Chinese and English, with the refused action in both', () => {
    const refused = fail('voting_not_closed', { action: 'veto' });
    if (refused.ok) throw new Error('fail() made an ok Result');
    expect(refused.error.message).toBe(errorFallback('voting_not_closed', { action: 'veto' }));
    expect(refused.error.message).toBe('voting_not_closed (action=veto)');
    expect(errorText(refused.error)).toBe('投票结束后才能记录一票否决：请先在“投票”页结束投票。');
    locale.value = 'en';
    expect(errorText(refused.error)).toBe('A veto can be recorded once voting has closed: close voting on the Voting tab first.');
    const unknown = fail('unknown_method', { method: 'dropTables' });
    if (unknown.ok) throw new Error('fail() made an ok Result');
    expect(errorText(unknown.error)).toBe('Unknown request: dropTables.');
    locale.value = 'zh';
    expect(errorText(unknown.error)).toBe('未知的操作：dropTables');
  });

  it('has a Chinese and an English wording for every code, never the bare fallback', () => {
    for (const code of ERROR_CODES) {
      const made = fail(code);
      if (made.ok) throw new Error('fail() made an ok Result');
      for (const language of ['zh', 'en'] as const) {
        locale.value = language;
        const text = errorText(made.error);
        expect(text, `${code} in ${language}`).not.toBe(made.error.message);
        expect(text.length, `${code} in ${language}`).toBeGreaterThan(3);
      }
    }
  });
});
