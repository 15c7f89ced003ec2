/**
 * Re-tallying an exported ballot file: the results are computed from the file alone and
 * compared with the stored results of the same meeting, object by object (rank, exact score,
 * veto, completeness) and in the ballot count. Used by the console's button and by the CLI.
 */
import type { Store } from '../../store/database';
import type { MeetingResults, RetallyDifference, RetallyReport, RetallyStanding } from '../../../../shared/api/chair/results';
import { MAX_RETALLY_FILE_BYTES } from '../../../../shared/api/chair/results';
import { ok, type Result } from '../../../../shared/domain/result';
import { readTable } from '../../import';
import { findMeeting } from '../meetings';
import { parseBallotFile } from './ballot-file';
import { meetingResultsOf } from './compute';
import { loadMeetingData } from './meeting-data';
import { meetingStatus, resultsAvailable } from '../../../../shared/domain/lifecycle';
import { ballotSetDigest } from '../../printing/fingerprint';

/** Every difference between two results of one meeting, as facts (worded by shared/i18n/retally-words.ts); empty when identical. */
export function compareResults(fromFile: MeetingResults, stored: MeetingResults): RetallyDifference[] {
  const differences: RetallyDifference[] = [];
  if (fromFile.ballots !== stored.ballots) differences.push({ kind: 'ballots', file: fromFile.ballots, stored: stored.ballots });
  const storedRows = new Map(stored.rows.map((row) => [row.objectId, row]));
  const fileIds = new Set(fromFile.rows.map((row) => row.objectId));
  for (const row of fromFile.rows) {
    const other = storedRows.get(row.objectId);
    if (other === undefined) {
      differences.push({ kind: 'only_in_file', name: row.name });
      continue;
    }
    const standing = (r: typeof row): RetallyStanding => ({ rank: r.rank, score: r.score, vetoed: r.vetoed, vetoReason: r.vetoReason });
    if (row.rank !== other.rank || row.exact !== other.exact || row.vetoed !== other.vetoed || row.vetoReason !== other.vetoReason || row.incomplete !== other.incomplete) {
      differences.push({ kind: 'standing', name: row.name, file: standing(row), stored: standing(other) });
    }
  }
  for (const row of stored.rows) if (!fileIds.has(row.objectId)) differences.push({ kind: 'only_stored', name: row.name });
  return differences;
}

/** Re-tallies the bytes of an exported ballot file; with a store, compares with its stored results. */
export async function retallyFile(bytes: Uint8Array, fileName: string, store: Store | null): Promise<Result<RetallyReport>> {
  const table = await readTable(bytes, fileName, { maxBytes: MAX_RETALLY_FILE_BYTES });
  if (!table.ok) return table;
  const data = parseBallotFile(table.value);
  if (!data.ok) return data;
  const fromFile = meetingResultsOf(data.value);
  if (!fromFile.ok) return fromFile;
  let compared = false;
  let differences: RetallyDifference[] = [];
  const meeting = store === null ? null : findMeeting(store, data.value.meetingId);
  if (store !== null && meeting !== null && meeting.ok && resultsAvailable(meetingStatus(meeting.value.status))) {
    const storedData = loadMeetingData(store, data.value.meetingId);
    if (!storedData.ok) return storedData;
    const stored = meetingResultsOf(storedData.value);
    if (!stored.ok) return stored;
    compared = true;
    differences = compareResults(fromFile.value, stored.value);
  }
  return ok({
    fileName,
    fingerprint: ballotSetDigest([{ meetingId: data.value.meetingId, ballots: data.value.ballots }]),
    meetingId: data.value.meetingId,
    title: data.value.title,
    ballots: data.value.ballots.length,
    compared,
    matches: compared && differences.length === 0,
    differences,
    results: fromFile.value,
  });
}
