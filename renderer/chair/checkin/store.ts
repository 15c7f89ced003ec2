/** The check-in list of the selected meeting; reloaded whenever the meeting changes on the core side. */
import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { CheckInEntry } from '../../../shared/api/chair/voting';
import { call } from '../api';
import { useChairStore } from '../store';

export const useCheckInStore = defineStore('checkin', () => {
  const chair = useChairStore();
  const entries = ref<readonly CheckInEntry[]>([]);
  const meetingId = ref('');

  async function load(): Promise<void> {
    const id = chair.current?.id;
    if (!id) return;
    const list = await call('checkInList', { meetingId: id });
    if (list && chair.current?.id === id) {
      entries.value = list;
      meetingId.value = id;
    }
  }

  async function mark(entry: CheckInEntry, present: boolean): Promise<void> {
    const id = chair.current?.id;
    if (!id) return;
    const updated = await call('setCheckedIn', { meetingId: id, representativeId: entry.id, present }, { at: 'checkin' });
    if (updated) entries.value = entries.value.map((e) => (e.id === updated.id ? updated : e));
    // 应到/实到 in the shell arrive with the `changed` event the core emits.
  }

  return { entries, meetingId, load, mark };
});
