/**
 * The second half of closing a meeting, which must always complete (docs/anonymity.md): the
 * sealed ballots are written afresh in the clear, in canonical order and under new ids, the
 * receipts into their own sorted table with no link to content, the codes' keyed hashes are
 * replaced; then the meeting key is destroyed and the file checkpointed and VACUUMed.
 *
 * The close transaction marks the meeting `anonymisation = 'pending'`; this runs right after
 * it, at every start and on the chair's retry, until it has succeeded. Each step is safe to
 * repeat, and the key is destroyed only once the clear ballots are durably committed.
 */
import { statSync, statfsSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Store } from '../store/database';
import { ballotStore, type VoterGroupName } from '../store/ballot-store';
import { meetingKeys } from '../store/meeting-keys';
import type { EventHub } from '../events';
import { checkpointOrThrow, vacuum } from '../store/file-maintenance';
import { closeState } from '../store/meeting-voting';
import { getMeeting, type Meeting } from '../store/meetings';
import type { BallotContent, MeetingKind } from '../../../shared/domain/model';
import { votingEnded } from '../../../shared/domain/lifecycle';
import { groupsOf } from '../../../shared/domain/model';
import { canonicalBallot } from '../../../shared/domain/canonical-ballot';
import { canonicalJson } from '../../../shared/domain/canonical-json';
import { fail, ok, type ErrorParams, type Result } from '../../../shared/domain/result';
import { newId } from '../ids';
import { meetingDefinition } from './meetings';
import { ballotAad, linkAad, type LinkContent } from './ballot-sealing';

/** The steps of the close after its transaction, named for fault injection (tests kill -9 there). */
export type CloseStep = 'closed' | 'rewritten' | 'key-destroyed' | 'vacuumed';

/**
 * Test-only fault injection: `PINGYI_FAULT_KILL_AT_CLOSE=<step>` makes the process kill itself
 * with SIGKILL right after that step, the way a power cut or kill -9 would stop it there.
 */
export function faultPoint(step: CloseStep): void {
  if (process.env['PINGYI_FAULT_KILL_AT_CLOSE'] === step) process.kill(process.pid, 'SIGKILL');
}

function sortCanonically(kind: MeetingKind, ballots: { group: VoterGroupName; json: string }[]): { group: VoterGroupName; json: string }[] {
  const order = groupsOf(kind);
  return ballots.sort((a, b) => order.indexOf(a.group) - order.indexOf(b.group) || (a.json < b.json ? -1 : a.json > b.json ? 1 : 0));
}

/** Step 1, one transaction: sealed → clear, links → receipts, keyed code hashes → random. */
function rewriteInTheClear(store: Store, meeting: Meeting): void {
  const ballots = ballotStore(store.db);
  const key = meetingKeys(store).get(meeting.id);
  const definition = meetingDefinition(store, meeting);
  store.transaction(() => {
    const sealed = ballots.sealedBallots(meeting.id);
    const links = ballots.sealedLinks(meeting.id);
    if ((sealed.length > 0 || links.length > 0) && !key) {
      throw new Error('the meeting key is missing while sealed ballots remain: restore the keys folder of the data folder');
    }
    const all = ballots.plainBallots(meeting.id).map((b) => ({ group: b.group, content: JSON.parse(b.contentJson) as BallotContent }));
    for (const row of sealed) {
      const plain = key?.open(row.sealed, ballotAad(meeting.id)).toString('utf8') ?? '';
      all.push({ group: row.group, content: JSON.parse(plain) as BallotContent });
    }
    const receipts = ballots.receipts(meeting.id);
    for (const link of links) {
      if (!key) break;
      receipts.push((JSON.parse(key.open(link.sealed, linkAad(meeting.id, link.codeHash)).toString('utf8')) as LinkContent).receipt);
    }
    const ordered = sortCanonically(
      meeting.kind,
      all.map((b) => ({ group: b.group, json: canonicalJson(canonicalBallot(definition, b.content)) })),
    );
    ballots.deleteSealed(meeting.id);
    ballots.deletePlainBallots(meeting.id);
    ballots.deleteReceipts(meeting.id);
    for (const ballot of ordered) ballots.insertPlainBallot(newId(), meeting.id, ballot.group, ballot.json);
    for (const receipt of [...new Set(receipts)].sort()) ballots.insertReceipt(meeting.id, receipt);
    ballots.rehashCodes(meeting.id);
  });
}

/** How much room the VACUUM needs, in MB: about twice the database, plus the WAL. */
function spaceNeededMb(store: Store): { needed: number; free: number | null } {
  let size = 0;
  for (const file of [store.file, `${store.file}-wal`]) {
    try {
      size += statSync(file).size;
    } catch {
      // absent WAL: nothing to add
    }
  }
  let free: number | null = null;
  try {
    const fs = statfsSync(dirname(store.file));
    free = Math.floor((fs.bavail * fs.bsize) / 1e6);
  } catch {
    free = null;
  }
  return { needed: Math.max(1, Math.ceil((size * 2) / 1e6)), free };
}

/**
 * Finishes the anonymisation of a closed meeting marked pending; does nothing for others.
 * On failure (a full disk, above all) the chair gets an alarm that says what to free, the mark
 * stays, and the next start or the chair's retry of 结束投票 takes it up again.
 */
export function finishAnonymisation(store: Store, events: EventHub, meetingId: string): Result<void> {
  const ballots = ballotStore(store.db);
  if (!ballots.isAnonymisationPending(meetingId)) return ok(undefined);
  const meeting = getMeeting(store, meetingId);
  if (!meeting) return ok(undefined);
  try {
    rewriteInTheClear(store, meeting);
    faultPoint('rewritten');
    // The clear ballots are committed (synchronous=FULL): only now may the key go.
    meetingKeys(store).destroy(meetingId);
    faultPoint('key-destroyed');
    checkpointOrThrow(store);
    vacuum(store);
    checkpointOrThrow(store);
    faultPoint('vacuumed');
    store.transaction(() => ballots.setAnonymisationPending(meetingId, false));
    checkpointOrThrow(store);
    return ok(undefined);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const full = /SQLITE_FULL|database or disk is full|ENOSPC/i.test(reason);
    const space = spaceNeededMb(store);
    // The refusal and the alarm say the same: how much to free on a full disk, else what failed.
    const params: ErrorParams = full ? { rule: 'disk_full', needed: space.needed, ...(space.free === null ? {} : { free: space.free }) } : { rule: 'failed', detail: reason };
    console.error(`anonymisation of a closed meeting not finished: ${reason}`);
    events.emit({ type: 'alarm', kind: 'storage', code: 'anonymisation_pending', params });
    return fail('anonymisation_pending', params);
  }
}

/**
 * At start: finishes every pending anonymisation, and destroys key files left by meetings that
 * no longer need one (deleted meetings, or closed ones whose close already finished).
 */
export function finishPendingAnonymisations(store: Store, events: EventHub): void {
  const ballots = ballotStore(store.db);
  for (const meetingId of ballots.pendingMeetings()) finishAnonymisation(store, events, meetingId);
  const keys = meetingKeys(store);
  for (const meetingId of keys.meetingsWithKeys()) {
    const state = closeState(store, meetingId);
    const needed = state && (state.pending || !votingEnded(state.status));
    if (!needed) keys.destroy(meetingId);
  }
}
