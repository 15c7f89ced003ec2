/**
 * The print route's query: `?sheet=ranking&meeting=ID[&object=ID][&handoff=ID][&pdf=1]`
 * (written by electron/core/printing/sheet-query.ts and by the console's printing store).
 */
export type SheetName = 'ranking' | 'detail' | 'worst' | 'receipts' | 'signin' | 'slips' | 'zero';

export interface PrintRoute {
  readonly sheet: SheetName;
  readonly meetingId: string;
  readonly objectId?: string;
  readonly handoff?: string;
  /** Rendered for a PDF: page numbers come from the PDF's footer template, not from CSS. */
  readonly pdf: boolean;
}

const SHEETS: readonly SheetName[] = ['ranking', 'detail', 'worst', 'receipts', 'signin', 'slips', 'zero'];
const ID = /^[\w-]{1,64}$/;

/** Parses a query string; null when it names no known sheet or a malformed id. */
export function parseRoute(search: string): PrintRoute | null {
  const params = new URLSearchParams(search);
  const sheet = SHEETS.find((s) => s === params.get('sheet'));
  const meetingId = params.get('meeting') ?? '';
  const objectId = params.get('object');
  const handoff = params.get('handoff');
  if (!sheet || !ID.test(meetingId)) return null;
  if (objectId !== null && !ID.test(objectId)) return null;
  if (handoff !== null && !ID.test(handoff)) return null;
  return {
    sheet,
    meetingId,
    ...(objectId === null ? {} : { objectId }),
    ...(handoff === null ? {} : { handoff }),
    pdf: params.get('pdf') === '1',
  };
}

/** The query string for a route (what the console opens). */
export function routeQuery(route: Omit<PrintRoute, 'pdf'>): string {
  const params = new URLSearchParams({ sheet: route.sheet, meeting: route.meetingId });
  if (route.objectId !== undefined) params.set('object', route.objectId);
  if (route.handoff !== undefined) params.set('handoff', route.handoff);
  return params.toString();
}
