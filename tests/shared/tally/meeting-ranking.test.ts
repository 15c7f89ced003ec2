/** The one meeting ranking: order modes, vetoes in the worst places, categories ranked apart. */
import { describe, expect, it } from 'vitest';
import { partitionByCategory, rankObjects } from '../../../shared/tally';

const rows = [
  { objectId: 'a', name: '甲科', category: '科室', key: 9000n, vetoed: false },
  { objectId: 'b', name: '乙科', category: '科长', key: 8000n, vetoed: false },
  { objectId: 'c', name: '丙科', category: '科室', key: 9500n, vetoed: true },
  { objectId: 'd', name: '丁科', category: '科长', key: 8000n, vetoed: false },
  { objectId: 'e', name: '戊科', category: '科室', key: null, vetoed: false },
];
const ranks = (mode: 'best-first' | 'worst-first' | 'worst-list', list = rows) =>
  rankObjects(list, (r) => r.key, mode).map((r) => `${r.objectId}${r.rank ?? '-'}`);

describe('rankObjects', () => {
  it('puts the vetoed last when the best come first, and first when the worst do', () => {
    // Ties share a rank (b, d: 2), the vetoed take the place after the ranked ones (4: no number
    // skips over the unranked), the unranked come last.
    expect(ranks('best-first')).toEqual(['a1', 'd2', 'b2', 'c4', 'e-']);
    expect(ranks('worst-first')).toEqual(['c1', 'd2', 'b2', 'a4', 'e-']);
    expect(ranks('worst-list')).toEqual(['c1', 'a2', 'd3', 'b3', 'e-']);
  });

  it('ranks each category on its own when asked', () => {
    const partitions = partitionByCategory(rows, true);
    expect(partitions.map((p) => [p.category, ranks('best-first', [...p.rows])])).toEqual([
      ['科室', ['a1', 'c2', 'e-']],
      ['科长', ['d1', 'b1']],
    ]);
    expect(partitionByCategory(rows, false)).toEqual([{ category: null, rows }]);
  });
});
