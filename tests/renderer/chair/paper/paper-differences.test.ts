// @vitest-environment happy-dom
/**
 * The console's list of a pair's differences (mounted with @vue/test-utils in happy-dom), for a
 * pair where one clerk keyed the paper as a ballot and the other as a whole 无效票: one row,
 * 整张票, with the two readings; choosing one settles the pair with that choice.
 */
import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import PaperDifferences from '../../../../renderer/chair/paper/PaperDifferences.vue';
import type { PaperForm, PendingPaper } from '../../../../shared/api/chair/paper';

const form: PaperForm = {
  ballotType: 'graded',
  objects: [{ id: 'a', name: '许可科', department: '', indicatorSetId: 's' }],
  indicatorSets: [{ id: 's', name: '五项', indicators: [{ id: 'x', name: '业务素质' }] }],
  tags: [],
  grades: ['满意', '比较满意', '基本满意', '不满意'],
  worstK: 10,
  groups: ['officials'],
};
const entry: PendingPaper = {
  id: 'e1',
  label: 3,
  group: 'officials',
  stage: 'conflict',
  firstClerk: '张三',
  secondClerk: '李四',
  differences: [{ key: 'whole', objectId: '', partId: null, first: null, second: 'unreadable' }],
};

describe('PaperDifferences', () => {
  it('a pair differing in 整张票 shows one row with both readings and settles it by the choice', async () => {
    const wrapper = mount(PaperDifferences, { props: { entry, form } });
    const rows = wrapper.findAll('tbody tr');
    expect(rows).toHaveLength(1);
    expect(rows[0]?.findAll('td').map((td) => td.text())).toEqual(['整张票', '按票面录入', '无效票：整张无法辨认']);
    const resolve = wrapper.get('button.primary');
    expect((resolve.element as HTMLButtonElement).disabled).toBe(true);
    await wrapper.get('input[value="second"]').setValue(true);
    await resolve.trigger('click');
    expect(wrapper.emitted('resolve')).toEqual([[{ whole: 'second' }]]);
  });
});
