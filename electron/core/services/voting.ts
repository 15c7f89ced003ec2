import { timingSafeEqual } from 'node:crypto';
import type { Store } from '../store/database';
import { ballotStore, type CodeRecord } from '../store/ballot-store';
import { meetingKeys } from '../store/meeting-keys';
import { freezeDefinition, frozenDefinition, setAttendanceOverride, setMeetingStatus, votingMeeting, type VotingMeeting } from '../store/meeting-voting';
import type { EventHub } from '../events';
import type { BallotDefinition, TabletErrorBody, TabletErrorCode, TabletErrorParams, TabletResult } from '../../../shared/api/tablet-schemas';
import type { MeetingView } from '../../../shared/api/chair-contract';
import { parseCode } from '../../../shared/codes/code-format';
import type { MeetingDefinition } from '../../../shared/domain/ballot-rules';
import { tabletErrorText } from '../../../shared/i18n/tablet-words';
import { TRANSITIONS, isFirstOpening, isVoting, mayTransition, meetingStatus, votingEnded, type VotingAction } from '../../../shared/domain/lifecycle';
import { fail, type Result } from '../../../shared/domain/result';
import { findCode } from './codes';
import { findMeeting, meetingDefinition, meetingView } from './meetings';
import { recordAudit } from './audit';
import { attendanceCheck } from './checkin';
import { linkAad, submissionKeyHash, type LinkContent } from './ballot-sealing';
import { faultPoint, finishAnonymisation } from './anonymise';

/** A tablet-facing answer: every failure carries one of the documented tablet error codes. */
export type { TabletResult };

/** A refusal as a code and params; its wire `message` is the shared Chinese wording (shared/i18n/tablet-words.ts). */
export function tabletError(code: TabletErrorCode, params?: TabletErrorParams): TabletErrorBody {
  const message = tabletErrorText(code, params, 'zh');
  return { ok: false, error: params === undefined ? { code, message } : { code, params, message } };
}

export function tabletOk<T>(value: T): TabletResult<T> {
  return { ok: true, value };
}


interface CodeLookup {
  code: CodeRecord;
  meeting: VotingMeeting;
}

/**
 * Finds the code's row and meeting and checks that voting accepts it now. `meetingOf` reads the
 * meeting's row (the writer reads it once per batch: see BatchCommitter.commit in ballot-batch.ts).
 */
export function lookUpCode(
  store: Store,
  typed: string,
  meetingOf: (meetingId: string) => VotingMeeting | null = (meetingId) => votingMeeting(store, meetingId),
): TabletResult<CodeLookup & { plain: string }> {
  const parsed = parseCode(typed);
  if (!parsed.ok) return tabletError('malformed_code');
  const code = findCode(store, parsed.value);
  if (!code) return tabletError('unknown_code');
  const meeting = meetingOf(code.meetingId);
  if (!meeting) return tabletError('unknown_code');
  if (code.state === 'voided') return tabletError('voided_code');
  const status = meeting.status;
  if (votingEnded(status)) return tabletError('voting_closed');
  if (!isVoting(status)) return tabletError('voting_not_open');
  return tabletOk({ code, meeting, plain: parsed.value });
}

/**
 * The definition ballots of a voting meeting are checked against: frozen when voting opened,
 * parsed once per connection (store/meeting-voting.ts). The live definition only for a meeting
 * that somehow has none frozen.
 */
export function votingDefinition(store: Store, meetingId: string): MeetingDefinition {
  const frozen = frozenDefinition(store, meetingId);
  if (frozen) return frozen;
  const meeting = findMeeting(store, meetingId);
  if (!meeting.ok) throw new Error(`meeting ${meetingId} disappeared while voting`);
  return meetingDefinition(store, meeting.value);
}

/**
 * The receipt of a used code when `submissionKey` is the key its ballot was sent with, else
 * null. Nothing about the ballot's content takes part: a wrong key learns only 已使用.
 */
export function receiptForRetry(store: Store, code: CodeRecord, submissionKey: string | undefined): string | null {
  if (submissionKey === undefined) return null;
  const link = ballotStore(store.db).findLink(code.hash);
  const key = meetingKeys(store).get(code.meetingId);
  if (!link || !key) return null;
  const content = JSON.parse(key.open(link.sealed, linkAad(code.meetingId, code.hash)).toString('utf8')) as LinkContent;
  const given = Buffer.from(submissionKeyHash(submissionKey), 'hex');
  const kept = Buffer.from(content.keyHash, 'hex');
  return given.length === kept.length && timingSafeEqual(given, kept) ? content.receipt : null;
}

