// @vitest-environment happy-dom
/**
 * The console's paper ballot entry form (mounted with @vue/test-utils in happy-dom): unlike the
 * tablet, a worst-list paper may name more than K objects (the paper says what it says; the rules
 * then make it a 无效票), a problem can be ticked only for a named object, and a graded form starts
 * at 弃权 for every item and keys 无法辨认/多选 as the off-scale grade.
 */
import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import PaperBallotForm from '../../../../renderer/chair/paper/PaperBallotForm.vue';
import type { PaperForm } from '../../../../shared/api/chair/paper';
import { OFF_SCALE_GRADE } from '../../../../shared/domain/paper-entry';

const objects = [
  { id: 'a', name: '许可科', department: '', indicatorSetId: 's' },
  { id: 'b', name: '征收科', department: '', indicatorSetId: 's' },
  { id: 'c', name: '登记科', department: '', indicatorSetId: 's' },
];
const worst: PaperForm = { ballotType: 'worst', objects, indicatorSets: [], tags: [{ id: 'cold', name: '冷' }, { id: 'lazy', name: '懒' }], grades: [], worstK: 2, groups: ['recipients'] };
const graded: PaperForm = {
  ballotType: 'graded',
  objects: objects.slice(0, 2),
  indicatorSets: [{ id: 's', name: '五项', indicators: [{ id: 'x', name: '业务素质' }, { id: 'y', name: '服务态度' }] }],
  tags: [],
  grades: ['满意', '比较满意', '基本满意', '不满意'],
  worstK: 10,
  groups: ['officials'],
};

type Exposed = { ballot: () => unknown; wholeInvalid: () => unknown };

describe('PaperBallotForm', () => {
  it('worst-list: names more than K, ticks problems of named objects only', async () => {
    const wrapper = mount(PaperBallotForm, { props: { form: worst, name: 'first' } });
    const pick = (name: string) => wrapper.get(`input[aria-label="选 ${name}"]`);
    const tag = (name: string, tagName: string) => wrapper.get(`input[aria-label="${name} ${tagName}"]`);
    expect((tag('许可科', '冷').element as HTMLInputElement).disabled).toBe(true);
    for (const name of ['许可科', '征收科', '登记科']) await pick(name).setValue(true);
    await tag('征收科', '懒').setValue(true);
    expect(wrapper.text()).toContain('已选 3 个（最多 2 个');
    expect((wrapper.vm as unknown as Exposed).ballot()).toEqual({
      type: 'worst',
      picks: [
        { objectId: 'a', tags: [] },
        { objectId: 'b', tags: ['lazy'] },
        { objectId: 'c', tags: [] },
      ],
    });
  });

  it('graded: every item starts at 弃权; a chosen grade and 无法辨认 are keyed as their indices', async () => {
    const wrapper = mount(PaperBallotForm, { props: { form: graded, name: 'second' } });
    expect((wrapper.vm as unknown as Exposed).ballot()).toEqual({ type: 'graded', answers: { a: { x: null, y: null }, b: { x: null, y: null } } });
    await wrapper.get('select[aria-label="许可科 服务态度"]').setValue('1');
    await wrapper.get('select[aria-label="征收科 业务素质"]').setValue(String(OFF_SCALE_GRADE));
    expect((wrapper.vm as unknown as Exposed).ballot()).toEqual({ type: 'graded', answers: { a: { x: null, y: 1 }, b: { x: OFF_SCALE_GRADE, y: null } } });
  });

  it('整张票: keyed item by item by default; 无效票 as a whole hides the grid and shows the rule; a blank paper is not offered as one', async () => {
    const wrapper = mount(PaperBallotForm, { props: { form: graded, name: 'first' } });
    const vm = wrapper.vm as unknown as Exposed;
    const whole = wrapper.get('select[data-testid="paper-whole"]');
    expect(whole.findAll('option').map((o) => o.text())).toEqual(['按票面逐项录入', '无效票：整张无法辨认', '无效票：其他原因']);
    expect(vm.wholeInvalid()).toBeUndefined();
    expect(wrapper.text()).toContain('空白票（一项未填）按全部弃权计为有效票');
    expect(wrapper.find('select[aria-label="许可科 服务态度"]').exists()).toBe(true);
    await whole.setValue('unreadable');
    expect(vm.wholeInvalid()).toBe('unreadable');
    expect(wrapper.get('[data-testid="paper-whole-rule"]').text()).toContain('整张评议表无法辨认');
    expect(wrapper.find('select[aria-label="许可科 服务态度"]').exists()).toBe(false);
    await whole.setValue('other');
    expect(vm.wholeInvalid()).toBe('other');
    expect(wrapper.get('[data-testid="paper-whole-rule"]').text()).toContain('其他原因');
    await whole.setValue('');
    expect(vm.wholeInvalid()).toBeUndefined();
    expect(wrapper.find('[data-testid="paper-whole-rule"]').exists()).toBe(false);
  });
});
