// @vitest-environment happy-dom
/** The console words a core error in its language: the core's sentence in Chinese, the catalogue's in English. */
import { afterEach, describe, expect, it } from 'vitest';
import { errorText } from '../../../renderer/chair/errors';
import { locale } from '../../../renderer/common/i18n';
import { ERROR_CODES, isErrorCode } from '../../../shared/domain/errors';

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
});
