import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Store } from '../store/database';
import { ballotStore, type CodeRecord } from '../store/ballot-store';
import { meetingKeys, type MeetingKey } from '../store/meeting-keys';
import { freezeDefinition, frozenDefinition, setAttendanceOverride, setMeetingStatus, votingMeeting, type VotingMeeting } from '../store/meeting-voting';
import type { EventHub } from '../events';
import type { BallotDefinition, SubmitResponse, TabletErrorBody, TabletErrorCode, TabletErrorParams, TabletResult } from '../../../shared/api/tablet-schemas';
import type { MeetingView } from '../../../shared/api/chair-contract';
import type { BallotContent } from '../../../shared/domain/model';
import { parseCode, receiptFromRandomBytes } from '../../../shared/codes/code-format';
import { ballotIssue, type MeetingDefinition } from '../../../shared/domain/ballot-rules';
import { tabletErrorText } from '../../../shared/i18n/tablet-words';
import { TRANSITIONS, acceptsBallots, isFirstOpening, isVoting, mayTransition, meetingStatus, votingEnded, type VotingAction } from '../../../shared/domain/lifecycle';
import { fail, type Result } from '../../../shared/domain/result';
import { findCode } from './codes';
import { findMeeting, meetingDefinition, meetingView, turnout } from './meetings';
import { recordAudit } from './audit';
import { attendanceCheck } from './checkin';
import { ballotAad, ballotBucket, ballotTextWriter, LINK_BUCKET, linkAad, submissionKeyHash, type BallotTextWriter, type LinkContent } from './ballot-sealing';
import { faultPoint, finishAnonymisation } from './anonymise';

/** A tablet-facing answer: every failure carries one of the documented tablet error codes. */
export type { TabletResult };

/** A refusal as a code and params; its wire `message` is the shared Chinese wording (shared/i18n/tablet-words.ts). */
function tabletError(code: TabletErrorCode, params?: TabletErrorParams): TabletErrorBody {
  const message = tabletErrorText(code, params, 'zh');
  return { ok: false, error: params === undefined ? { code, message } : { code, params, message } };
}

function tabletOk<T>(value: T): TabletResult<T> {
  return { ok: true, value };
}


interface CodeLookup {
  code: CodeRecord;
  meeting: VotingMeeting;
}

/**
 * Finds the code's row and meeting and checks that voting accepts it now. `meetingOf` reads the
 * meeting's row (the writer reads it once per batch: see BallotWriter.flush).
 */
