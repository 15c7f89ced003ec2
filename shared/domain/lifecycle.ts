/**
 * The meeting lifecycle, in one place: the statuses, the transitions between them, and one
 * predicate for every "may I do X now" that core and the renderer ask. Nothing else compares a
 * meeting's status with a string; a new status or a changed rule is edited here only.
 *
 *   draft ──open──▶ open ──pause──▶ paused ──resume──▶ open
 *                    └──────close──────┴──▶ closed ──markOfficial──▶ official
 *
 * Plain data and functions, no zod: the tablet bundle may import it.
 */
import type { MeetingStatus } from './model';

export type { MeetingStatus };

/** Every status, in lifecycle order (the database's CHECK constraint lists the same). */
export const MEETING_STATUSES: readonly MeetingStatus[] = ['draft', 'open', 'paused', 'closed', 'official'];

/** The chair's actions that move a meeting from one status to the next. */
export type VotingAction = 'open' | 'pause' | 'close';
export type LifecycleAction = VotingAction | 'markOfficial';

/** The transition table: from which statuses an action may run, and where it leads. */
export const TRANSITIONS: Readonly<Record<LifecycleAction, { readonly from: readonly MeetingStatus[]; readonly to: MeetingStatus }>> = {
  // `open` from paused is the resume; the chair console labels it so.
  open: { from: ['draft', 'paused'], to: 'open' },
  pause: { from: ['open'], to: 'paused' },
  close: { from: ['open', 'paused'], to: 'closed' },
  markOfficial: { from: ['closed'], to: 'official' },
};

/** True when `action` may run on a meeting in `status`. */
export function mayTransition(status: MeetingStatus, action: LifecycleAction): boolean {
  return TRANSITIONS[action].from.includes(status);
}

/** Parses a stored status; an unknown text is a corrupted row, hence a thrown error, not a Result. */
export function meetingStatus(text: string): MeetingStatus {
  if ((MEETING_STATUSES as readonly string[]).includes(text)) return text as MeetingStatus;
  throw new Error(`unknown meeting status: ${JSON.stringify(text)}`);
}

/** The definition (objects, indicators, settings, roster) may still change: a draft only. */
export function mayEditSetup(status: MeetingStatus): boolean {
  return status === 'draft';
}

/** Voting has started and not ended: tablets may hold a session (a paused meeting refuses ballots). */
export function isVoting(status: MeetingStatus): boolean {
  return status === 'open' || status === 'paused';
}

/** Tablets' ballots are accepted now. */
export function acceptsBallots(status: MeetingStatus): boolean {
  return status === 'open';
}

/** Voting has ended (closed or official): the code→ballot links are gone, results may be read. */
export function votingEnded(status: MeetingStatus): boolean {
  return status === 'closed' || status === 'official';
}

/** Results, receipts and result sheets exist only once voting has ended. */
export const resultsAvailable = votingEnded;

/** Check-in may change until voting ends (late arrivals during voting are marked present). */
export function mayCheckIn(status: MeetingStatus): boolean {
  return !votingEnded(status);
}

/** Codes may be generated until voting ends. */
export function mayGenerateCodes(status: MeetingStatus): boolean {
  return !votingEnded(status);
}

/** Unused codes may be voided until voting ends (afterwards every code is void anyway). */
export function mayVoidCodes(status: MeetingStatus): boolean {
  return !votingEnded(status);
}

/** Vetoes (一票否决) are recorded on results: after close and before the results are official. */
export function mayRecordVeto(status: MeetingStatus): boolean {
  return status === 'closed';
}

/**
 * Paper ballots (issue 17) are keyed in after voting has closed and before the results are
 * official: the ballot box is opened once the tablets have stopped, as on paper, and while the
 * meeting votes its ballots are sealed (docs/anonymity.md), which a clear paper ballot must not
 * join. Marking the results official waits until no paper entry is pending.
 */
export function mayEnterPaperBallots(status: MeetingStatus): boolean {
  return status === 'closed';
}

/** Nothing about an official meeting changes any more. */
export function isOfficial(status: MeetingStatus): boolean {
  return status === 'official';
}

/** Results may be marked official once voting is closed, and only once. */
export function mayMarkOfficial(status: MeetingStatus): boolean {
  return mayTransition(status, 'markOfficial');
}

/**
 * A meeting's results may be confirmed official: voting closed, not yet official, and the
 * meeting is real. A rehearsal's (演练) results never count, whatever its status.
 */
export function mayConfirmResults(meeting: { readonly status: MeetingStatus; readonly rehearsal: boolean }): boolean {
  return !meeting.rehearsal && mayMarkOfficial(meeting.status);
}

/**
 * Opening a real meeting while a rehearsal of it is still voting (open or paused) asks the chair
 * first: tablets may still hold the rehearsal's codes, and the room must not mistake one for the other.
 */
export function openingNeedsRehearsalConfirmation(action: LifecycleAction, rehearsalStatuses: readonly MeetingStatus[]): boolean {
  return action === 'open' && rehearsalStatuses.some(isVoting);
}

/** Opening from draft (not resuming) checks the attendance rule and freezes the definition. */
export function isFirstOpening(status: MeetingStatus, action: LifecycleAction): boolean {
  return action === 'open' && status === 'draft';
}

/** Printed sheets that need the tally print only once voting has ended. */
export function mayPrintResults(status: MeetingStatus): boolean {
  return votingEnded(status);
}

/** The statuses for which `predicate` holds, so a SQL filter can derive from the same rule. */
export function statusesWhere(predicate: (status: MeetingStatus) => boolean): readonly MeetingStatus[] {
  return MEETING_STATUSES.filter(predicate);
}

/**
 * A meeting may be removed while no voting is under way and no ballot has been cast: a meeting
 * with ballots is a record that must stay (core's removal check and the console's remove buttons
 * both follow this).
 */
export function mayRemoveMeeting(status: MeetingStatus, hasBallots: boolean): boolean {
  return !isVoting(status) && !hasBallots;
}
