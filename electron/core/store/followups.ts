/** Commitments and rectification entries (公开承诺, 整改措施, 整改反馈, 暗访督查) per lineage and round (issue 16). */
import type { Store } from './database';
import { prepared } from './statements';
import { CorruptRowError } from './json-column';
import { followupKindSchema, recorderRoleSchema, type Followup } from '../../../shared/history/model';

interface FollowupRow {
  id: string;
  object_key: string;
  round_id: string;
  kind: string;
  dated_on: string;
  text: string;
  recorded_by: string;
  position: number;
}

function toFollowup(row: FollowupRow): Followup {
  const kind = followupKindSchema.safeParse(row.kind);
  const role = recorderRoleSchema.safeParse(row.recorded_by);
  if (!kind.success || !role.success) throw new CorruptRowError(`followups row ${row.id} has kind "${row.kind}" / recorded_by "${row.recorded_by}"`);
  return { id: row.id, objectKey: row.object_key, roundId: row.round_id, kind: kind.data, datedOn: row.dated_on, text: row.text, recordedBy: role.data };
}

/** An entry as stored: the recorded entry itself (shared/history/model.ts). */
export type FollowupInsert = Followup;

export function insertFollowup(store: Store, entry: FollowupInsert): void {
  const next = (prepared(store.db, 'SELECT COALESCE(MAX(position), 0) + 1 AS p FROM followups').get() as { p: number }).p;
  prepared(store.db, 'INSERT INTO followups (id, object_key, round_id, kind, dated_on, text, recorded_by, position) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(
    entry.id,
    entry.objectKey,
    entry.roundId,
    entry.kind,
    entry.datedOn,
    entry.text,
    entry.recordedBy,
    next,
  );
}

export function getFollowup(store: Store, id: string): Followup | null {
  const row = prepared(store.db, 'SELECT * FROM followups WHERE id = ?').get(id) as FollowupRow | undefined;
  return row === undefined ? null : toFollowup(row);
}

export function deleteFollowup(store: Store, id: string): void {
  prepared(store.db, 'DELETE FROM followups WHERE id = ?').run(id);
}

/** A lineage's entries, by date then the order they were recorded. */
export function followupsOfObject(store: Store, objectKey: string): Followup[] {
  return (prepared(store.db, 'SELECT * FROM followups WHERE object_key = ? ORDER BY dated_on, position').all(objectKey) as FollowupRow[]).map(toFollowup);
}

/** Every entry of a campaign's rounds. */
export function followupsOfCampaign(store: Store, campaignId: string): Followup[] {
  return (
    prepared(store.db, 'SELECT f.* FROM followups f JOIN rounds r ON r.id = f.round_id WHERE r.campaign_id = ? ORDER BY f.dated_on, f.position').all(campaignId) as FollowupRow[]
  ).map(toFollowup);
}

/** Moves a lineage's entries to another (a merge). */
export function moveFollowups(store: Store, fromKey: string, toKey: string): void {
  prepared(store.db, 'UPDATE followups SET object_key = ? WHERE object_key = ?').run(toKey, fromKey);
}

/** Moves one round's entries of a lineage to another key (a split). */
export function moveRoundFollowups(store: Store, roundId: string, fromKey: string, toKey: string): void {
  prepared(store.db, 'UPDATE followups SET object_key = ? WHERE object_key = ? AND round_id = ?').run(toKey, fromKey, roundId);
}
