/**
 * Paper ballots keyed in twice (issue 17): pending entries (paper_entries) and kept 无效票
 * (invalid_ballots). Rows are parsed here and leave as camelCase records. A valid accepted
 * paper ballot is not kept here at all: it goes into `ballots` through the ballot store, where
 * nothing tells it from a tablet ballot (docs/paper-ballots.md).
 */
import { z } from 'zod';
import type { Store } from './database';
import { prepared } from './statements';
import { VOTER_GROUP_IDS } from '../../../shared/domain/voter-groups';
import type { VoterGroup } from '../../../shared/domain/model';
import type { BallotIssueCode } from '../../../shared/domain/ballot-rules';
import { WHOLE_INVALID_CODES, type WholeInvalidCode } from '../../../shared/domain/paper-entry';

const ISSUE_CODES = [
  'wrong_type',
  'objects_mismatch',
  'object_unanswered',
  'indicator_set_missing',
  'indicators_mismatch',
  'indicator_unanswered',
  'grade_off_scale',
  'too_many_picks',
  'unknown_object',
  'object_twice',
  'tag_twice',
  'unknown_tag',
] as const satisfies readonly BallotIssueCode[];

const entryRowSchema = z.object({
  id: z.string(),
  meeting_id: z.string(),
  voter_group: z.enum(VOTER_GROUP_IDS),
  label: z.number().int(),
  first_json: z.string(),
  first_clerk: z.string(),
  second_json: z.string().nullable(),
  second_clerk: z.string().nullable(),
});

const invalidRowSchema = z.object({ voter_group: z.enum(VOTER_GROUP_IDS), reason: z.enum([...ISSUE_CODES, ...WHOLE_INVALID_CODES]), content_json: z.string() });
const countRowSchema = z.object({ voter_group: z.enum(VOTER_GROUP_IDS), n: z.number().int() });

/** A paper ballot keyed once (awaiting its second entry) or twice with differences (a conflict). */
export interface PaperEntryRecord {
  readonly id: string;
  readonly meetingId: string;
  readonly group: VoterGroup;
  /** The number the clerks call the paper by while its pair is pending; forgotten at acceptance. */
  readonly label: number;
  readonly firstJson: string;
  readonly firstClerk: string;
  readonly secondJson: string | null;
  readonly secondClerk: string | null;
}

export interface InvalidBallotRecord {
  readonly group: VoterGroup;
  readonly reason: BallotIssueCode | WholeInvalidCode;
  readonly contentJson: string;
}

function entryRecord(row: unknown): PaperEntryRecord {
  const r = entryRowSchema.parse(row);
  return {
    id: r.id,
    meetingId: r.meeting_id,
    group: r.voter_group,
    label: r.label,
    firstJson: r.first_json,
    firstClerk: r.first_clerk,
    secondJson: r.second_json,
    secondClerk: r.second_clerk,
  };
}

/** The meeting's pending entries, by their label. */
export function pendingPaperEntries(store: Store, meetingId: string): PaperEntryRecord[] {
  return prepared(store.db, 'SELECT * FROM paper_entries WHERE meeting_id = ? ORDER BY label').all(meetingId).map(entryRecord);
}

export function getPaperEntry(store: Store, entryId: string): PaperEntryRecord | null {
  const row = prepared(store.db, 'SELECT * FROM paper_entries WHERE id = ?').get(entryId);
  return row ? entryRecord(row) : null;
}

/** The next free label of the meeting's pending entries (labels restart once none is pending). */
export function nextPaperLabel(store: Store, meetingId: string): number {
  const row = z.object({ n: z.number().int().nullable() }).parse(prepared(store.db, 'SELECT MAX(label) AS n FROM paper_entries WHERE meeting_id = ?').get(meetingId));
  return (row.n ?? 0) + 1;
}

export function insertPaperEntry(store: Store, entry: Pick<PaperEntryRecord, 'id' | 'meetingId' | 'group' | 'label' | 'firstJson' | 'firstClerk'>): void {
  prepared(store.db, 'INSERT INTO paper_entries (id, meeting_id, voter_group, label, first_json, first_clerk) VALUES (?, ?, ?, ?, ?, ?)').run(
    entry.id,
    entry.meetingId,
    entry.group,
    entry.label,
    entry.firstJson,
    entry.firstClerk,
  );
}

/** Records the second entry of a pair that differs from the first; false when it already had one. */
export function setSecondPaperEntry(store: Store, entryId: string, json: string, clerk: string): boolean {
  return prepared(store.db, 'UPDATE paper_entries SET second_json = ?, second_clerk = ? WHERE id = ? AND second_json IS NULL').run(json, clerk, entryId).changes === 1;
}

export function deletePaperEntry(store: Store, entryId: string): boolean {
  return prepared(store.db, 'DELETE FROM paper_entries WHERE id = ?').run(entryId).changes === 1;
}

export function pendingPaperCount(store: Store, meetingId: string): number {
  return z.object({ n: z.number().int() }).parse(prepared(store.db, 'SELECT COUNT(*) AS n FROM paper_entries WHERE meeting_id = ?').get(meetingId)).n;
}

export function insertInvalidBallot(store: Store, input: { id: string; meetingId: string; group: VoterGroup; reason: BallotIssueCode | WholeInvalidCode; contentJson: string }): void {
  prepared(store.db, 'INSERT INTO invalid_ballots (id, meeting_id, voter_group, reason, content_json) VALUES (?, ?, ?, ?, ?)').run(
    input.id,
    input.meetingId,
    input.group,
    input.reason,
    input.contentJson,
  );
}

/** The meeting's 无效票 in a canonical order (group, reason, content), never the order of entry. */
export function invalidBallots(store: Store, meetingId: string): InvalidBallotRecord[] {
  return prepared(store.db, 'SELECT voter_group, reason, content_json FROM invalid_ballots WHERE meeting_id = ? ORDER BY voter_group, reason, content_json')
    .all(meetingId)
    .map((row) => {
      const r = invalidRowSchema.parse(row);
      return { group: r.voter_group, reason: r.reason, contentJson: r.content_json };
    });
}

/** 无效票 per group. */
export function invalidBallotCounts(store: Store, meetingId: string): Map<VoterGroup, number> {
  const rows = prepared(store.db, 'SELECT voter_group, COUNT(*) AS n FROM invalid_ballots WHERE meeting_id = ? GROUP BY voter_group').all(meetingId);
  return new Map(rows.map((row) => countRowSchema.parse(row)).map((r) => [r.voter_group, r.n]));
}
