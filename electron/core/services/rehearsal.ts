/**
 * Rehearsals (演练 / 试投): a copy of a meeting in one click, to try the tablets, the slips and the
 * sheets before the real meeting, that can never be mistaken for it and leaves no trace.
 *
 * - The copy is a meeting with `rehearsal_of` = the real meeting, in a round of its own
 *   (`rounds.rehearsal = 1`) holding a copy of the objects and the category mapping: nothing of
 *   it enters the real round's totals or the history across rounds. Its codes are its own
 *   (hashed under its own key), so they never open the real meeting's ballot.
 * - Its results are never official (lifecycle mayConfirmResults); every sheet and file says 演练
 *   (shared/rules/result-state.ts).
 * - Its audit lines form their own chain (store/audit-chain.ts), so the wipe removes them whole
 *   and the main chain stays intact with one line: wipe_rehearsal, with counts.
 * - The wipe removes the meeting, its round and objects copy, roster copy, codes, ballots,
 *   receipts, vetoes, its key file and its saved PDFs, then checkpoints and VACUUMs the file.
 */
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Store } from '../store/database';
import * as tree from '../store/meetings';
import { copyObjects } from '../store/objects';
import { copyRoster } from '../store/roster';
import { codeCounts } from '../store/counts';
import { ballotStore } from '../store/ballot-store';
import { meetingKeys } from '../store/meeting-keys';
import { deleteChain } from '../store/audit';
import type { EventHub } from '../events';
import type { TreeMeeting } from '../../../shared/api/chair/setup';
import { isVoting, openingNeedsRehearsalConfirmation } from '../../../shared/domain/lifecycle';
import { fail, ok, type Result } from '../../../shared/domain/result';
import { REHEARSAL_MARK, rehearsalFilePrefix } from '../../../shared/rules/result-state';
import { newId } from '../ids';
import { recordAudit } from './audit';
import { checkpointOrThrow, vacuum } from '../store/file-maintenance';
import { changeVoting } from './voting';
import { removeMeeting } from './setup/tree';


/** The first free name `base`, `base（2）`, `base（3）`… */
function freeName(base: string, taken: (name: string) => boolean): string {
  if (!taken(base)) return base;
  for (let n = 2; ; n += 1) {
    const name = `${base}（${n}）`;
    if (!taken(name)) return name;
  }
}

/** Makes a rehearsal copy of a real meeting: a draft, in its own round, with copies of the objects and the roster. */
export function createRehearsal(store: Store, meetingId: string): Result<TreeMeeting> {
  const source = tree.getMeeting(store, meetingId);
  if (!source) return fail('meeting_not_found');
  if (source.rehearsalOf !== null) return fail('rehearsal_of_rehearsal');
  const round = tree.getRound(store, source.roundId);
  if (!round) return fail('round_not_found');
  const id = store.transaction(() => {
    const roundId = newId();
    const roundName = freeName(`${REHEARSAL_MARK} · ${round.name} · ${source.title}`, (name) => tree.roundNameTaken(store, round.campaignId, name));
    tree.insertRound(store, { id: roundId, campaignId: round.campaignId, name: roundName, categorySets: round.categorySets, settings: round.settings, rehearsal: true });
    const objects = copyObjects(store, round.id, roundId, newId);
    const rehearsalId = newId();
    tree.insertMeeting(store, {
      id: rehearsalId,
      roundId,
      kind: source.kind,
      ballotType: source.ballotType,
      title: `${REHEARSAL_MARK} · ${source.title}`,
      heldOn: source.heldOn,
      place: source.place,
      settings: source.settings,
      compositionOverride: source.compositionOverride,
      position: 1,
      rehearsalOf: source.id,
    });
    copyRoster(store, source.id, rehearsalId, newId);
    // In the rehearsal's own chain: the wipe takes it away with everything else.
    recordAudit(store, rehearsalId, 'create_rehearsal', { objects });
    return rehearsalId;
  });
  const made = tree.getMeeting(store, id);
  if (!made) throw new Error(`rehearsal ${id} was written but cannot be read back`);
  return ok({ id: made.id, title: made.title, kind: made.kind, ballotType: made.ballotType, status: made.status, hasBallots: false, rehearsalOf: made.rehearsalOf });
}

