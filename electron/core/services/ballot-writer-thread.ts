/**
 * The ballot writer's own thread (see ballot-writer.ts): its own connection to the database
 * file, the same durability settings verified (openStore), and the same BatchCommitter.
 *
 * Batches that arrived while one was being committed are committed together, in one
 * transaction and one flush (group commit across hand-overs); each still gets its own answer,
 * in order. Requests other than batches are handled where they stand in that order.
 */
import { isMainThread, parentPort, receiveMessageOnPort, workerData } from 'node:worker_threads';
import { openStore, type StoreOptions } from '../store/database';
import { BatchCommitter, type BallotSubmission, type BatchOutcome } from './ballot-batch';

export type ThreadRequest =
  | { readonly type: 'batch'; readonly id: number; readonly batch: readonly BallotSubmission[] }
  | { readonly type: 'forget'; readonly meetingId: string }
  | { readonly type: 'stop' };

export type ThreadReply = { readonly id: number; readonly ok: true; readonly outcome: BatchOutcome } | { readonly id: number; readonly ok: false; readonly message: string };

type BatchRequest = Extract<ThreadRequest, { type: 'batch' }>;

/** The most ballots committed in one transaction when several hand-overs wait. */
const MAX_TOGETHER = 256;

function run(port: NonNullable<typeof parentPort>, data: { databaseFile: string; storeOptions: StoreOptions }): void {
  const store = openStore(data.databaseFile, data.storeOptions);
  const committer = new BatchCommitter(store);

  const commitTogether = (group: BatchRequest[]): void => {
    if (group.length === 0) return;
    try {
      const outcome = committer.commit(group.flatMap((request) => request.batch));
      let at = 0;
      for (const request of group) {
        const results = outcome.results.slice(at, (at += request.batch.length));
        port.postMessage({ id: request.id, ok: true, outcome: { ...outcome, results } } satisfies ThreadReply);
      }
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      for (const request of group) port.postMessage({ id: request.id, ok: false, message } satisfies ThreadReply);
    }
  };

  port.on('message', (first: ThreadRequest) => {
    const requests = [first];
    for (let more = receiveMessageOnPort(port); more; more = receiveMessageOnPort(port)) requests.push(more.message as ThreadRequest);
    let group: BatchRequest[] = [];
    for (const request of requests) {
      if (request.type === 'batch') {
        // Not one transaction for a whole burst: answers then flow while the rest is written.
        if (group.reduce((n, r) => n + r.batch.length, 0) + request.batch.length > MAX_TOGETHER) {
          commitTogether(group);
          group = [];
        }
        group.push(request);
        continue;
      }
      commitTogether(group);
      group = [];
      if (request.type === 'forget') committer.forget(request.meetingId);
      else {
        store.close();
        port.close();
        return;
      }
    }
    commitTogether(group);
  });
}

if (!isMainThread && parentPort) run(parentPort, workerData as { databaseFile: string; storeOptions: StoreOptions });
