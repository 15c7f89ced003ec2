/**
 * What every setup service checks before it writes: a field's text (empty, too long), whether a
 * meeting or a round is frozen, and that the thing named exists. Each failure is a code with the
 * field's id and the numbers the console words it from; nothing is written when one comes back.
 */
import type { Store } from '../../store/database';
import { firstFrozenMeetingTitle, getCampaign, getMeeting, getRound, removalFacts, type Campaign, type Meeting, type Round } from '../../store/meetings';
import { fail, ok, type Result } from '../../../../shared/domain/result';
import type { LockReason } from '../../../../shared/api/chair/setup';
import { isVoting, mayEditSetup, meetingStatus } from '../../../../shared/domain/lifecycle';
import { MAX_FIELD_LENGTH, charLength, cleanName, cleanText } from '../../../../shared/setup/table';

/**
 * Which field a check names: a stable id the console labels (shared/i18n/error-words.ts
 * FIELD_LABELS), with the 1-based position of the grade or indicator where there are several.
 */
export interface FieldRef {
  readonly field: string;
  readonly position?: number;
}

/** A required text field: cleaned like an import cell, not empty, at most 100 characters. */
export function requiredText(value: string, field: FieldRef, options: { name?: boolean } = {}): Result<string> {
  const cleaned = options.name ? cleanName(value) : cleanText(value);
  if (cleaned === '') return fail('field_empty', { ...field });
  return limited(cleaned, field);
}

/** An optional text field: cleaned, at most 100 characters, may be empty. */
export function optionalText(value: string | undefined, field: FieldRef): Result<string> {
  return limited(cleanText(value ?? ''), field);
}

function limited(value: string, field: FieldRef): Result<string> {
  const length = charLength(value);
  if (length > MAX_FIELD_LENGTH) return fail('field_too_long', { ...field, length, max: MAX_FIELD_LENGTH });
  return ok(value);
}

/** Why a meeting's definition is frozen (the refusal an edit gets), or null while it is a draft. */
export function meetingLock(meeting: { readonly status: string }): LockReason | null {
  const status = meetingStatus(meeting.status);
  if (mayEditSetup(status)) return null;
  return { code: 'meeting_frozen', params: { state: isVoting(status) ? 'voting' : 'closed' } };
}

/** Why a round's objects and category mapping are frozen (one of its meetings has opened), or null. */
export function roundLock(store: Store, roundId: string): LockReason | null {
  const opened = firstFrozenMeetingTitle(store, roundId);
  return opened === null ? null : { code: 'round_frozen', params: { meeting: opened, scope: 'objects' } };
}

export function findCampaign(store: Store, campaignId: string): Result<Campaign> {
  const campaign = getCampaign(store, campaignId);
  return campaign ? ok(campaign) : fail('campaign_not_found');
}

export function findRound(store: Store, roundId: string): Result<Round> {
  const round = getRound(store, roundId);
  return round ? ok(round) : fail('round_not_found');
}

/** The meeting when it exists and is still a draft; otherwise why it cannot be edited. */
export function editableMeeting(store: Store, meetingId: string): Result<Meeting> {
  const meeting = getMeeting(store, meetingId);
  if (!meeting) return fail('meeting_not_found');
  const lock = meetingLock(meeting);
  return lock === null ? ok(meeting) : fail(lock.code, lock.params);
}

/** The round when its objects may still change; otherwise why not. */
export function editableRound(store: Store, roundId: string): Result<Round> {
  const round = findRound(store, roundId);
  if (!round.ok) return round;
  const lock = roundLock(store, roundId);
  return lock === null ? round : fail(lock.code, lock.params);
}

/**
 * Why a campaign, a round or one meeting may not be removed (a meeting under it is voting, or has
 * ballots: the record must be kept) as a remove_refused failure naming `target`, or null.
 */
export function removalBlocker(
  store: Store,
  scope: Parameters<typeof removalFacts>[1],
  target: { readonly target: 'campaign' | 'round' | 'meeting'; readonly name?: string },
): Result<never> | null {
  const facts = removalFacts(store, scope);
  if (facts.votingTitle !== null) return fail('remove_refused', { ...target, rule: 'voting', meeting: facts.votingTitle });
  if (facts.mostBallots && facts.mostBallots.ballots > 0) {
    return fail('remove_refused', { ...target, rule: 'ballots', meeting: facts.mostBallots.title, ballots: facts.mostBallots.ballots });
  }
  return null;
}

/** True when `given` lists exactly the ids of `current`, each once, in any order (a reorder's input). */
export function isReorderOf(current: readonly string[], given: readonly string[]): boolean {
  const set = new Set(given);
  return set.size === given.length && set.size === current.length && current.every((id) => set.has(id));
}
