/** A meeting's roster (the representatives table): people, their category, whether checked in. */
import type { Store } from './database';
import type { RepresentativeRow } from './rows';
import { prepared } from './statements';
import type { RepresentativeCategory } from '../../../shared/domain/model';
import { REPRESENTATIVE_CATEGORY_IDS } from '../../../shared/domain/voter-groups';

export interface Representative {
  readonly id: string;
  readonly meetingId: string;
  readonly name: string;
  readonly unit: string;
  readonly category: RepresentativeCategory;
  readonly position: number;
  readonly checkedIn: boolean;
}

const CATEGORIES: readonly string[] = REPRESENTATIVE_CATEGORY_IDS;

export function toRepresentative(row: RepresentativeRow): Representative {
  if (!CATEGORIES.includes(row.category)) throw new Error(`representatives.category of row ${row.id} is "${row.category}", not one of ${CATEGORIES.join(', ')}`);
  return {
    id: row.id,
    meetingId: row.meeting_id,
    name: row.name,
    unit: row.unit,
    category: row.category as RepresentativeCategory,
    position: row.position,
    checkedIn: row.checked_in === 1,
  };
}

/** The roster in its order (ties by name, as the check-in list always showed them). */
export function rosterOf(store: Store, meetingId: string): Representative[] {
  return (prepared(store.db, 'SELECT * FROM representatives WHERE meeting_id = ? ORDER BY position, name').all(meetingId) as RepresentativeRow[]).map(toRepresentative);
}

/** How many people of each category a meeting's roster has, and how many of them are checked in. */
export interface RosterCount {
  readonly category: RepresentativeCategory;
  readonly expected: number;
  readonly present: number;
}

/**
 * The roster counted by category, in SQL: turnout is sent every 100 ms while ballots arrive, and
 * reading and sorting a 1,000-person roster each time took 5 % of the ballot path's CPU.
 */
export function rosterCounts(store: Store, meetingId: string): RosterCount[] {
  const rows = prepared(
    store.db,
    'SELECT category, COUNT(*) AS expected, COALESCE(SUM(checked_in = 1), 0) AS present FROM representatives WHERE meeting_id = ? GROUP BY category',
  ).all(meetingId) as { category: string; expected: number; present: number }[];
  return rows.map((row) => {
    if (!CATEGORIES.includes(row.category)) throw new Error(`representatives.category "${row.category}" of meeting ${meetingId} is not one of ${CATEGORIES.join(', ')}`);
    return { category: row.category as RepresentativeCategory, expected: Number(row.expected), present: Number(row.present) };
  });
}

export function getRepresentative(store: Store, representativeId: string): Representative | null {
  const row = prepared(store.db, 'SELECT * FROM representatives WHERE id = ?').get(representativeId) as RepresentativeRow | undefined;
  return row ? toRepresentative(row) : null;
}

/** Marks one person of this meeting present or absent; false when no such person is on its roster. */
export function setCheckedIn(store: Store, meetingId: string, representativeId: string, present: boolean): boolean {
  return prepared(store.db, 'UPDATE representatives SET checked_in = ? WHERE id = ? AND meeting_id = ?').run(present ? 1 : 0, representativeId, meetingId).changes === 1;
}

/** The position after the roster's last person. */
export function nextRepresentativePosition(store: Store, meetingId: string): number {
  return (prepared(store.db, 'SELECT COALESCE(MAX(position), 0) + 1 AS p FROM representatives WHERE meeting_id = ?').get(meetingId) as { p: number }).p;
}

/** Each person's position becomes their place in `ids` (1-based). Call inside a transaction. */
export function writeRepresentativePositions(store: Store, ids: readonly string[]): void {
  const update = prepared(store.db, 'UPDATE representatives SET position = ? WHERE id = ?');
  ids.forEach((id, i) => update.run(i + 1, id));
}

/** Copies a roster into another meeting (new ids, same order, nobody checked in). Call inside a transaction. */
export function copyRoster(store: Store, fromMeetingId: string, toMeetingId: string, newId: () => string): void {
  const people = prepared(store.db, 'SELECT * FROM representatives WHERE meeting_id = ? ORDER BY position').all(fromMeetingId) as RepresentativeRow[];
  const insert = prepared(store.db, 'INSERT INTO representatives (id, meeting_id, name, unit, category, position, checked_in) VALUES (?, ?, ?, ?, ?, ?, 0)');
  people.forEach((r, i) => insert.run(newId(), toMeetingId, r.name, r.unit, r.category, i + 1));
}

/** True when another person of the roster (not `exceptId`) has this name at this unit. */
export function rosterNameTaken(store: Store, meetingId: string, name: string, unit: string, exceptId = ''): boolean {
  return prepared(store.db, 'SELECT 1 FROM representatives WHERE meeting_id = ? AND name = ? AND unit = ? AND id <> ?').get(meetingId, name, unit, exceptId) !== undefined;
}

export interface PersonFields {
  readonly name: string;
  readonly unit: string;
  readonly category: RepresentativeCategory;
}

/** Appends people at the end of the roster, not checked in. Call inside a transaction for several. */
export function insertRepresentatives(store: Store, meetingId: string, people: readonly (PersonFields & { id: string })[]): void {
  const start = nextRepresentativePosition(store, meetingId);
  const insert = prepared(store.db, 'INSERT INTO representatives (id, meeting_id, name, unit, category, position, checked_in) VALUES (?, ?, ?, ?, ?, ?, 0)');
  people.forEach((p, i) => insert.run(p.id, meetingId, p.name, p.unit, p.category, start + i));
}

export function updateRepresentative(store: Store, representativeId: string, fields: PersonFields): void {
  prepared(store.db, 'UPDATE representatives SET name = ?, unit = ?, category = ? WHERE id = ?').run(fields.name, fields.unit, fields.category, representativeId);
}

export function deleteRepresentative(store: Store, representativeId: string): void {
  prepared(store.db, 'DELETE FROM representatives WHERE id = ?').run(representativeId);
}

export function deleteRosterOf(store: Store, meetingId: string): void {
  prepared(store.db, 'DELETE FROM representatives WHERE meeting_id = ?').run(meetingId);
}
