import type { SheetTarget } from '../../../shared/api/chair/printing';

/** The print route's query string for a sheet (read by renderer/print/route.ts). */
export function sheetQuery(target: SheetTarget, options: { pdf?: boolean } = {}): string {
  const params = new URLSearchParams({ sheet: target.sheet, meeting: target.meetingId });
  if (target.objectId !== undefined) params.set('object', target.objectId);
  if (target.handoff !== undefined) params.set('handoff', target.handoff);
  if (options.pdf === true) params.set('pdf', '1');
  return params.toString();
}
