/**
 * Everything one meeting's results are computed from, read from SQLite or from an exported
 * ballot file: the frozen definition, the ballots in canonical order and the vetoes. The same
 * shape from both sources is what makes re-tallying a file comparable with the stored results.
 */
import type { Db, Store } from '../../store/database';
import { ballotStore } from '../../store/ballot-store';
import { plainBallotCount } from '../../store/counts';
import { listVetoes } from '../../store/vetoes';
import type { MeetingDefinition } from '../../../../shared/domain/ballot-rules';
import type { BallotContent, MeetingKind, MeetingStatus, TallyBallot, VoterGroup } from '../../../../shared/domain/model';
import { groupsOf } from '../../../../shared/domain/model';
import { meetingStatus, resultsAvailable } from '../../../../shared/domain/lifecycle';
import { fail, ok, type Result } from '../../../../shared/domain/result';
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
  /**
   * Names this exact ballot set: a new version whenever the set is read afresh (the count
   * changed, or the cache dropped it). What is computed from the ballots is kept under it.
   * Null for ballots read from a file: nothing is kept for those.
   */
  readonly ballotSetVersion: string | null;
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
  return sortCanonically(
    kind,
    ballotStore(store.db).plainBallots(meetingId).map((row) => ({ group: row.group, json: row.contentJson })),
  );
}

/** The meeting's vetoes, by object position in the definition so that exports are stable. */
export function storedVetoes(store: Store, meetingId: string): Veto[] {
  return listVetoes(store, meetingId);
}

/** How many closed meetings' parsed ballots are kept (≈ 10–20 MB each for 1,000 full ballots). */
const KEPT_MEETINGS = 4;
const parsedCache = new WeakMap<Db, Map<string, ClosedBallotSet & { count: number; kind: MeetingKind }>>();
let ballotSetSerial = 0;

/** A closed meeting's parsed ballots and the version key naming this reading of them. */
export interface ClosedBallotSet {
  readonly ballots: readonly TallyBallot[];
  readonly version: string;
}

/**
 * A closed meeting's ballots, parsed, in canonical order. A closed meeting takes no more ballots
 * (the tablet server refuses them), so they are read and parsed once rather than by every tally,
 * results view and printed sheet (a ranking sheet loaded them three times: ~100 ms each for
 * 1,000 full ballots, see docs/performance.md). The count is checked on every use all the same.
 */
export function closedMeetingBallots(store: Store, meetingId: string, kind: MeetingKind): readonly TallyBallot[] {
  return closedBallotSet(store, meetingId, kind).ballots;
}

/** closedMeetingBallots with the set's version key (see MeetingData.ballotSetVersion). */
export function closedBallotSet(store: Store, meetingId: string, kind: MeetingKind): ClosedBallotSet {
  let cache = parsedCache.get(store.db);
  if (!cache) parsedCache.set(store.db, (cache = new Map()));
  const count = plainBallotCount(store, meetingId);
  const kept = cache.get(meetingId);
  if (kept && kept.count === count && kept.kind === kind) {
    // Most recently used last, so the oldest is the one dropped.
    cache.delete(meetingId);
    cache.set(meetingId, kept);
    return kept;
  }
  const ballots = Object.freeze(storedBallots(store, meetingId, kind).map((b) => ({ group: b.group, content: JSON.parse(b.json) as BallotContent })));
  cache.delete(meetingId);
  ballotSetSerial += 1;
  const entry = { count: ballots.length, kind, ballots, version: `${meetingId}@${ballots.length}#${ballotSetSerial}` };
  cache.set(meetingId, entry);
  for (const oldest of cache.keys()) {
    if (cache.size <= KEPT_MEETINGS) break;
    cache.delete(oldest);
  }
  return entry;
}

/** Loads a meeting's results data; refuses before voting has closed. */
export function loadMeetingData(store: Store, meetingId: string): Result<MeetingData> {
  const found = findMeeting(store, meetingId);
  if (!found.ok) return found;
  const row = found.value;
  const status = meetingStatus(row.status);
  // Results wait until the close has finished rewriting the ballots (services/anonymise.ts).
  if (!resultsAvailable(status)) return fail('voting_not_closed', { action: 'view_results' });
  if (ballotStore(store.db).isAnonymisationPending(meetingId)) return fail('anonymisation_pending');
  const kind = row.kind as MeetingKind;
  const set = closedBallotSet(store, meetingId, kind);
  return ok({
    meetingId,
    title: row.title,
    kind,
    status,
    definition: meetingDefinition(store, row),
    ballots: set.ballots,
    ballotSetVersion: set.version,
    vetoes: storedVetoes(store, meetingId),
  });
}
