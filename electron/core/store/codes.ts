/**
 * Bulk changes to a meeting's codes (one code at a time goes through store/ballot-store.ts,
 * which the ballot path shares). Only issued codes are voided: a used code's ballot counts.
 */
import type { Store } from './database';
import type { VoterGroup } from '../../../shared/domain/model';
import { prepared } from './statements';

/** Voids every issued code of the meeting, or of one group of it; how many were voided. */
export function voidIssuedCodes(store: Store, meetingId: string, group: VoterGroup | null): number {
  const sql = "UPDATE codes SET state = 'voided' WHERE meeting_id = ? AND state = 'issued'";
  return group === null ? prepared(store.db, sql).run(meetingId).changes : prepared(store.db, `${sql} AND voter_group = ?`).run(meetingId, group).changes;
}
