import type { votingInputs } from '../../../shared/api/chair/voting';
import { generateCodes } from '../services/codes';
import { changeVoting } from '../services/voting';
import type { Handlers } from './handler';

export const votingHandlers: Handlers<typeof votingInputs> = {
  generateCodes: (core, input) => generateCodes(core.store, { ...input, joinUrl: core.tabletUrl }),
  openVoting: (core, input) => changeVoting(core.store, core.events, input.meetingId, 'open'),
  pauseVoting: (core, input) => changeVoting(core.store, core.events, input.meetingId, 'pause'),
  closeVoting: (core, input) => changeVoting(core.store, core.events, input.meetingId, 'close'),
};