/**
 * What a tablet shows once a code is entered: the ballot of that code's meeting and group. A
 * used code gets it again, with its receipt, only from the tablet holding the submission key.
 */
export function ballotSession(store: Store, typed: string, submissionKey?: string): TabletResult<BallotDefinition & { receipt?: string }> {
  const found = lookUpCode(store, typed);
  if (!found.ok) return found;
  const { code, meeting } = found.value;
  let receipt: string | null = null;
  if (code.state === 'used') {
    receipt = receiptForRetry(store, code, submissionKey);
    if (receipt === null) return tabletError('code_used');
  }
  const definition = votingDefinition(store, meeting.id);
  const value: BallotDefinition = {
    meeting: { id: meeting.id, title: meeting.title, kind: meeting.kind, ballotType: definition.ballotType },
    group: code.group,
    objects: definition.objects.map((o) => ({ id: o.id, name: o.name, department: o.department, indicatorSetId: o.indicatorSetId })),
    indicatorSets: [...definition.indicatorSets, ...(definition.tagSet ? [definition.tagSet] : [])].map((set) => ({
      id: set.id,
      name: set.name,
      indicators: set.indicators.map((i) => ({ id: i.id, name: i.name, description: i.description })),
    })),
    gradeScale: definition.settings.gradeScale,
    worstK: definition.settings.worstK,
    requireAllAnswered: definition.settings.requireAllAnswered,
    // i17r: a rehearsal's tablets show the 演练 banner.
    rehearsal: meeting.rehearsalOf !== null,
  };
  return tabletOk(receipt === null ? value : { ...value, receipt });
}

/**
 * Opens, pauses or closes voting. Opening freezes the meeting's definition and makes sure the
 * meeting has its key. Closing commits the new status with `anonymisation = 'pending'`, then
 * finishes the anonymisation (services/anonymise.ts). Closing a meeting that is closed but still
 * pending finishes that job instead of refusing: it is the chair's retry after a full disk.
 */
export function changeVoting(
  store: Store,
  events: EventHub,
  meetingId: string,
  action: VotingAction,
  options: { override?: string | undefined } = {},
): Result<MeetingView> {
  const meeting = findMeeting(store, meetingId);
  if (!meeting.ok) return meeting;
  const rule = TRANSITIONS[action];
  const status = meetingStatus(meeting.value.status);
  if (action === 'close' && status === 'closed' && ballotStore(store.db).isAnonymisationPending(meetingId)) {
    const finished = finishAnonymisation(store, events, meetingId);
    if (!finished.ok) return finished;
    events.emit({ type: 'status', meetingId, status: 'closed' });
    return meetingView(store, meetingId);
  }
  if (!mayTransition(status, action)) {
    return fail('bad_transition', { state: status, action });
  }
  // Opening (not resuming) checks who is actually in the room; breaking the rule needs a written reason.
  const attendance = isFirstOpening(status, action) ? attendanceCheck(store, meeting.value) : null;
  if (attendance && !attendance.ok && !options.override) {
    // The console words the problems from the two counts by the same rule (shared/setup/composition.ts).
    return fail('attendance_rule', { officials: attendance.officials, recipients: attendance.recipients }, attendance);
  }
  if (action === 'open') meetingKeys(store).ensure(meetingId);
  store.transaction(() => {
    if (attendance && !attendance.ok && options.override) {
      setAttendanceOverride(store, meetingId, options.override);
      recordAudit(store, meetingId, 'attendance_override', { reason: options.override, officials: attendance.officials, recipients: attendance.recipients });
    }
    if (action === 'open' && !meeting.value.frozen_json) freezeDefinition(store, meetingId, meetingDefinition(store, meeting.value));
    setMeetingStatus(store, meetingId, rule.to);
    if (action === 'close') ballotStore(store.db).setAnonymisationPending(meetingId, true);
    const counts = ballotStore(store.db).ballotCounts(meetingId);
    const ballots = [...counts.values()].reduce((a, b) => a + b, 0);
    recordAudit(store, meetingId, `${action}_voting`, { ballots });
  });
  if (action === 'close') {
    faultPoint('closed');
    events.emit({ type: 'status', meetingId, status: rule.to });
    const finished = finishAnonymisation(store, events, meetingId);
    if (!finished.ok) return finished;
    return meetingView(store, meetingId);
  }
  events.emit({ type: 'status', meetingId, status: rule.to });
  return meetingView(store, meetingId);
}