function lookUpCode(
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
function votingDefinition(store: Store, meetingId: string): MeetingDefinition {
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
function receiptForRetry(store: Store, code: CodeRecord, submissionKey: string | undefined): string | null {
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

interface PendingSubmission {
  typed: string;
  submissionKey: string;
  ballot: BallotContent;
  resolve: (result: TabletResult<SubmitResponse>) => void;
}

/**
 * A batch is committed at once when it reaches this size, without waiting for the event loop to
 * go idle: under a burst, the loop may read hundreds of requests before it is idle, and the
 * first of them would all wait for the last (profiled in docs/performance.md).
 */
const MAX_BATCH = 64;

/** When the writer waits for company before a commit (commit_delay in other databases). */
export interface CommitDelay {
  /** A commit slower than this means a slow disk flush: wait for company before the next one. */
  readonly slowFlushMs: number;
  /** The longest a ballot waits for company before its batch is committed. */
  readonly maxDelayMs: number;
}

const COMMIT_DELAY: CommitDelay = { slowFlushMs: 3, maxDelayMs: 10 };

/** Turnout events of one meeting are sent at most this often; the last one always follows. */
const TURNOUT_EVERY_MS = 100;

/**
 * Accepts ballots with group commit: submissions that arrive while the event loop is busy are
 * written in one transaction, and each is acknowledged only after that transaction committed.
 * One fsync then covers many ballots, which is what keeps slow laptop disks fast enough.
 */
export class BallotWriter {
  private queue: PendingSubmission[] = [];
  private scheduled = false;
  /** How long the last batch took to commit: on a slow disk, mostly its flush. */
  private lastFlushMs = 0;
  /** Per meeting: when turnout was last sent, and whether a trailing send is pending. */
  private readonly turnoutSent = new Map<string, { at: number; timer: NodeJS.Timeout | null }>();
  /**
   * Per meeting: what depends only on its frozen definition (which never changes once voting
   * opened), worked out on its first ballot instead of once per batch or per ballot.
   */
  private readonly meetings = new Map<string, MeetingPlan>();

  constructor(
    private readonly store: Store,
    private readonly events: EventHub,
    private readonly delay: CommitDelay = COMMIT_DELAY,
  ) {}

  /** Resolves once the ballot is durably stored (or with the reason it was not). */
  submit(typed: string, submissionKey: string, ballot: BallotContent): Promise<TabletResult<SubmitResponse>> {
    return new Promise((resolve) => {
      this.queue.push({ typed, submissionKey, ballot, resolve });
      if (this.queue.length >= MAX_BATCH) this.flush();
      else if (!this.scheduled) {
        this.scheduled = true;
        const run = () => {
          this.scheduled = false;
          this.flush();
        };
        // On a slow disk, wait about one flush before committing, so that the ballots arriving
        // meanwhile share that flush instead of each paying its own (commit_delay in other
        // databases). On a fast disk, commit as soon as the event loop is idle.
        if (this.lastFlushMs >= this.delay.slowFlushMs) setTimeout(run, Math.min(this.lastFlushMs, this.delay.maxDelayMs));
        else setImmediate(run);
      }
    });
  }

  private flush(): void {
    const batch = this.queue;
    this.queue = [];
    if (batch.length === 0) return;
    const started = performance.now();
    const results: TabletResult<SubmitResponse>[] = [];
    const touched = new Set<string>();
    // The meeting key is looked up once per batch and meeting.
    const contexts = new Map<string, SealingContext>();
    // So is the meeting's row: nothing else runs while the batch's transaction does (it is one
    // synchronous call), so its status cannot change between two ballots of the batch.
    const rows = new Map<string, VotingMeeting | null>();
    const meetingOf = (meetingId: string): VotingMeeting | null => {
      let row = rows.get(meetingId);
      if (row === undefined) rows.set(meetingId, (row = votingMeeting(this.store, meetingId)));
      return row;
    };
    try {
      this.store.transaction(() => {
        for (const item of batch) results.push(this.accept(item, touched, contexts, meetingOf));
      });
      this.lastFlushMs = performance.now() - started;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      console.error(`ballot batch of ${batch.length} not stored: ${message}`);
      this.events.emit({ type: 'alarm', kind: 'storage', code: 'storage_write_failed', params: { detail: message } });
      for (const item of batch) item.resolve(tabletError('storage_failed'));
      return;
    }
    batch.forEach((item, index) => item.resolve(results[index] ?? tabletError('storage_failed')));
    for (const meetingId of touched) this.announceTurnout(meetingId);
  }

  /**
   * Sends the meeting's turnout now, or once the current window has passed. Counting the whole
   * roster after every small batch cost more than writing the ballots when 1,000 tablets sent
   * at once; the chair's screen needs no more than a few updates a second, and the last state.
   */
  private announceTurnout(meetingId: string): void {
    const last = this.turnoutSent.get(meetingId);
    const wait = last ? last.at + TURNOUT_EVERY_MS - Date.now() : 0;
    if (last?.timer) return;
    const send = () => {
      this.turnoutSent.set(meetingId, { at: Date.now(), timer: null });
      if (!this.store.db.open) return;
      const meeting = findMeeting(this.store, meetingId);
      if (meeting.ok) this.events.emit({ type: 'turnout', meetingId, turnout: turnout(this.store, meeting.value) });
    };
    if (wait <= 0) return send();
    const timer = setTimeout(send, wait);
    timer.unref();
    this.turnoutSent.set(meetingId, { at: last?.at ?? 0, timer });
  }

  /** One submission inside the batch transaction. Writes nothing unless the ballot is accepted. */
  private accept(
    item: PendingSubmission,
    touched: Set<string>,
    contexts: Map<string, SealingContext>,
    meetingOf: (meetingId: string) => VotingMeeting | null,
  ): TabletResult<SubmitResponse> {
    const found = lookUpCode(this.store, item.typed, meetingOf);
    if (!found.ok) return found;
    const { code, meeting } = found.value;
    if (!acceptsBallots(meeting.status)) return tabletError('voting_paused');
    if (code.state === 'used') {
      // A retry is recognised by the tablet's submission key alone, never by comparing content.
      const receipt = receiptForRetry(this.store, code, item.submissionKey);
      return receipt === null ? tabletError('code_used') : tabletOk({ receipt });
    }
    let context = contexts.get(meeting.id);
    if (!context) {
      let plan = this.meetings.get(meeting.id);
      if (!plan) {
        const definition = votingDefinition(this.store, meeting.id);
        this.meetings.set(meeting.id, (plan = { definition, bucket: ballotBucket(definition), text: ballotTextWriter(definition) }));
      }
      context = { ...plan, key: meetingKeys(this.store).ensure(meeting.id) };
      contexts.set(meeting.id, context);
    }
    const problem = ballotIssue(context.definition, item.ballot);
    if (problem) return tabletError('invalid_ballot', { issue: problem.code, ...problem.params });
    const content = context.text(item.ballot);
    const receipt = receiptFromRandomBytes(randomBytes(8));
    const ballots = ballotStore(this.store.db);
    ballots.insertSealedBallot(meeting.id, code.group, context.key.seal(content, context.bucket, ballotAad(meeting.id)));
    if (!ballots.setCodeState(code.hash, 'issued', 'used')) throw new Error('code changed state inside the batch transaction');
    const link: LinkContent = { receipt, keyHash: submissionKeyHash(item.submissionKey) };
    ballots.insertLink(code.hash, meeting.id, context.key.seal(JSON.stringify(link), LINK_BUCKET, linkAad(meeting.id, code.hash)));
    touched.add(meeting.id);
    return tabletOk({ receipt });
  }
}

/** What the writer derives once per meeting from its frozen definition. */
interface MeetingPlan {
  readonly definition: MeetingDefinition;
  /** The padded size of its sealed ballots (services/ballot-sealing.ts). */
  readonly bucket: number;
  /** Its ballots' stored text, canonical (services/ballot-sealing.ts). */
  readonly text: BallotTextWriter;
}

/** A meeting's plan and its key, looked up once per batch. */
interface SealingContext extends MeetingPlan {
  readonly key: MeetingKey;
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
