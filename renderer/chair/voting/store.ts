/** Codes and the voting window of the selected meeting. */
import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { IssuedCode } from '../../../shared/api/chair-contract';
import { call } from '../api';
import { useChairStore } from '../store';

export const useVotingStore = defineStore('voting', () => {
  const chair = useChairStore();
  /** Codes just generated: shown once, for printing. Forgotten when another meeting is selected. */
  const codes = ref<readonly IssuedCode[]>([]);
  const codesMeetingId = ref('');

  async function generateCodes(spares: number): Promise<void> {
    const meetingId = chair.current?.id;
    if (!meetingId) return;
    const issued = await call('generateCodes', { meetingId, spares });
    if (issued) {
      codes.value = issued;
      codesMeetingId.value = meetingId;
    }
    await chair.select(meetingId);
  }

  async function voting(action: 'openVoting' | 'pauseVoting' | 'closeVoting'): Promise<void> {
    const meetingId = chair.current?.id;
    if (!meetingId) return;
    await call(action, { meetingId });
    await chair.select(meetingId);
    await chair.loadMeetings();
  }

  return { codes, codesMeetingId, generateCodes, voting };
});
