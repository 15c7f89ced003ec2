import type { printingInputs } from '../../../shared/api/chair/printing';
import { err, ok } from '../../../shared/domain/result';
import { stashSlips } from '../printing/handoff';
import { openSheet, renderSheetPdf } from '../printing/pdf-service';
import { meetingListRow } from '../printing/sheet-header';
import { printData, slipsSheet } from '../printing/sheet-service';
import type { Handlers } from './handler';

export const printingHandlers: Handlers<typeof printingInputs> = {
  printData: (core, input) => printData(core, input),
  stashSlips: (core, input) => {
    if (!meetingListRow(core.store, input.meetingId)) return err('meeting_not_found', '找不到这场评议会议，请刷新后重新选择。');
    return ok({ handoff: stashSlips(core, input.meetingId, input.codes) });
  },
  takeSlips: (core, input) => slipsSheet(core, input.handoff),
  renderPdf: (core, input) => renderSheetPdf(core, input),
  openPrint: (core, input) => {
    const { action, ...target } = input;
    return openSheet(core, target, action);
  },
};
