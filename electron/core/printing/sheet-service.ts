/**
 * The printing area's use cases: sheet data, the slip hand-off, PDFs and opening a print.
 * Handlers (../handlers/printing.ts) and the in-process page answers of the PDF renderer both
 * call these, so a PDF shows exactly what the console's preview shows.
 */
import type { DataSheet, SheetData, SlipsSheet } from '../../../shared/api/chair/printing';
import { assertNever, fail, ok, type Result } from '../../../shared/domain/result';
import type { Core } from '../core';
import { detailSheet, rankingSheet, receiptsSheet, worstSheet } from './result-sheets';
import { signInSheet, zeroReport } from './roster-sheets';
import { sheetHeader } from './sheet-header';
import { takeSlips } from './handoff';
import { paperBallotSheet, paperReconciliationSheet } from './paper-sheets';
import { consequencesSheet, historySheet, rectificationSheet } from './history-sheets';
import { auditSheet } from './audit-sheet';

/** The data of one sheet, computed from the database now. */
export function printData(core: Core, input: { meetingId: string; sheet: DataSheet; objectId?: string | undefined }): Result<SheetData> {
  switch (input.sheet) {
    case 'ranking':
      return rankingSheet(core.store, input.meetingId);
    case 'detail':
      return detailSheet(core.store, input.meetingId, input.objectId);
    case 'worst':
      return worstSheet(core.store, input.meetingId);
    case 'receipts':
      return receiptsSheet(core.store, input.meetingId);
    case 'signin':
      return signInSheet(core.store, input.meetingId);
    case 'zero':
      return zeroReport(core.store, input.meetingId);
    // i17p (issue 17 part 1)
    case 'paperBallot':
      return paperBallotSheet(core.store, input.meetingId);
    case 'paperReconciliation':
      return paperReconciliationSheet(core.store, input.meetingId);
    // i16 (issue 16)
    case 'history':
      return historySheet(core.store, input.meetingId);
    case 'consequences':
      return consequencesSheet(core.store, input.meetingId);
    case 'rectification':
      return rectificationSheet(core.store, input.meetingId, input.objectId);
    case 'audit':
      return auditSheet(core.store, input.meetingId);
    default:
      return assertNever(input.sheet, 'sheet');
  }
}

/** Takes the codes of a hand-off with their meeting's title block; a second take fails. */
export function slipsSheet(core: Core, handoff: string): Result<SlipsSheet> {
  const taken = takeSlips(core, handoff);
  if (!taken) return fail('handoff_gone');
  const found = sheetHeader(core.store, taken.meetingId);
  if (!found.ok) return found;
  return ok({ sheet: 'slips', header: found.value.header, codes: taken.codes });
}
