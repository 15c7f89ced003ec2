/**
 * Printing (issue 6): the data behind each A4 sheet, the one-time hand-off of code slips, and
 * PDFs rendered from the same print route the screen preview shows.
 */
import { z } from 'zod';
import { VOTER_GROUP_IDS } from '../../domain/voter-groups';
import { id } from './common';

import { DATA_SHEETS, SHEETS, type DataSheet, type Sheet, type SheetData, type SlipsSheet } from '../../print/sheets';

export { DATA_SHEETS, SHEETS, type DataSheet, type Sheet };

const voterGroup = z.enum(VOTER_GROUP_IDS);
/** A hand-off id: 22 base64url characters (128 bits). */
const handoffId = z.string().regex(/^[A-Za-z0-9_-]{22}$/);

/** Which sheet to render: the route's query string, parsed. */
export const sheetTarget = z.strictObject({
  meetingId: id,
  sheet: z.enum(SHEETS),
  /** Detail sheet of one object; all objects when absent. */
  objectId: id.optional(),
  /** Code slips only: the hand-off holding the codes. */
  handoff: handoffId.optional(),
});
export type SheetTarget = z.infer<typeof sheetTarget>;

export const printingInputs = {
  printData: z.strictObject({ meetingId: id, sheet: z.enum(DATA_SHEETS), objectId: id.optional() }),
  stashSlips: z.strictObject({
    meetingId: id,
    codes: z
      .array(z.strictObject({ group: voterGroup, code: z.string().regex(/^[0-9A-Z-]{13,20}$/), url: z.string().max(400) }))
      .min(1)
      .max(5000),
  }),
  takeSlips: z.strictObject({ handoff: handoffId }),
  renderPdf: sheetTarget,
  openPrint: sheetTarget.extend({ action: z.enum(['preview', 'print']) }),
} as const;

// Every sheet's data type (SheetHeader, RankingSheet, …, the SheetData union) is declared in
// shared/print/sheets.ts beside the sheet's registry entry, and re-exported here.
export type * from '../../print/sheets';

/** A rendered PDF. Slips are never saved by the app (they carry live codes): savedTo is null. */
export interface RenderedPdf {
  readonly fileName: string;
  readonly base64: string;
  readonly pages: number;
  /** Where the copy in the data folder's exports/ was written, or null. */
  readonly savedTo: string | null;
}

export interface PrintingOutputs {
  printData: SheetData;
  stashSlips: { readonly handoff: string };
  takeSlips: SlipsSheet;
  renderPdf: RenderedPdf;
  openPrint: { readonly opened: true };
}
