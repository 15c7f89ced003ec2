/**
 * What setup and results show next to each object of a round (issue 16): its commitments and
 * rectification entries so far, and the consequence rules it meets. Loaded once per round and
 * again whenever the core says something changed.
 */
import { defineStore } from 'pinia';
import { ref, watch } from 'vue';
import type { ObjectFollowups, RoundConsequences } from '../../../shared/api/chair/history';
import { call } from '../api';
import { useChairStore } from '../store';

export const useRoundNotesStore = defineStore('round-notes', () => {
  const chair = useChairStore();
  const roundId = ref<string | null>(null);
  const followups = ref<ReadonlyMap<string, ObjectFollowups>>(new Map());
  const consequences = ref<RoundConsequences | null>(null);

  async function load(id: string): Promise<void> {
    roundId.value = id;
    const entries = await call('roundFollowups', { roundId: id });
    followups.value = new Map((entries ?? []).map((f) => [f.objectId, f]));
    consequences.value = await call('roundConsequences', { roundId: id });
  }

  watch(
    () => chair.revision,
    () => {
      if (roundId.value !== null) void load(roundId.value);
    },
  );

  return { roundId, followups, consequences, load };
});
