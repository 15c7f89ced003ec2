import type { meetingInputs } from '../../../shared/api/chair/meetings';
import { ok } from '../../../shared/domain/result';
import { listMeetings, meetingView } from '../services/meetings';
import { createDemoMeeting } from '../services/demo';
import type { Handlers } from './handler';
import { tabletContacted } from '../server/tablet-contact';

export const meetingHandlers: Handlers<typeof meetingInputs> = {
  serverInfo: (core) => ok({ tabletUrl: core.tabletUrl, lanAddresses: core.lanAddresses, mode: core.mode, tabletsSeen: tabletContacted(core) }),
  listMeetings: (core) => ok(listMeetings(core.store)),
  getMeeting: (core, input) => meetingView(core.store, input.meetingId),
  createDemo: (core) => ok(createDemoMeeting(core.store)),
};
