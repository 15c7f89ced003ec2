import { describe, expect, it } from 'vitest';
import { TABLET_ERRORS } from '../../../shared/api/tablet-schemas';
import { isTabletWireCode, tabletErrorText, type TabletWireCode } from '../../../shared/i18n/tablet-words';

const HAN = /\p{Script=Han}/u;
const codes = [...Object.keys(TABLET_ERRORS), 'internal'] as TabletWireCode[];

describe('the tablet server refusals worded in shared/i18n', () => {
  it('words every code on the tablet wire in Chinese and in English', () => {
    for (const code of codes) {
      expect(isTabletWireCode(code)).toBe(true);
      const zh = tabletErrorText(code, undefined, 'zh');
      const en = tabletErrorText(code, undefined, 'en');
      expect(HAN.test(zh), `${code} zh: ${zh}`).toBe(true);
      expect(HAN.test(en), `${code} en: ${en}`).toBe(false);
      expect(en.length).toBeGreaterThan(10);
    }
    expect(isTabletWireCode('toString')).toBe(false);
    expect(isTabletWireCode('nonsense')).toBe(false);
  });

  it('keeps the sentences tablets showed before the wording moved out of core', () => {
    expect(tabletErrorText('code_used', undefined, 'zh')).toBe('这个评议码已经投过票了。');
    expect(tabletErrorText('too_many_attempts', undefined, 'zh')).toBe('尝试次数过多，请稍等几分钟再试，或向工作人员求助。');
    expect(tabletErrorText('bad_request', { what: 'ballot' }, 'zh')).toBe('选票格式有误。');
    expect(tabletErrorText('bad_request', undefined, 'zh')).toBe('请求格式有误。');
    expect(tabletErrorText('invalid_ballot', { issue: 'indicator_unanswered', position: 2, object: '征收科（区税务局）', indicator: '服务态度' }, 'zh')).toBe(
      '选票内容不完整或有误：第 2 个评议对象“征收科（区税务局）”的“服务态度”还没有评价。',
    );
    expect(tabletErrorText('invalid_ballot', { issue: 'indicator_unanswered', position: 2, object: '征收科（区税务局）', indicator: '服务态度' }, 'en')).toBe(
      'The ballot is incomplete or wrong: Object 2 "征收科（区税务局）": "服务态度" is not answered.',
    );
  });
});
