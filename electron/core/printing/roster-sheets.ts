import type { Store } from '../store/database';
import type { SignInPerson, SignInSheet, ZeroReportSheet } from '../../../shared/api/chair/printing';
import { groupOfCategory, groupsOf, type MeetingKind, type RepresentativeCategory } from '../../../shared/domain/model';
import { fail, ok, type Result } from '../../../shared/domain/result';
import { turnout } from '../services/meetings';
import { sheetHeader } from './sheet-header';

/** 签到表: the roster in its own order, one table per voter group, with a signature column. */
export function signInSheet(store: Store, meetingId: string): Result<SignInSheet> {
  const found = sheetHeader(store, meetingId);
  if (!found.ok) return found;
  const { header, row } = found.value;
  const kind = row.kind as MeetingKind;
  const reps = store.db
    .prepare('SELECT name, unit, category FROM representatives WHERE meeting_id = ? ORDER BY position')
    .all(meetingId) as { name: string; unit: string; category: string }[];
  if (reps.length === 0) return fail('roster_empty', { action: 'print' });
  const groups = groupsOf(kind).map((group) => {
    const people: SignInPerson[] = reps
      .filter((r) => groupOfCategory(kind, r.category as RepresentativeCategory) === group)
      .map((r, index) => ({ seq: index + 1, name: r.name, unit: r.unit, category: r.category as RepresentativeCategory }));
    return { group, people };
  });
  return ok({ sheet: 'signin', header, groups: groups.filter((g) => g.people.length > 0) });
}

/**
 * 零票报告: before the first ballot arrives, proof in front of the room that the ballot box is
 * empty and how many codes each group was issued. Refused once any ballot exists.
 */
export function zeroReport(store: Store, meetingId: string): Result<ZeroReportSheet> {
  const found = sheetHeader(store, meetingId);
  if (!found.ok) return found;
  const { header, row } = found.value;
  const counts = turnout(store, row);
  if (counts.some((g) => g.ballots > 0)) return fail('ballots_exist', { action: 'zero_report' });
  return ok({
    sheet: 'zero',
    header,
    groups: counts.map((g) => ({ group: g.group, expected: g.expected, present: g.present, codesIssued: g.codesIssued, codesVoided: g.codesVoided, ballots: g.ballots })),
  });
}
