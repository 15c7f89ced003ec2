import type { printingInputs } from '../../../shared/api/chair/printing';
import { ok } from '../../../shared/domain/result';
import { stashSlips } from '../printing/handoff';
import { openSheet, renderSheetPdf } from '../printing/pdf-service';
import { findMeeting } from '../services/meetings';
import { printData, slipsSheet } from '../printing/sheet-service';
import type { Handlers } from './handler';

export const printingHandlers: Handlers<typeof printingInputs> = {
  printData: (core, input) => printData(core, input),
  stashSlips: (core, input) => {
    const meeting = findMeeting(core.store, input.meetingId);
    if (!meeting.ok) return meeting;
    return ok({ handoff: stashSlips(core, input.meetingId, input.codes) });
  },
  takeSlips: (core, input) => slipsSheet(core, input.handoff),
  renderPdf: (core, input) => renderSheetPdf(core, input),
  openPrint: (core, input) => {
    const { action, ...target } = input;
    return openSheet(core, target, action);
  },
};
