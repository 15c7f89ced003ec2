/**
 * One batch of ballot submissions written in one transaction: the code looked up, the ballot
 * checked against the frozen definition, sealed and inserted, the code marked used and its
 * sealed retry link stored. This is the whole of what the ballot writer does to the database;
 * the writer (ballot-writer.ts) runs it on its own thread in the built app
 * (ballot-writer-thread.ts) and on the caller's thread in tests, the same code either way.
 */
import { randomBytes } from 'node:crypto';
import type { Store } from '../store/database';
import { ballotStore } from '../store/ballot-store';
import { meetingKeys, type MeetingKey } from '../store/meeting-keys';
import { votingMeeting, type VotingMeeting } from '../store/meeting-voting';
import type { SubmitResponse, TabletResult } from '../../../shared/api/tablet-schemas';
import type { BallotContent } from '../../../shared/domain/model';
import { receiptFromRandomBytes } from '../../../shared/codes/code-format';
import { ballotIssue, type MeetingDefinition } from '../../../shared/domain/ballot-rules';
import { acceptsBallots, votingEnded } from '../../../shared/domain/lifecycle';
import { ballotAad, ballotBucket, ballotTextWriter, LINK_BUCKET, linkAad, submissionKeyHash, type BallotTextWriter, type LinkContent } from './ballot-sealing';
import { lookUpCode, receiptForRetry, tabletError, tabletOk, votingDefinition } from './voting';

/** One submission as the tablet server hands it over (what crosses to the writer's thread). */
export interface BallotSubmission {
  readonly typed: string;
  readonly submissionKey: string;
  readonly ballot: BallotContent;
}

/** What a committed batch gives back: one answer per submission, in order, and the meetings that got ballots. */
export interface BatchOutcome {
  readonly results: TabletResult<SubmitResponse>[];
  readonly touched: string[];
  /** How long the transaction took, commit included: on a slow disk, mostly its flush. */
  readonly ms: number;
}

/** What the committer derives once per meeting from its frozen definition. */
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

export class BatchCommitter {
  /**
   * Per meeting: what depends only on its frozen definition (which never changes once voting
   * opened), worked out on its first ballot instead of once per batch or per ballot.
   */
  private readonly plans = new Map<string, MeetingPlan>();

  constructor(private readonly store: Store) {}

  /** Writes the batch in one transaction; throws (nothing written) when the transaction fails. */
  commit(batch: readonly BallotSubmission[]): BatchOutcome {
    const started = performance.now();
    const results: TabletResult<SubmitResponse>[] = [];
    const touched = new Set<string>();
    // The meeting key is looked up once per batch and meeting.
    const contexts = new Map<string, SealingContext>();
    // So is the meeting's row: the transaction is IMMEDIATE (it holds the write lock from its
    // start) and one synchronous call, so no status change can land between two of its ballots.
    const rows = new Map<string, VotingMeeting | null>();
    const meetingOf = (meetingId: string): VotingMeeting | null => {
      let row = rows.get(meetingId);
      if (row === undefined) rows.set(meetingId, (row = votingMeeting(this.store, meetingId)));
      return row;
    };
    this.store.transaction(() => {
      for (const item of batch) results.push(this.accept(item, touched, contexts, meetingOf));
    });
    // A meeting whose voting has ended has had its key destroyed by close: this connection's
    // copy in memory goes too (the writer's thread keeps its own, see meeting-keys.ts).
    for (const [meetingId, row] of rows) if (row && votingEnded(row.status)) this.forget(meetingId);
    return { results, touched: [...touched], ms: performance.now() - started };
  }

  /** Drops what is kept in memory about a meeting: its plan and this connection's copy of its key. */
  forget(meetingId: string): void {
    this.plans.delete(meetingId);
    meetingKeys(this.store).forget(meetingId);
  }

  /** One submission inside the batch transaction. Writes nothing unless the ballot is accepted. */
  private accept(
    item: BallotSubmission,
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
      let plan = this.plans.get(meeting.id);
      if (!plan) {
        const definition = votingDefinition(this.store, meeting.id);
        this.plans.set(meeting.id, (plan = { definition, bucket: ballotBucket(definition), text: ballotTextWriter(definition) }));
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
