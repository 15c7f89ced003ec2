import type { votingInputs } from '../../../shared/api/chair/voting';
import { ok } from '../../../shared/domain/result';
import { generateCodes, voidCodes } from '../services/codes';
import { changeVoting } from '../services/voting';
import { attendanceCheck, checkInList, setCheckedIn } from '../services/checkin';
import { findMeeting, turnout } from '../services/meetings';
import { changeTabletAddress } from '../server/tablet-binding';
import type { Handlers } from './handler';

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
  openVoting: (core, input) => changeVoting(core.store, core.events, input.meetingId, 'open', { override: input.override }),
  pauseVoting: (core, input) => changeVoting(core.store, core.events, input.meetingId, 'pause'),
  closeVoting: (core, input) => changeVoting(core.store, core.events, input.meetingId, 'close'),
  setTabletAddress: (core, input) => changeTabletAddress(core, input.address),
};
