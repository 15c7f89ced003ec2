/**
 * Counts per voter group of a meeting's codes, for turnout (ballot counts come from
 * store/ballot-store.ts). Read-only: the codes table is written only by services/codes.ts and voting.
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

/** The ids of the meetings that have stored ballots (the console greys out their 删除). */
export function meetingsWithBallots(store: Store): Set<string> {
  return new Set((prepared(store.db, 'SELECT DISTINCT meeting_id FROM ballots').all() as { meeting_id: string }[]).map((r) => r.meeting_id));
}

/** How many ballots of the meeting are stored in the clear (after close: all of them). */
export function plainBallotCount(store: Store, meetingId: string): number {
  return (prepared(store.db, 'SELECT COUNT(*) AS n FROM ballots WHERE meeting_id = ?').get(meetingId) as { n: number }).n;
}
