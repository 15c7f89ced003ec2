import { describe, expect, it } from 'vitest';
import { validateIndicatorWeights } from '../../../shared/setup';
import { errorWords } from '../../../shared/i18n/error-words';

describe('validateIndicatorWeights', () => {
  it.each([[[20, 20, 20, 20, 20]], [[100]], [[33.33, 33.33, 33.34]], [[10.5, 89.5]], [[0.01, 99.99]], [[30, 70]]])('accepts %j', (weights) => {
    expect(validateIndicatorWeights(weights)).toEqual({ ok: true, value: undefined });
  });

  it.each([
    [[20, 20, 20, 20, 10], 'weights_total', '指标权重合计为 90%，应为 100%（还差 10%）'],
    [[50, 50.5], 'weights_total', '指标权重合计为 100.5%，应为 100%（多了 0.5%）'],
    [[33.33, 33.33, 33.33], 'weights_total', '指标权重合计为 99.99%，应为 100%（还差 0.01%）'],
    [[100, 0], 'weight_invalid', '第 2 项指标的权重 0 无效：应为大于 0 的数，最多两位小数'],
    [[-10, 110], 'weight_invalid', '第 1 项指标的权重 -10 无效：应为大于 0 的数，最多两位小数'],
    [[33.333, 66.667], 'weight_invalid', '第 1 项指标的权重 33.333 无效：应为大于 0 的数，最多两位小数'],
    [[Number.NaN, 100], 'weight_invalid', '第 1 项指标的权重 NaN 无效：应为大于 0 的数，最多两位小数'],
    [[], 'weights_empty', '指标体系至少需要一项指标'],
  ])('rejects %j', (weights, code, message) => {
    const result = validateIndicatorWeights(weights);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe(code);
    // A code with params; the console's Chinese wording of it opens with the rule's sentence.
    expect(result.error.message).not.toMatch(/\p{Script=Han}/u);
    expect(errorWords(result.error, 'zh').startsWith(message)).toBe(true);
    // The indicator editor shows the rule alone, live beside the weights.
    if (code !== 'weights_empty') expect(errorWords({ ...result.error, params: { ...result.error.params, scope: 'editor' } }, 'zh')).toBe(message);
  });
});
