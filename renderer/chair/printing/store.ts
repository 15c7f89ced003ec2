/**
 * Printing from the console. Electron opens its own preview window (openPrint); browser mode
 * opens the print route in a new tab of this origin, which inherits this tab's session (token).
 * Code slips go through a one-time hand-off in the core's memory (stashSlips), never to disk.
 */
import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { IssuedCode } from '../../../shared/api/chair-contract';
import type { Sheet } from '../../../shared/api/chair/printing';
import { printQuery } from '../../../shared/print/sheets';
import { call, lastError } from '../api';
import { download } from '../files';
import { useChairStore } from '../store';
import { tp } from './messages';

export interface PrintRequest {
  readonly sheet: Sheet;
  readonly objectId?: string;
  /** Code slips: the codes just generated. */
  readonly codes?: readonly IssuedCode[];
}

function query(meetingId: string, request: PrintRequest, handoff?: string): string {
  return printQuery({ sheet: request.sheet, meetingId, objectId: request.objectId, handoff });
}


export const usePrintingStore = defineStore('printing', () => {
  const chair = useChairStore();
  /**
   * What the last PDF did, kept with the meeting and sheet it belongs to: the 打印 tab shows it
   * beside that sheet only, never under another meeting (issue 18: "PDF 已保存" of another meeting).
   */
  const message = ref<{ meetingId: string; sheet: Sheet; text: string } | null>(null);
  const busy = ref<string | null>(null);

  async function handoffFor(meetingId: string, request: PrintRequest): Promise<string | undefined | null> {
    if (request.sheet !== 'slips') return undefined;
    if (!request.codes || request.codes.length === 0) {
      lastError.value = tp('slipsFromVoting');
      return null;
    }
    const stashed = await call('stashSlips', { meetingId, codes: request.codes.map((c) => ({ group: c.group, code: c.code, url: c.url })) });
    return stashed ? stashed.handoff : null;
  }

  /** Opens the sheet for the browser's or the system's print dialog; true once it was handed over. */
  async function preview(request: PrintRequest): Promise<boolean> {
    const meetingId = chair.current?.id;
    if (!meetingId) return false;
    message.value = null;
    // Opened before any await so the browser treats it as the click's own window.
    const win = chair.server?.mode === 'electron' ? null : window.open('', '_blank');
    const handoff = await handoffFor(meetingId, request);
    if (handoff === null) {
      win?.close();
      return false;
    }
    if (chair.server?.mode === 'electron') {
      return (await call('openPrint', { meetingId, sheet: request.sheet, action: 'preview', ...(request.objectId ? { objectId: request.objectId } : {}), ...(handoff ? { handoff } : {}) })) !== null;
    }
    if (!win) {
      lastError.value = tp('popupBlocked');
      return false;
    }
    win.location.href = new URL(`../print/index.html?${query(meetingId, request, handoff)}`, location.href).href;
    return true;
  }

  /** Has the host render the PDF, then downloads it; true once downloaded. */
  async function pdf(request: PrintRequest): Promise<boolean> {
    const meetingId = chair.current?.id;
    if (!meetingId) return false;
    message.value = null;
    busy.value = request.sheet;
    try {
      const handoff = await handoffFor(meetingId, request);
      if (handoff === null) return false;
      const rendered = await call('renderPdf', { meetingId, sheet: request.sheet, ...(request.objectId ? { objectId: request.objectId } : {}), ...(handoff ? { handoff } : {}) });
      if (!rendered) return false;
      download({ fileName: rendered.fileName, base64: rendered.base64, mimeType: 'application/pdf' });
      const text = rendered.savedTo ? tp('savedTo', { path: rendered.savedTo }) : tp('downloaded', { name: rendered.fileName, pages: rendered.pages });
      message.value = { meetingId, sheet: request.sheet, text };
      return true;
    } finally {
      busy.value = null;
    }
  }

  return { message, busy, preview, pdf };
});
