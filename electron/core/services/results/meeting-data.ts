/**
 * Everything one meeting's results are computed from, read from SQLite or from an exported
 * ballot file: the frozen definition, the ballots in canonical order and the vetoes. The same
 * shape from both sources is what makes re-tallying a file comparable with the stored results.
 */
import type { Store } from '../../store/database';
import type { BallotRow } from '../../store/rows';
import type { MeetingDefinition } from '../../../../shared/domain/ballot-rules';
import type { BallotContent, MeetingKind, MeetingStatus, TallyBallot, VoterGroup } from '../../../../shared/domain/model';
import { groupsOf } from '../../../../shared/domain/model';
import { err, ok, type Result } from '../../../../shared/domain/result';
import type { Veto } from '../../../../shared/tally';
import { findMeeting, meetingDefinition } from '../meetings';

/** One meeting as the results see it. */
export interface MeetingData {
  readonly meetingId: string;
  readonly title: string;
  readonly kind: MeetingKind;
  readonly status: MeetingStatus;
  readonly definition: MeetingDefinition;
  /** Canonical order: by group, then by the canonical JSON of the content; never arrival order. */
  readonly ballots: readonly TallyBallot[];
  readonly vetoes: readonly Veto[];
}

/** A ballot with its canonical JSON, which is both its sort key and its exported form. */
export interface CanonicalBallot {
  readonly group: VoterGroup;
  readonly json: string;
}

/** Sorts ballots by group (in the meeting's group order), then by content text, code unit by code unit. */
export function sortCanonically<T extends CanonicalBallot>(kind: MeetingKind, ballots: readonly T[]): T[] {
  const groupOrder = groupsOf(kind);
  return [...ballots].sort((a, b) => {
    const byGroup = groupOrder.indexOf(a.group) - groupOrder.indexOf(b.group);
    if (byGroup !== 0) return byGroup;
    return a.json < b.json ? -1 : a.json > b.json ? 1 : 0;
  });
}

/** The meeting's ballots as stored (content_json is already canonical JSON), in canonical order. */
export function storedBallots(store: Store, meetingId: string, kind: MeetingKind): CanonicalBallot[] {
  const rows = store.db.prepare('SELECT voter_group, content_json FROM ballots WHERE meeting_id = ?').all(meetingId) as Pick<BallotRow, 'voter_group' | 'content_json'>[];
  return sortCanonically(
    kind,
    rows.map((row) => ({ group: row.voter_group as VoterGroup, json: row.content_json })),
  );
}

/** The meeting's vetoes, by object position in the definition so that exports are stable. */
export function storedVetoes(store: Store, meetingId: string): Veto[] {
  return store.db.prepare('SELECT object_id AS objectId, reason FROM vetoes WHERE meeting_id = ? ORDER BY object_id').all(meetingId) as Veto[];
}

/** Whether results may be shown: only once voting has closed, never a partial count. */
export function resultsAvailable(status: MeetingStatus): boolean {
  return status === 'closed' || status === 'official';
}

/** Loads a meeting's results data; refuses before voting has closed. */
export function loadMeetingData(store: Store, meetingId: string): Result<MeetingData> {
  const found = findMeeting(store, meetingId);
  if (!found.ok) return found;
  const row = found.value;
  const status = row.status as MeetingStatus;
  if (!resultsAvailable(status)) return err('voting_not_closed', '投票结束后才能查看结果：请先在“投票”页结束投票。');
  const kind = row.kind as MeetingKind;
  return ok({
    meetingId,
    title: row.title,
    kind,
    status,
    definition: meetingDefinition(store, row),
    ballots: storedBallots(store, meetingId, kind).map((b) => ({ group: b.group, content: JSON.parse(b.json) as BallotContent })),
    vetoes: storedVetoes(store, meetingId),
  });
}
