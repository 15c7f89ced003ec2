/**
 * Counts per voter group of a meeting's codes and ballots, for turnout. Read-only: the codes and
 * ballots tables are written only by services/codes.ts and the ballot writer.
 */
import type { Store } from './database';
import { prepared } from './statements';

export interface CodeCount {
  readonly voterGroup: string;
  readonly state: string;
  readonly n: number;
}

export function codeCounts(store: Store, meetingId: string): CodeCount[] {
  const rows = prepared(store.db, 'SELECT voter_group, state, COUNT(*) AS n FROM codes WHERE meeting_id = ? GROUP BY voter_group, state').all(meetingId) as {
    voter_group: string;
    state: string;
    n: number;
  }[];
  return rows.map((r) => ({ voterGroup: r.voter_group, state: r.state, n: r.n }));
}

export function ballotCounts(store: Store, meetingId: string): Map<string, number> {
  const rows = prepared(store.db, 'SELECT voter_group, COUNT(*) AS n FROM ballots WHERE meeting_id = ? GROUP BY voter_group').all(meetingId) as { voter_group: string; n: number }[];
  return new Map(rows.map((r) => [r.voter_group, r.n]));
}
