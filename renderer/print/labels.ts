/** Wording printed on the sheets (official documents: Chinese only). */
import type { RepresentativeCategory, VoterGroup } from '../../shared/domain/model';
import type { SheetHeader } from '../../shared/api/chair/printing';
import { VOTER_GROUPS } from '../../shared/domain/voter-groups';
import { SHEET_TITLES, type Sheet } from '../../shared/print/sheets';

export { SHEET_TITLES };

export const GROUP_LABELS = Object.fromEntries(VOTER_GROUPS.map((g) => [g.id, g.shortName.zh])) as Record<VoterGroup, string>;

export const CATEGORY_LABELS: Record<RepresentativeCategory, string> = {
  npc: '人大代表',
  cppcc: '政协委员',
  leader: '分管领导',
  recipient: '服务对象',
  staff: '本单位干部',
};

export const KIND_LABELS = { social: '社会测评', self: '单位自评' } as const;

/** Local date and time, to the minute: 2026-11-23 09:05. */
export function formatDateTime(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** The line repeated at the top of every page. */
export function runningHeader(header: SheetHeader, sheet: Sheet): string {
  return [header.title, SHEET_TITLES[sheet], header.heldOn, header.place].filter((part) => part !== '').join(' · ');
}
