import type { paperInputs } from '../../../shared/api/chair/paper';
import { paperDiscard, paperFirstEntry, paperResolve, paperSecondEntry, paperView } from '../services/paper';
import type { Handlers } from './handler';

/** Paper ballots keyed in twice (issue 17 part 1). */
export const paperHandlers: Handlers<typeof paperInputs> = {
  paperEntry: (core, input) => paperView(core.store, input.meetingId),
  paperFirstEntry: (core, input) => paperFirstEntry(core.store, core.events, input),
  paperSecondEntry: (core, input) => paperSecondEntry(core.store, core.events, input),
  paperResolve: (core, input) => paperResolve(core.store, core.events, input),
  paperDiscard: (core, input) => paperDiscard(core.store, core.events, input),
};
