import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RenderedPdf, SheetTarget } from '../../../shared/api/chair/printing';
import { fail, ok, type Result } from '../../../shared/domain/result';
import type { Core } from '../core';
import { recordAudit } from '../services/audit';
import { chromiumDriver, keptChromium, KeptChromium } from './chromium-pdf';
import { countPdfPages } from './pdf-templates';
import { registeredPrintDriver } from './print-driver';
import { findMeeting } from '../services/meetings';
import { printQuery, sheetEntry, sheetPdfFileName, type Sheet } from '../../../shared/print/sheets';
import { resultSheetState, type ResultSheetNaming } from './result-sheets';
import { resultStateFileTag } from '../../../shared/rules/result-state';
import { roundNames } from '../services/results/round';

const RESULT_SHEETS: ReadonlySet<Sheet> = new Set<Sheet>(['ranking', 'detail', 'rankingAndDetail', 'worst', 'receipts']);

function stamp(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}-${pad(now.getHours())}${pad(now.getMinutes())}${pad(now.getSeconds())}`;
}

/** The campaign and round names a sheet that covers a campaign or round is named by; null for the others. */
function coveredNames(core: Core, sheet: Sheet, roundId: string): { readonly campaign: string; readonly round: string } | null {
  return sheetEntry(sheet).covers === undefined ? null : roundNames(core.store, roundId);
}

/**
 * Renders a sheet to PDF with the shell's driver (Electron's webContents, or the local
 * Chromium in browser mode), keeps a copy in the data folder's exports/ and returns the bytes.
 * Code slips are the exception: they carry live codes, so the app never writes them anywhere.
 */
export async function renderSheetPdf(core: Core, target: SheetTarget, now = new Date()): Promise<Result<RenderedPdf>> {
  const found = findMeeting(core.store, target.meetingId);
  if (!found.ok) return found;
  const meeting = found.value;
  if (target.sheet === 'slips' && target.handoff === undefined) return fail('handoff_missing');
  const driver = registeredPrintDriver(core) ?? chromiumDriver(core);
  const rendered = await driver.renderPdf(printQuery({ ...target, pdf: true }));
  if ('error' in rendered) return fail('pdf_failed', rendered.error);
  const pages = countPdfPages(rendered.pdf);
  // Result sheets say draft or official in the file name as in their title; the round's totals
  // (本轮综合排序表) are named by campaign and round, as the sheet is titled; so are the sheets
  // that cover a campaign or round (i16: history, consequences, rectification).
  let naming: ResultSheetNaming | null = null;
  if (RESULT_SHEETS.has(target.sheet)) {
    const found = resultSheetState(core.store, target.meetingId);
    if (found.ok) naming = found.value;
  }
  const fileName = sheetPdfFileName({
    sheet: target.sheet,
    meetingTitle: meeting.title,
    round: target.sheet === 'ranking' ? (naming?.round ?? null) : coveredNames(core, target.sheet, meeting.round_id),
    stateTag: naming === null ? null : resultStateFileTag(naming.state),
    stamp: stamp(now),
    rehearsal: (meeting.rehearsal_of ?? null) !== null,
  });
  let savedTo: string | null = null;
  if (target.sheet !== 'slips') {
    const dir = join(core.dataDir, 'exports');
    mkdirSync(dir, { recursive: true });
    savedTo = join(dir, fileName);
    writeFileSync(savedTo, rendered.pdf);
  }
  recordAudit(core.store, target.meetingId, 'render_pdf', { sheet: target.sheet, pages });
  return ok({ fileName, base64: Buffer.from(rendered.pdf).toString('base64'), pages, savedTo });
}

/** Opens a preview or the system print dialog where the shell can (Electron). */
export async function openSheet(core: Core, target: SheetTarget, action: 'preview' | 'print'): Promise<Result<{ opened: true }>> {
  const found = findMeeting(core.store, target.meetingId);
  if (!found.ok) return found;
  const driver = registeredPrintDriver(core);
  if (!driver?.open) return fail('not_available');
  await driver.open(printQuery(target), action);
  return ok({ opened: true });
}

/**
 * Starts browser mode's Chromium in the background ahead of the first PDF (for instance when
 * voting closes), so the chair's first sheet does not wait for the launch and the first page.
 * Does nothing where the shell renders PDFs itself (Electron) or no browser is found.
 */
export function warmUpPdf(core: Core): Promise<void> {
  if (registeredPrintDriver(core)) return Promise.resolve();
  const chromium = keptChromium(core);
  return chromium instanceof KeptChromium ? chromium.warmUp() : Promise.resolve();
}
