/**
 * Core produces codes, not sentences (issue 15): the sentence check passes on this repository and
 * fails on each way a Chinese sentence could come back into an error, an alarm or a fail() call.
 */
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { catalogueCodes, checkRepository, checkSource } from '../../scripts/check-sentences.mjs';
import { ERROR_CODES } from '../../shared/domain/errors';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CODES = new Set<string>(ERROR_CODES);

describe('the sentence check', () => {
  it('passes on this repository', () => {
    expect(checkRepository(ROOT)).toEqual([]);
  });

  it('reads the same catalogue as shared/domain/errors.ts', () => {
    expect([...catalogueCodes(ROOT)]).toEqual([...ERROR_CODES]);
  });

  it.each([
    ['electron/core/services/x.ts', "return fail('meeting_frozen', { detail: '会议已锁定' });"],
    ['electron/core/services/x.ts', 'return fail(`import_empty`, { file }, `文件${file}是空的`);'],
    ['shared/setup/x.ts', "return tallyFail('groups', `第 ${n} 组没有权重`);"],
    ['electron/core/services/x.ts', "return err('import_empty', '文件是空的。');"],
    ['electron/core/services/x.ts', "return { ok: false, error: { code: 'meeting_not_found', message: '找不到会议' } };"],
    ['electron/core/services/x.ts', "events.emit({ type: 'alarm', kind: 'storage', message: '磁盘已满' });"],
    ['electron/core/services/x.ts', "events.emit({ type: 'alarm', kind: 'storage', message });"],
    ['electron/core/services/x.ts', "import { err, ok } from '../../../shared/domain/result';"],
    ['shared/setup/x.ts', "import { err as wrap } from '../domain/result';"],
  ])('finds the planted sentence in %s: %s', (path, text) => {
    expect(checkSource(path, text, CODES)).toHaveLength(1);
  });

  it.each([
    // Data in params (a name, a file's header) comes from variables: fine.
    ['electron/core/services/x.ts', "return fail('duplicate_name', { target: 'campaign', name: input.name });"],
    // The tablet's wire keeps its Chinese message for now (its code is not in the chair catalogue).
    ['electron/core/server/x.ts', "return sendError(res, 400, 'bad_request', '请求格式有误。');"],
    // The words live in shared/i18n.
    ['shared/i18n/x.ts', "const ZH = { meeting_not_found: '找不到这场评议会议' }; fail('internal', { detail: '中文' });"],
    // Printed sheets stay Chinese.
    ['electron/core/printing/x.ts', "const title = '评议结果排序表';"],
  ])('lets through %s: %s', (path, text) => {
    expect(checkSource(path, text, CODES)).toEqual([]);
  });
});
