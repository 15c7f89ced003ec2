/**
 * The voting side of the meeting aggregate, by name: what the ballot path reads of a meeting
 * (four narrow columns, never the row with its frozen definition), the frozen definition itself,
 * and the writes of opening, pausing and closing. Rows are parsed here; statements are prepared
 * once per connection (store/statements.ts), since the ballot path asks for every ballot.
 */
import { z } from 'zod';
import type { Db, Store } from './database';
import { prepared } from './statements';
import { parseJsonColumn } from './json-column';
import { kindOf } from './meetings';
import { meetingStatus } from '../../../shared/domain/lifecycle';
import type { MeetingKind, MeetingStatus } from '../../../shared/domain/model';
import type { MeetingDefinition } from '../../../shared/domain/ballot-rules';
import { storedDefinitionSchema } from '../../../shared/domain/stored-schemas';

/** What a tablet request needs of its code's meeting. */
export interface VotingMeeting {
  readonly id: string;
  readonly kind: MeetingKind;
  readonly title: string;
  readonly status: MeetingStatus;
  /** i17r: the real meeting's id for a rehearsal (its tablets show the 演练 banner), else null. */
  readonly rehearsalOf: string | null;
}

const votingRowSchema = z.object({ id: z.string(), kind: z.string(), title: z.string(), status: z.string(), rehearsal_of: z.string().nullable() });

/**
 * The meeting's id, kind, title, status and rehearsal link, or null. Reading `SELECT *` here cost a copy of the
 * frozen definition (tens of KB for 100 objects) for every ballot (docs/performance.md).
 */
export function votingMeeting(store: Store, meetingId: string): VotingMeeting | null {
  const row = prepared(store.db, 'SELECT id, kind, title, status, rehearsal_of FROM meetings WHERE id = ?').get(meetingId);
  if (row === undefined) return null;
  const r = votingRowSchema.parse(row);
  return { id: r.id, kind: kindOf(r), title: r.title, status: meetingStatus(r.status), rehearsalOf: r.rehearsal_of };
}

/**
 * Parsed frozen definitions, per connection and meeting. A definition is written once, when
 * voting first opens, and never changes afterwards (a copied meeting gets a new id), so it is
 * parsed once instead of once per batch of ballots; only definitions read back from the file
 * are kept, never one just written by a transaction that might still roll back.
 */
const frozenCache = new WeakMap<Db, Map<string, MeetingDefinition>>();

/** The definition frozen when voting opened, or null while the meeting is a draft (or absent). */
export function frozenDefinition(store: Store, meetingId: string): MeetingDefinition | null {
  let cache = frozenCache.get(store.db);
  if (!cache) frozenCache.set(store.db, (cache = new Map()));
  const kept = cache.get(meetingId);
  if (kept) return kept;
  const row = prepared(store.db, 'SELECT frozen_json FROM meetings WHERE id = ?').get(meetingId) as { frozen_json: unknown } | undefined;
  if (row === undefined || row.frozen_json === null) return null;
  const text = z.string().parse(row.frozen_json);
  const definition = parseJsonColumn(storedDefinitionSchema, text, { table: 'meetings', column: 'frozen_json', key: meetingId });
  cache.set(meetingId, definition);
  return definition;
}

/** Freezes the definition ballots are checked against (at the first opening only). */
export function freezeDefinition(store: Store, meetingId: string, definition: MeetingDefinition): void {
  prepared(store.db, 'UPDATE meetings SET frozen_json = ? WHERE id = ? AND frozen_json IS NULL').run(JSON.stringify(definition), meetingId);
}

export function setMeetingStatus(store: Store, meetingId: string, status: MeetingStatus): void {
  prepared(store.db, 'UPDATE meetings SET status = ? WHERE id = ?').run(status, meetingId);
}

/** The chair's written reason for opening despite the attendance rule. */
export function setAttendanceOverride(store: Store, meetingId: string, reason: string): void {
  prepared(store.db, 'UPDATE meetings SET attendance_override = ? WHERE id = ?').run(reason, meetingId);
}

const closeStateSchema = z.object({ status: z.string(), anonymisation: z.string().nullable() });

/** The meeting's status and whether its anonymisation is still pending, or null when absent. */
export function closeState(store: Store, meetingId: string): { status: MeetingStatus; pending: boolean } | null {
  const row = prepared(store.db, 'SELECT status, anonymisation FROM meetings WHERE id = ?').get(meetingId);
  if (row === undefined) return null;
  const r = closeStateSchema.parse(row);
  return { status: meetingStatus(r.status), pending: r.anonymisation === 'pending' };
}