/**
 * Opening a real meeting while one of its rehearsals still votes needs the chair's confirmation
 * (`despite`): the console answers `rehearsal_open` with a question, then asks again with it.
 */
export function rehearsalOpenCheck(store: Store, meetingId: string, despite: boolean): Result<{ despite: boolean }> {
  const meeting = tree.getMeeting(store, meetingId);
  if (!meeting || meeting.rehearsalOf !== null) return ok({ despite: false });
  const voting = tree.rehearsalsOf(store, meetingId).filter((r) => isVoting(r.status));
  if (!openingNeedsRehearsalConfirmation('open', voting.map((r) => r.status))) return ok({ despite: false });
  if (!despite) return fail('rehearsal_open', {}, { rehearsals: voting.map((r) => ({ id: r.id, title: r.title, status: r.status })) });
  return ok({ despite: true });
}

/** Where the PDFs of the data folder are kept (printing/pdf-service.ts writes them). */
function exportsFolder(dataDir: string): string {
  return join(dataDir, 'exports');
}

/** Removes every trace of a rehearsal but one audit line in the main chain. Voting still open is closed first. */
export function wipeRehearsal(store: Store, events: EventHub, dataDir: string, meetingId: string): Result<{ wiped: string; realMeetingId: string }> {
  const found = tree.getMeeting(store, meetingId);
  if (!found) return fail('meeting_not_found');
  if (found.rehearsalOf === null) return fail('not_rehearsal');
  const realMeetingId = found.rehearsalOf;
  if (isVoting(found.status)) {
    const closed = changeVoting(store, events, meetingId, 'close');
    if (!closed.ok) return closed;
  }
  const ballots = [...ballotStore(store.db).ballotCounts(meetingId).values()].reduce((a, b) => a + b, 0);
  const codes = codeCounts(store, meetingId).reduce((sum, c) => sum + c.n, 0);
  const round = tree.getRound(store, found.roundId);
  store.transaction(() => {
    deleteChain(store, meetingId);
    // The rehearsal's own round goes with it (objects copy); a meeting added to it by hand would go too, so only then the meeting alone.
    if (round?.rehearsal === true && tree.meetingsOfRound(store, round.id).length === 1) tree.deleteRound(store, round.id);
    else tree.deleteMeeting(store, meetingId);
    recordAudit(store, realMeetingId, 'wipe_rehearsal', { ballots, codes });
  });
  const keys = meetingKeys(store);
  if (keys.get(meetingId) !== null) keys.destroy(meetingId);
  // Saved PDFs of the rehearsal: their names start with 演练- and the rehearsal's title.
  const folder = exportsFolder(dataDir);
  if (existsSync(folder)) {
    const prefix = `${rehearsalFilePrefix(true)}${safeFileName(found.title)}-`;
    for (const name of readdirSync(folder)) if (name.startsWith(prefix)) rmSync(join(folder, name), { force: true });
  }
  // Deleted rows are zeroed (secure_delete); the WAL's copies go with the checkpoint, free pages with the VACUUM.
  checkpointOrThrow(store);
  vacuum(store);
  checkpointOrThrow(store);
  events.emit({ type: 'changed', meetingId: null });
  return ok({ wiped: meetingId, realMeetingId });
}

/**
 * Removing a meeting that is a rehearsal is its wipe: whoever deletes a rehearsal means "make it
 * gone", and a plain delete would leave its round, key file, saved PDFs and audit chain behind.
 * (The console offers only 清除演练 for a rehearsal; this keeps the chair API from doing less.)
 */
export function removeMeetingOrRehearsal(store: Store, events: EventHub, dataDir: string, meetingId: string): Result<{ id: string }> {
  const meeting = tree.getMeeting(store, meetingId);
  if (meeting === null || meeting.rehearsalOf === null) return removeMeeting(store, meetingId);
  const wiped = wipeRehearsal(store, events, dataDir, meetingId);
  return wiped.ok ? ok({ id: meetingId }) : wiped;
}

/** As printing/pdf-service.ts names files (kept equal by the wipe test). */
export function safeFileName(text: string): string {
  return text.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').slice(0, 80);
}
