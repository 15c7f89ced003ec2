/** Results of the selected meeting, loaded only once voting has closed. */
import { defineStore } from 'pinia';
import { ref, watch } from 'vue';
import type { MeetingResults } from '../../../shared/api/chair-contract';
import { call } from '../api';
import { useChairStore } from '../store';

export const useResultsStore = defineStore('results', () => {
  const chair = useChairStore();
  const results = ref<MeetingResults | null>(null);

  async function load(): Promise<void> {
    const meeting = chair.current;
    results.value = meeting && (meeting.status === 'closed' || meeting.status === 'official') ? await call('results', { meetingId: meeting.id }) : null;
  }

  watch(() => chair.revision, load);
  return { results, load };
});
