import type { votingInputs } from '../../../shared/api/chair/voting';
import { ok } from '../../../shared/domain/result';
import { generateCodes, voidCodes } from '../services/codes';
import { changeVoting } from '../services/voting';
import { attendanceCheck, checkInList, setCheckedIn } from '../services/checkin';
import { findMeeting, turnout } from '../services/meetings';
import { changeTabletAddress } from '../server/tablet-binding';
import type { Handlers } from './handler';
import { rehearsalOpenCheck } from '../services/rehearsal';
import { recordAudit } from '../services/audit';

export const votingHandlers: Handlers<typeof votingInputs> = {
  generateCodes: (core, input) => {
    const issued = generateCodes(core.store, { ...input, joinUrl: core.tabletUrl });
    // Every open console learns of new codes as it learns of ballots and voided codes: the
    // turnout it is pushed carries the code counts (a second window no longer waits for a reload).
    if (issued.ok) {
      const meeting = findMeeting(core.store, input.meetingId);
      if (meeting.ok) core.events.emit({ type: 'turnout', meetingId: input.meetingId, turnout: turnout(core.store, meeting.value) });
    }
    return issued;
  },
  voidCodes: (core, input) => voidCodes(core.store, core.events, input),
  checkInList: (core, input) => checkInList(core.store, input.meetingId),
  setCheckedIn: (core, input) => setCheckedIn(core.store, core.events, input),
  attendanceCheck: (core, input) => {
    const meeting = findMeeting(core.store, input.meetingId);
    return meeting.ok ? ok(attendanceCheck(core.store, meeting.value)) : meeting;
  },
  openVoting: (core, input) => {
    // i17r: a rehearsal of this meeting still voting asks first (rehearsal_open), then opens when confirmed.
    const check = rehearsalOpenCheck(core.store, input.meetingId, input.despiteRehearsal === true);
    if (!check.ok) return check;
    const opened = changeVoting(core.store, core.events, input.meetingId, 'open', { override: input.override });
    if (opened.ok && check.value.despite) recordAudit(core.store, input.meetingId, 'open_despite_rehearsal', {});
    return opened;
  },
  pauseVoting: (core, input) => changeVoting(core.store, core.events, input.meetingId, 'pause'),
  closeVoting: (core, input) => changeVoting(core.store, core.events, input.meetingId, 'close'),
  setTabletAddress: (core, input) => changeTabletAddress(core, input.address),
};
