// @vitest-environment happy-dom
/**
 * The setup forms keep what the chair is typing across a reload that changed nothing. The setup
 * reloads after every change and again on the core's `changed` event; a late reload used to copy
 * the stored settings over the form, so a K of 8 typed just before it was saved as the old 10
 * (seen as a flaky end-to-end test). A real change from elsewhere still replaces the form.
 */
import { flushPromises, mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import DetailsSection from '../../../../renderer/chair/setup/DetailsSection.vue';
import SettingsSection from '../../../../renderer/chair/setup/SettingsSection.vue';
import { useSetupStore } from '../../../../renderer/chair/setup/store';
import { useChairStore } from '../../../../renderer/chair/store';
import { consolePerTest } from '../support';

const host = consolePerTest();

async function mounted<C>(component: C) {
  const chair = useChairStore();
  const setup = useSetupStore();
  await chair.start();
  await setup.load();
  if (!setup.setup) throw new Error('no setup loaded');
  // The section re-renders with the store's setup, as SetupTab passes it.
  const wrapper = mount(component as never, { props: { setup: setup.setup } } as never);
  const reload = async () => {
    await setup.load();
    await wrapper.setProps({ setup: setup.setup } as never);
    await flushPromises();
  };
  return { wrapper, setup, meetingId: chair.current?.id ?? '', reload };
}

const worstKInput = (wrapper: ReturnType<typeof mount>) => wrapper.findAll('input[type="number"]').find((i) => i.element.closest('label')?.textContent?.includes('评差最多可选'));

describe('setup forms and reloads', () => {
  it('settings: a K typed before a reload that changed nothing is kept and saved', async () => {
    const { wrapper, setup, meetingId, reload } = await mounted(SettingsSection);
    const k = worstKInput(wrapper);
    if (!k) throw new Error('no K input');
    const before = setup.setup?.settings.worstK;
    expect(before).not.toBe(8);
    await k.setValue('8');
    const first = setup.setup;
    await reload();
    expect(setup.setup).not.toBe(first); // a new object with the same values
    expect((k.element as HTMLInputElement).value).toBe('8');
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    const stored = await host().chair('meetingSetup', { meetingId });
    expect(stored.settings.worstK).toBe(8);
  });

  it('settings: a change stored by another console replaces the form', async () => {
    const { wrapper, setup, meetingId, reload } = await mounted(SettingsSection);
    const current = setup.setup?.settings;
    if (!current) throw new Error('no settings');
    await host().chair('updateSettings', { meetingId, settings: { ...current, worstK: 7 } });
    await reload();
    expect((worstKInput(wrapper)?.element as HTMLInputElement).value).toBe('7');
  });

  it('details: a place typed before a reload that changed nothing is kept', async () => {
    const { wrapper, reload } = await mounted(DetailsSection);
    const place = wrapper.findAll('input').find((i) => i.element.closest('label')?.textContent?.includes('会议地点'));
    if (!place) throw new Error('no place input');
    await place.setValue('区政务服务中心五楼小会议室');
    await reload();
    expect((place.element as HTMLInputElement).value).toBe('区政务服务中心五楼小会议室');
  });
});
