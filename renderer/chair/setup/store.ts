/**
 * The 准备 (setup) area's state: the campaign tree for the sidebar and the selected meeting's
 * setup. Every change goes through `act`, which reloads the setup afterwards; other consoles
 * reload through the core's `changed` events (the shell bumps `revision` and reloads meetings).
 */
import { defineStore } from 'pinia';
import { ref, watch } from 'vue';
import type { ChairInput, ChairMethod, ChairOutputs } from '../../../shared/api/chair-contract';
import type { MeetingSetup, TreeCampaign } from '../../../shared/api/chair/setup';
import { call, type CallOptions } from '../api';
import { useChairStore } from '../store';

export const useSetupStore = defineStore('setup', () => {
  const chair = useChairStore();
  const tree = ref<readonly TreeCampaign[]>([]);
  const setup = ref<MeetingSetup | null>(null);

  async function loadTree(): Promise<void> {
    tree.value = (await call('setupTree', {})) ?? tree.value;
  }

  async function load(): Promise<void> {
    const meetingId = chair.current?.id;
    if (!meetingId) {
      setup.value = null;
      return;
    }
    const loaded = await call('meetingSetup', { meetingId });
    // A slow answer for a meeting no longer selected is dropped.
    if (loaded && loaded.meeting.id === chair.current?.id) setup.value = loaded;
  }

  /** Runs a change; on success reloads this meeting's setup and the tree. Returns null on failure (shown at `options.at`, else in the banner). */
  async function act<M extends ChairMethod>(method: M, input: ChairInput<M>, options: CallOptions = {}): Promise<ChairOutputs[M] | null> {
    const result = await call(method, input, options);
    if (result !== null) await Promise.all([load(), loadTree(), chair.loadMeetings()]);
    return result;
  }

  watch(() => chair.revision, () => void load());
  watch(() => chair.meetings, () => void loadTree());

  return { tree, setup, load, loadTree, act };
});
