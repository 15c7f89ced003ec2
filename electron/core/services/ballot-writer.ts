/**
 * Accepts ballots with group commit: submissions that arrive while the event loop is busy are
 * written in one transaction (ballot-batch.ts), and each is acknowledged only after that
 * transaction committed. One fsync then covers many ballots, which is what keeps slow laptop
 * disks fast enough.
 *
 * Where the transaction runs: in the built app, on a thread of its own with its own connection
 * to the same file (ballot-writer-thread.ts), so that the main thread goes on reading and
 * answering the tablets' requests while a batch is sealed, written and flushed. Under a burst
 * of 1,000 tablets the transactions were half of the main thread's time, and a slow disk's
 * flush blocked the chair's console too (docs/performance.md, change 21). Tests that run the
 * TypeScript sources commit on the caller's thread: the same BatchCommitter either way.
 */
import { once } from 'node:events';
import { Worker } from 'node:worker_threads';
import type { Store, StoreOptions } from '../store/database';
import type { EventHub } from '../events';
import type { SubmitResponse, TabletResult } from '../../../shared/api/tablet-schemas';
import type { BallotContent } from '../../../shared/domain/model';
import { votingEnded } from '../../../shared/domain/lifecycle';
import { BatchCommitter, type BallotSubmission, type BatchOutcome } from './ballot-batch';
import { findMeeting, turnout } from './meetings';
import { tabletError } from './voting';
import type { ThreadReply, ThreadRequest } from './ballot-writer-thread';

/**
 * A batch is handed over at once when it reaches this size, without waiting for the event loop
 * to go idle: under a burst, the loop may read hundreds of requests before it is idle, and the
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

/** Where batches are committed: this thread, or the writer's own thread. */
interface CommitSink {
  commit(batch: readonly BallotSubmission[]): Promise<BatchOutcome>;
  /** Drops the meeting's key and plan kept in memory (its voting ended). */
  forget(meetingId: string): void;
  start(): void;
  stop(): Promise<void>;
}

/** Commits on the caller's thread, through the store's own connection. */
class SameThread implements CommitSink {
  private readonly committer: BatchCommitter;

  constructor(store: Store) {
    this.committer = new BatchCommitter(store);
  }

  commit(batch: readonly BallotSubmission[]): Promise<BatchOutcome> {
    try {
      return Promise.resolve(this.committer.commit(batch));
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }

  forget(meetingId: string): void {
    this.committer.forget(meetingId);
  }

  start(): void {}

  stop(): Promise<void> {
    return Promise.resolve();
  }
}

/** How long stop() waits for the writer's thread to finish its batches and close its connection. */
const STOP_WAIT_MS = 5000;

/**
 * Commits on the writer's own thread. Requests are answered in order; a thread that died (it
 * fails every batch it held) is started again for the next batch.
 */
class OwnThread implements CommitSink {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly waiting = new Map<number, { resolve: (outcome: BatchOutcome) => void; reject: (error: Error) => void }>();

  constructor(
    private readonly threadFile: string,
    private readonly databaseFile: string,
    private readonly storeOptions: StoreOptions,
  ) {}

  private thread(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.threadFile, { workerData: { databaseFile: this.databaseFile, storeOptions: this.storeOptions } });
    // The host's servers keep the process alive; a writer left idle must not.
    worker.unref();
    worker.on('message', (reply: ThreadReply) => {
      const waiter = this.waiting.get(reply.id);
      if (!waiter) return;
      this.waiting.delete(reply.id);
      if (reply.ok) waiter.resolve(reply.outcome);
      else waiter.reject(new Error(reply.message));
    });
    const died = (error: Error) => {
      if (this.worker === worker) this.worker = null;
      for (const waiter of this.waiting.values()) waiter.reject(error);
      this.waiting.clear();
    };
    worker.on('error', died);
    worker.on('exit', (code) => died(new Error(`the ballot writer's thread stopped (exit code ${code})`)));
    this.worker = worker;
    return worker;
  }

