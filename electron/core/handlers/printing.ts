import type { printingInputs } from '../../../shared/api/chair/printing';
import type { Handlers } from './handler';

export const printingHandlers: Handlers<typeof printingInputs> = {};
