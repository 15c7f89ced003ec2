/** Codes, attendance, the tablet address and the voting window of the selected meeting. */
import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { IssuedCode } from '../../../shared/api/chair-contract';
import type { AttendanceCheck, VoidTarget } from '../../../shared/api/chair/voting';
import { isFirstOpening } from '../../../shared/domain/lifecycle';
import { call } from '../api';
import { useChairStore } from '../store';
import { openVotingAsking } from '../rehearsal/open-voting';

export const useVotingStore = defineStore('voting', () => {
  const chair = useChairStore();
  /**
   * Codes just generated: shown once, for printing (the print layouts build slips from this
   * IssuedCode[]). Kept in memory only, forgotten when another meeting's codes are generated.
   */
  const codes = ref<readonly IssuedCode[]>([]);
  const codesMeetingId = ref('');
  /**
   * Codes are on screen once: from generation until they are printed (or the chair hides them);
   * after that only behind 显示评议码 and a confirmation, since the laptop may be on the projector.
   */
  const codesHidden = ref(false);
  /** Set when opening was refused for attendance: the console asks for a written reason. */
  const attendance = ref<AttendanceCheck | null>(null);
  const notice = ref('');

  async function generateCodes(spares: number): Promise<void> {
    const meetingId = chair.current?.id;
    if (!meetingId) return;
    const issued = await call('generateCodes', { meetingId, spares }, { at: 'voting' });
    if (issued) {
      codes.value = issued;
      codesMeetingId.value = meetingId;
      codesHidden.value = false;
    }
    await chair.select(meetingId);
  }

  async function voidCodes(target: VoidTarget): Promise<boolean> {
    const meetingId = chair.current?.id;
    if (!meetingId) return false;
    const result = await call('voidCodes', { meetingId, target }, { at: 'void' });
    if (result && chair.current?.id === meetingId) chair.current = { ...chair.current, turnout: result.turnout };
    return result !== null;
  }

  /** Opens voting; from draft, checks attendance first and returns it when a reason is needed. */
  async function open(override?: string): Promise<void> {
    const meetingId = chair.current?.id;
    if (!meetingId) return;
    if (chair.current && isFirstOpening(chair.current.status, 'open') && override === undefined) {
      const check = await call('attendanceCheck', { meetingId }, { at: 'voting' });
      if (!check) return;
      if (!check.ok) {
        attendance.value = check;
        return;
      }
    }
    // i17r: asks first when a rehearsal of this meeting still votes.
    const opened = await openVotingAsking(override === undefined ? { meetingId } : { meetingId, override }, 'voting');
    if (opened) attendance.value = null;
    await chair.select(meetingId);
    await chair.loadMeetings();
  }

  async function voting(action: 'pauseVoting' | 'closeVoting'): Promise<void> {
    const meetingId = chair.current?.id;
    if (!meetingId) return;
    await call(action, { meetingId }, { at: 'voting' });
    await chair.select(meetingId);
    await chair.loadMeetings();
  }

  async function setTabletAddress(address: string): Promise<boolean> {
    const info = await call('setTabletAddress', { address }, { at: 'join' });
    if (info) chair.server = info;
    return info !== null;
  }

  return { codes, codesMeetingId, codesHidden, attendance, notice, generateCodes, voidCodes, open, voting, setTabletAddress };
});
