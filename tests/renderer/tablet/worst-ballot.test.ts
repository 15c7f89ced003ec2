// @vitest-environment happy-dom
/**
 * The worst-list ballot as a component (mounted with @vue/test-utils in happy-dom): the K+1-th
 * pick is refused with a message and left unticked, the search box narrows the list but never
 * hides a pick, and ticking a problem emits the ballot with that tag.
 */
import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import WorstBallot from '../../../renderer/tablet/WorstBallot.vue';
import type { BallotDefinition } from '../../../shared/api/tablet-schemas';
import type { WorstBallot as Ballot } from '../../../shared/domain/model';

const definition: BallotDefinition = {
  meeting: { id: 'm', title: '最难办事科室评议', kind: 'social', ballotType: 'worst' },
  group: 'recipients',
  objects: [
    { id: 'a', name: '许可科', department: '发展和改革局', indicatorSetId: 'tags' },
    { id: 'b', name: '许可科', department: '市场监督管理局', indicatorSetId: 'tags' },
    { id: 'c', name: '征收科', department: '税务局', indicatorSetId: 'tags' },
  ],
  indicatorSets: [{ id: 'tags', name: '问题', indicators: [{ id: 'cold', name: '冷', description: '态度冷漠' }, { id: 'lazy', name: '懒', description: '效率低下' }] }],
  gradeScale: [],
  worstK: 2,
};

function mountWith(picks: Ballot['picks']) {
  return mount(WorstBallot, { props: { definition, ballot: { type: 'worst', picks } } });
}

describe('WorstBallot', () => {
  it('refuses the K+1-th pick with a message, leaves it unticked and emits nothing', async () => {
    const wrapper = mountWith([{ objectId: 'a', tags: [] }, { objectId: 'b', tags: [] }]);
    const third = wrapper.findAll('.pick input').at(2);
    expect(third).toBeDefined();
    await third?.setValue(true);
    expect(wrapper.emitted('update')).toBeUndefined();
    expect(wrapper.get('[role=alert]').text()).toContain('2');
    expect((third?.element as HTMLInputElement).checked).toBe(false);
  });

  it('emits the pick, then the ticked problem, as whole ballots', async () => {
    const wrapper = mountWith([]);
    await wrapper.findAll('.pick input').at(0)?.setValue(true);
    expect(wrapper.emitted('update')?.[0]).toEqual([{ type: 'worst', picks: [{ objectId: 'a', tags: [] }] }]);
    await wrapper.setProps({ ballot: { type: 'worst', picks: [{ objectId: 'a', tags: [] }] } });
    await wrapper.findAll('.tags input').at(0)?.setValue(true);
    expect(wrapper.emitted('update')?.[1]).toEqual([{ type: 'worst', picks: [{ objectId: 'a', tags: ['cold'] }] }]);
  });

  it('explains the problems, and the search narrows the list without hiding a pick', async () => {
    const wrapper = mountWith([{ objectId: 'c', tags: [] }]);
    expect(wrapper.get('[data-testid=tag-legend]').text()).toContain('态度冷漠');
    await wrapper.get('input[type=search]').setValue('市场');
    const shown = wrapper.findAll('.object-card').filter((card) => (card.element as HTMLElement).style.display !== 'none');
    expect(shown.map((card) => card.text())).toEqual([expect.stringContaining('市场监督管理局'), expect.stringContaining('税务局')]);
  });
});
