/** Wording printed on the sheets (official documents: Chinese only). */
import type { RepresentativeCategory, VoterGroup } from '../../shared/domain/model';
import type { SheetHeader } from '../../shared/api/chair/printing';
import { DRAFT_MARK, OFFICIAL_MARK, REHEARSAL_MARK } from '../../shared/rules/result-state';
import { GROUP_NAMES_ZH } from '../../shared/rules/group-names';
import { SHEET_TITLES, type Sheet } from '../../shared/print/sheets';
import { categoryLabels } from '../../shared/domain/voter-groups';

export { SHEET_TITLES };

/** The one name of each group (shared/rules/group-names.ts, from the voter-group catalogue). */
export const GROUP_LABELS: Readonly<Record<VoterGroup, string>> = GROUP_NAMES_ZH;

/** The printed word of each roster category (the category catalogue's). */
export const CATEGORY_LABELS: Readonly<Record<RepresentativeCategory, string>> = categoryLabels('zh');

export const KIND_LABELS = { social: '社会测评', self: '单位自评' } as const;

/** Local date and time, to the minute: 2026-11-23 09:05. */
export function formatDateTime(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** The line repeated at the top of every page; a result sheet's says 初步结果（未确认） or 正式结果 on each page. */
export function runningHeader(header: SheetHeader, sheet: Sheet): string {
  const state = header.resultState === null ? '' : header.resultState.official ? OFFICIAL_MARK : DRAFT_MARK;
  return [header.rehearsal ? REHEARSAL_MARK : '', header.title, header.sheetName ?? SHEET_TITLES[sheet], state, header.heldOn, header.place].filter((part) => part !== '').join(' · ');
}
