import type { setupInputs } from '../../../shared/api/chair/setup';
import type { Handlers } from './handler';

export const setupHandlers: Handlers<typeof setupInputs> = {};
