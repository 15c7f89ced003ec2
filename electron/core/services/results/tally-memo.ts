/**
 * A closed meeting's input check and tally, computed once per ballot set instead of once per
 * caller. A ranking sheet used to check and tally each meeting twice (roundResults to choose the
 * sheet's ranking, meetingResults for its rows), and a detail sheet did it all again.
 *
 * Only the frozen ballot arrays of closed meetings (closedMeetingBallots) are memoised: they are
 * replaced, never changed, when the stored ballots change, so the array's identity says whether a
 * kept result still fits. The rest of the input (definition, settings, vetoes) is part of the
 * key. Kept results are frozen: every caller shares them and none may change them.
 */
import type { TallyBallot } from '../../../../shared/domain/model';
import { tallyGradedMeeting, type GradedMeetingInput, type GradedMeetingTally } from '../../../../shared/tally';

/** Results kept per ballot set (a few views of one meeting: check, tally). */
const KEPT_PER_BALLOT_SET = 4;
const kept = new WeakMap<readonly TallyBallot[], Map<string, unknown>>();

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}

/**
 * `compute()` once per ballot set and key; `key` must say everything else the result depends on.
 * Ballots that are not a closed meeting's frozen set are computed every time.
 */
export function oncePerBallotSet<T>(ballots: readonly TallyBallot[], key: string, compute: () => T): T {
  if (!Object.isFrozen(ballots)) return compute();
  let results = kept.get(ballots);
  if (!results) kept.set(ballots, (results = new Map()));
  if (results.has(key)) return results.get(key) as T;
  const value = deepFreeze(compute());
  results.set(key, value);
  for (const oldest of results.keys()) {
    if (results.size <= KEPT_PER_BALLOT_SET) break;
    results.delete(oldest);
  }
  return value;
}

/** tallyGradedMeeting, once per closed meeting's ballot set and input. */
export function tallyGradedOnce(input: GradedMeetingInput): GradedMeetingTally {
  const { ballots, ...rest } = input;
  return oncePerBallotSet(ballots, `graded-tally:${JSON.stringify(rest)}`, () => tallyGradedMeeting(input));
}
