/**
 * The printing area's use cases: sheet data, the slip hand-off, PDFs and opening a print.
 * Handlers (../handlers/printing.ts) and the in-process page answers of the PDF renderer both
 * call these, so a PDF shows exactly what the console's preview shows.
 */
import type { DataSheet, SheetData, SheetDataOf, SlipsSheet } from '../../../shared/api/chair/printing';
import { fail, ok, type Result } from '../../../shared/domain/result';
import type { Core } from '../core';
import type { Store } from '../store/database';
import { detailSheet, rankingAndDetailSheet, rankingSheet, receiptsSheet, worstSheet } from './result-sheets';
import { signInSheet, zeroReport } from './roster-sheets';
import { sheetHeader } from './sheet-header';
import { takeSlips } from './handoff';
import { paperBallotSheet, paperReconciliationSheet } from './paper-sheets';
import { consequencesSheet, historySheet, rectificationSheet } from './history-sheets';
import { auditSheet } from './audit-sheet';

/**
 * A data sheet's producer: its data computed from the database now. `objectId` narrows the
 * sheets printed one page per object (detail, rectification) to that object; others ignore it.
 */
type SheetProducer<S extends DataSheet> = (store: Store, meetingId: string, objectId: string | undefined) => Result<SheetDataOf<S>>;

/**
 * Every data sheet's producer, by the registry's sheet id (shared/print/sheets.ts). TypeScript
 * refuses this table when a data sheet has no producer or a producer returns another sheet's data.
 */
const PRODUCERS: { readonly [S in DataSheet]: SheetProducer<S> } = {
  signin: signInSheet,
  zero: zeroReport,
  ranking: rankingSheet,
  detail: detailSheet,
  // i13 (issue 13)
  rankingAndDetail: (store, meetingId) => rankingAndDetailSheet(store, meetingId),
  worst: worstSheet,
  receipts: receiptsSheet,
  // i17p (issue 17 part 1)
  paperBallot: paperBallotSheet,
  paperReconciliation: paperReconciliationSheet,
  // i16 (issue 16)
  history: historySheet,
  consequences: consequencesSheet,
  rectification: rectificationSheet,
  audit: auditSheet,
};

/** The data of one sheet, computed from the database now. */
export function printData(core: Core, input: { meetingId: string; sheet: DataSheet; objectId?: string | undefined }): Result<SheetData> {
  const produce: SheetProducer<DataSheet> = PRODUCERS[input.sheet];
  return produce(core.store, input.meetingId, input.objectId);
}

/** Takes the codes of a hand-off with their meeting's title block; a second take fails. */
export function slipsSheet(core: Core, handoff: string): Result<SlipsSheet> {
  const taken = takeSlips(core, handoff);
  if (!taken) return fail('handoff_gone');
  const found = sheetHeader(core.store, taken.meetingId);
  if (!found.ok) return found;
  return ok({ sheet: 'slips', header: found.value.header, codes: taken.codes });
}
