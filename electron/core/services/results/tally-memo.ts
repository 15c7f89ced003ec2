/**
 * A closed meeting's input check and tally, computed once per ballot set instead of once per
 * caller. A ranking sheet used to check and tally each meeting twice (roundResults to choose the
 * sheet's ranking, meetingResults for its rows), and a detail sheet did it all again.
 *
 * Results are kept under the ballot set's explicit version key (MeetingData.ballotSetVersion,
 * a new one whenever a closed meeting's ballots are read afresh), never under whatever the array
 * looks like: a key says what it stands for. The rest of the input (definition, settings,
 * vetoes) is part of the per-set key. Kept results are frozen: every caller shares them.
 */
import { tallyGradedMeeting, type GradedMeetingInput, type GradedMeetingTally } from '../../../../shared/tally';

/** Results kept per ballot set (a few views of one meeting: check, tally, publication, fingerprint). */
const KEPT_PER_BALLOT_SET = 6;
/** Ballot sets whose results are kept, most recently used last. */
const KEPT_BALLOT_SETS = 8;
const kept = new Map<string, Map<string, unknown>>();

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}

/** Keeps at most `limit` entries, dropping the least recently used (the first in insertion order). */
function trim(map: Map<string, unknown>, limit: number): void {
  for (const oldest of map.keys()) {
    if (map.size <= limit) break;
    map.delete(oldest);
  }
}

/**
 * `compute()` once per ballot-set version and key; `key` must say everything else the result
 * depends on. Without a version (ballots that are no closed meeting's set) it computes every time.
 */
export function oncePerBallotSet<T>(version: string | null, key: string, compute: () => T): T {
  if (version === null) return compute();
  let results = kept.get(version);
  if (results) kept.delete(version);
  kept.set(version, (results ??= new Map()));
  trim(kept, KEPT_BALLOT_SETS);
  if (results.has(key)) return results.get(key) as T;
  const value = deepFreeze(compute());
  results.set(key, value);
  trim(results, KEPT_PER_BALLOT_SET);
  return value;
}

/** tallyGradedMeeting, once per closed meeting's ballot-set version and input. */
export function tallyGradedOnce(input: GradedMeetingInput, version: string | null): GradedMeetingTally {
  const { ballots: _ballots, ...rest } = input;
  return oncePerBallotSet(version, `graded-tally:${JSON.stringify(rest)}`, () => tallyGradedMeeting(input));
}