  private post(request: ThreadRequest): void {
    this.thread().postMessage(request);
  }

  commit(batch: readonly BallotSubmission[]): Promise<BatchOutcome> {
    return new Promise((resolve, reject) => {
      const id = this.nextId++;
      this.waiting.set(id, { resolve, reject });
      try {
        this.post({ type: 'batch', id, batch });
      } catch (error) {
        this.waiting.delete(id);
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
  }

  forget(meetingId: string): void {
    if (this.worker) this.post({ type: 'forget', meetingId });
  }

  start(): void {
    this.thread();
  }

  async stop(): Promise<void> {
    const worker = this.worker;
    if (!worker) return;
    this.worker = null;
    const exited = once(worker, 'exit');
    // Batches already handed over are committed and answered first; then it closes its connection.
    worker.postMessage({ type: 'stop' } satisfies ThreadRequest);
    const timer = setTimeout(() => void worker.terminate(), STOP_WAIT_MS);
    try {
      await exited;
    } finally {
      clearTimeout(timer);
    }
  }
}

interface PendingSubmission extends BallotSubmission {
  readonly resolve: (result: TabletResult<SubmitResponse>) => void;
}

export interface BallotWriterOptions {
  readonly delay?: CommitDelay;
  /**
   * The built writer thread's file (dist/electron/ballot-writer-thread.cjs): batches are then
   * committed there. Absent: on this thread.
   */
  readonly threadFile?: string | undefined;
  /** How the writer's thread opens the database (the Electron shell's native binding). */
  readonly storeOptions?: StoreOptions;
}

export class BallotWriter {
  private queue: PendingSubmission[] = [];
  private scheduled = false;
  /** How long the last batch took to commit: on a slow disk, mostly its flush. */
  private lastFlushMs = 0;
  /** Per meeting: when turnout was last sent, and whether a trailing send is pending. */
  private readonly turnoutSent = new Map<string, { at: number; timer: NodeJS.Timeout | null }>();
  private readonly sink: CommitSink;
  private readonly delay: CommitDelay;

  constructor(
    private readonly store: Store,
    private readonly events: EventHub,
    options: BallotWriterOptions = {},
  ) {
    this.delay = options.delay ?? COMMIT_DELAY;
    this.sink = options.threadFile ? new OwnThread(options.threadFile, store.file, options.storeOptions ?? {}) : new SameThread(store);
    // Started now, beside the host's own start: a thread, its bundle and its connection take
    // ≈ 100 ms, which the first ballots would otherwise wait for.
    this.sink.start();
    // Close destroys the meeting's key through the main connection; the writer's copy goes too.
    events.subscribe((event) => {
      if (event.type === 'status' && votingEnded(event.status)) this.sink.forget(event.meetingId);
    });
  }

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

  /** Commits every submission it was given, answers them, and closes the writer's thread (the host's stop). */
  stop(): Promise<void> {
    // Submissions still waiting for their batch go first: the thread commits in arrival order.
    this.flush();
    return this.sink.stop();
  }

  private flush(): void {
    const pending = this.queue;
    this.queue = [];
    if (pending.length === 0) return;
    // Only the submissions cross to the writer's thread, not the callbacks.
    const batch = pending.map(({ typed, submissionKey, ballot }) => ({ typed, submissionKey, ballot }));
    this.sink.commit(batch).then(
      (outcome) => {
        this.lastFlushMs = outcome.ms;
        pending.forEach((item, index) => item.resolve(outcome.results[index] ?? tabletError('storage_failed')));
        for (const meetingId of outcome.touched) this.announceTurnout(meetingId);
      },
      (error: unknown) => {
        const message = error instanceof Error ? error.message : String(error);
        console.error(`ballot batch of ${pending.length} not stored: ${message}`);
        this.events.emit({ type: 'alarm', kind: 'storage', code: 'storage_write_failed', params: { detail: message } });
        for (const item of pending) item.resolve(tabletError('storage_failed'));
      },
    );
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
}
