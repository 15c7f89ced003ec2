import type { resultsInputs } from '../../../shared/api/chair/results';
import { meetingResults } from '../services/results';
import type { Handlers } from './handler';

export const resultsHandlers: Handlers<typeof resultsInputs> = {
  results: (core, input) => meetingResults(core.store, input.meetingId),
};
