/**
 * SQL filters on a meeting's status, derived from shared/domain/lifecycle.ts so that a query and
 * the predicate a service asks can never disagree. The lists are constants of ours, never input.
 */
import { statusesWhere, type MeetingStatus } from '../../../shared/domain/lifecycle';

/** `(<column> IN ('a', 'b'))` for the statuses where `predicate` holds. */
export function statusIn(column: string, predicate: (status: MeetingStatus) => boolean): string {
  const list = statusesWhere(predicate);
  return list.length === 0 ? '(0)' : `(${column} IN (${list.map((s) => `'${s}'`).join(', ')}))`;
}
