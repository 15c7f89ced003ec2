/**
 * The campaign → round → meeting aggregate: every read and write of the campaigns, rounds and
 * meetings tables that the services need, by name. Rows are parsed here (snake_case `*Row` in,
 * camelCase records out; JSON columns through shared's schemas), so no service casts a row.
 */
import type { Store } from './database';
import type { CampaignRow, MeetingListRow, MeetingRow, RoundRow } from './rows';
import { prepared } from './statements';
import { parseJsonColumn } from './json-column';
import { statusIn } from './status-sql';
import { isVoting, mayEditSetup, meetingStatus } from '../../../shared/domain/lifecycle';
import type { BallotType, MeetingKind, MeetingSettings, MeetingStatus, RoundSettings } from '../../../shared/domain/model';
import type { MeetingDefinition } from '../../../shared/domain/ballot-rules';
import { storedRoundSettingsSchema, storedSettingsSchema } from '../../../shared/domain/settings';
import { storedCategorySetsSchema, storedDefinitionSchema } from '../../../shared/domain/stored-schemas';

export interface Campaign {
  readonly id: string;
  readonly name: string;
  readonly position: number;
}

export interface Round {
  readonly id: string;
  readonly campaignId: string;
  readonly name: string;
  readonly position: number;
  /** Object category → indicator set (分类差异化考核). */
  readonly categorySets: Readonly<Record<string, string>>;
  /** A rehearsal's own round (its copy of the objects): never part of history or a real round's totals. */
  readonly rehearsal: boolean;
  /** What combines the round's meetings: the component points. */
  readonly settings: RoundSettings;
}

export interface Meeting {
  readonly id: string;
  readonly roundId: string;
  readonly kind: MeetingKind;
  readonly ballotType: BallotType;
  readonly title: string;
  readonly heldOn: string;
  readonly place: string;
  readonly status: MeetingStatus;
  readonly settings: MeetingSettings;
  /** The definition as it was when voting opened; null while a draft. */
  readonly frozen: MeetingDefinition | null;
  readonly compositionOverride: string | null;
  readonly attendanceOverride: string | null;
  readonly position: number;
  /** For a rehearsal (演练), the id of the real meeting it rehearses; null for a real meeting. */
  readonly rehearsalOf: string | null;
}

/** A meeting with the names of its round and campaign, as lists show it. */
export interface NamedMeeting extends Meeting {
  readonly campaignId: string;
  readonly campaignName: string;
  readonly roundName: string;
}

/** The plain fields of a new meeting; settings and the roster are copied or defaulted by the caller. */
export type MeetingInsert = Pick<Meeting, 'id' | 'roundId' | 'kind' | 'ballotType' | 'title' | 'heldOn' | 'place' | 'settings' | 'compositionOverride' | 'position'> &
  /** Set only by the rehearsal copy (services/rehearsal.ts). */
  Partial<Pick<Meeting, 'rehearsalOf'>>;

/** Which part of the tree an operation covers. */
export type TreeScope = { readonly campaignId: string } | { readonly roundId: string };

const KINDS: readonly MeetingKind[] = ['social', 'self'];
const BALLOT_TYPES: readonly BallotType[] = ['graded', 'worst'];

function oneOf<T extends string>(allowed: readonly T[], value: string, what: string): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new Error(`stored ${what} "${value}" is not one of ${allowed.join(', ')}`);
}

/** The kind of a meetings row, checked, without parsing its JSON columns. */
export function kindOf(row: Pick<MeetingRow, 'kind'>): MeetingKind {
  return oneOf(KINDS, row.kind, 'meeting kind');
}

/** Parses a meetings row: enums checked, settings and frozen definition through shared's schemas. */
export function toMeeting(row: MeetingRow): Meeting {
  const where = (column: string) => ({ table: 'meetings', column, key: row.id });
  const frozen = row.frozen_json === null ? null : parseJsonColumn(storedDefinitionSchema, row.frozen_json, where('frozen_json'));
  return {
    id: row.id,
    roundId: row.round_id,
    kind: kindOf(row),
    ballotType: oneOf(BALLOT_TYPES, row.ballot_type, 'ballot type'),
    title: row.title,
    heldOn: row.held_on,
    place: row.place,
    status: meetingStatus(row.status),
    settings: parseJsonColumn(storedSettingsSchema, row.settings_json, where('settings_json')),
    frozen,
    compositionOverride: row.composition_override,
    attendanceOverride: row.attendance_override,
    position: row.position,
    rehearsalOf: row.rehearsal_of ?? null,
  };
}

function toRound(row: RoundRow): Round {
  return {
    id: row.id,
    campaignId: row.campaign_id,
    name: row.name,
    position: row.position,
    categorySets: parseJsonColumn(storedCategorySetsSchema, row.category_sets_json, { table: 'rounds', column: 'category_sets_json', key: row.id }),
    rehearsal: row.rehearsal === 1,
    settings: parseJsonColumn(storedRoundSettingsSchema, row.settings_json, { table: 'rounds', column: 'settings_json', key: row.id }),
  };
}

function toCampaign(row: CampaignRow): Campaign {
  return { id: row.id, name: row.name, position: row.position };
}

type NamedRow = MeetingListRow & { campaign_id: string };

function toNamedMeeting(row: NamedRow): NamedMeeting {
  return { ...toMeeting(row), campaignId: row.campaign_id, campaignName: row.campaign_name, roundName: row.round_name };
}

const NAMED_SQL = `
  SELECT m.*, r.name AS round_name, c.name AS campaign_name, r.campaign_id AS campaign_id
  FROM meetings m JOIN rounds r ON r.id = m.round_id JOIN campaigns c ON c.id = r.campaign_id`;

// ---- campaigns ----

export function listCampaigns(store: Store): Campaign[] {
  return (prepared(store.db, 'SELECT * FROM campaigns ORDER BY position').all() as CampaignRow[]).map(toCampaign);
}

export function getCampaign(store: Store, campaignId: string): Campaign | null {
  const row = prepared(store.db, 'SELECT * FROM campaigns WHERE id = ?').get(campaignId) as CampaignRow | undefined;
  return row ? toCampaign(row) : null;
}

/** True when another campaign (not `exceptId`) already has this name. */
export function campaignNameTaken(store: Store, name: string, exceptId = ''): boolean {
  return prepared(store.db, 'SELECT 1 FROM campaigns WHERE name = ? AND id <> ?').get(name, exceptId) !== undefined;
}

export function insertCampaign(store: Store, campaign: { id: string; name: string }): void {
  const position = (prepared(store.db, 'SELECT COALESCE(MAX(position), 0) + 1 AS p FROM campaigns').get() as { p: number }).p;
  prepared(store.db, 'INSERT INTO campaigns (id, name, position) VALUES (?, ?, ?)').run(campaign.id, campaign.name, position);
}

export function renameCampaign(store: Store, campaignId: string, name: string): void {
  prepared(store.db, 'UPDATE campaigns SET name = ? WHERE id = ?').run(name, campaignId);
}

/** Deletes the campaign with its rounds, meetings and everything under them (ON DELETE CASCADE). */
export function deleteCampaign(store: Store, campaignId: string): void {
  prepared(store.db, 'DELETE FROM campaigns WHERE id = ?').run(campaignId);
}

// ---- rounds ----

export function listRounds(store: Store): Round[] {
  return (prepared(store.db, 'SELECT * FROM rounds ORDER BY position').all() as RoundRow[]).map(toRound);
}

/** i16: each round's position becomes its place in `ids` (1-based): imported earlier rounds go first. */
export function writeRoundPositions(store: Store, ids: readonly string[]): void {
  const update = prepared(store.db, 'UPDATE rounds SET position = ? WHERE id = ?');
  ids.forEach((id, i) => update.run(i + 1, id));
}

export function getRound(store: Store, roundId: string): Round | null {
  const row = prepared(store.db, 'SELECT * FROM rounds WHERE id = ?').get(roundId) as RoundRow | undefined;
  return row ? toRound(row) : null;
}

/** True when another round of the campaign (not `exceptId`) already has this name. */
export function roundNameTaken(store: Store, campaignId: string, name: string, exceptId = ''): boolean {
  return prepared(store.db, 'SELECT 1 FROM rounds WHERE campaign_id = ? AND name = ? AND id <> ?').get(campaignId, name, exceptId) !== undefined;
}

/** A new round at the end of its campaign. */
export function insertRound(
  store: Store,
  round: { id: string; campaignId: string; name: string; categorySets?: Readonly<Record<string, string>>; rehearsal?: boolean; settings?: RoundSettings },
): void {
  const position = (prepared(store.db, 'SELECT COALESCE(MAX(position), 0) + 1 AS p FROM rounds WHERE campaign_id = ?').get(round.campaignId) as { p: number }).p;
  prepared(store.db, 'INSERT INTO rounds (id, campaign_id, name, position, category_sets_json, rehearsal, settings_json) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
    round.id,
    round.campaignId,
    round.name,
    position,
    JSON.stringify(round.categorySets ?? {}),
    round.rehearsal === true ? 1 : 0,
    JSON.stringify(round.settings ?? {}),
  );
}

export function renameRound(store: Store, roundId: string, name: string): void {
  prepared(store.db, 'UPDATE rounds SET name = ? WHERE id = ?').run(name, roundId);
}

export function setRoundCategorySets(store: Store, roundId: string, categorySets: Readonly<Record<string, string>>): void {
  prepared(store.db, 'UPDATE rounds SET category_sets_json = ? WHERE id = ?').run(JSON.stringify(categorySets), roundId);
}

export function setRoundSettings(store: Store, roundId: string, settings: RoundSettings): void {
  prepared(store.db, 'UPDATE rounds SET settings_json = ? WHERE id = ?').run(JSON.stringify(settings), roundId);
}

export function deleteRound(store: Store, roundId: string): void {
  prepared(store.db, 'DELETE FROM rounds WHERE id = ?').run(roundId);
}

/** The title of the round's first meeting whose setup is frozen (voting opened), or null. */
export function firstFrozenMeetingTitle(store: Store, roundId: string): string | null {
  const row = prepared(store.db, `SELECT title FROM meetings WHERE round_id = ? AND ${statusIn('status', (s) => !mayEditSetup(s))} ORDER BY position LIMIT 1`).get(roundId) as
    | { title: string }
    | undefined;
  return row?.title ?? null;
}

// ---- meetings ----

/** Every meeting with its round's and campaign's names, campaign by campaign, round by round. */
export function listNamedMeetings(store: Store): NamedMeeting[] {
  return (prepared(store.db, `${NAMED_SQL} ORDER BY c.position, r.position, m.position`).all() as NamedRow[]).map(toNamedMeeting);
}

/** Every meeting in position order (the tree groups them by round). */
export function listMeetings(store: Store): Meeting[] {
  return (prepared(store.db, 'SELECT * FROM meetings ORDER BY position').all() as MeetingRow[]).map(toMeeting);
}

export function meetingsOfRound(store: Store, roundId: string): Meeting[] {
  return (prepared(store.db, 'SELECT * FROM meetings WHERE round_id = ? ORDER BY position').all(roundId) as MeetingRow[]).map(toMeeting);
}

export function getMeeting(store: Store, meetingId: string): Meeting | null {
  const row = getMeetingRow(store, meetingId);
  return row ? toMeeting(row) : null;
}

export function getNamedMeeting(store: Store, meetingId: string): NamedMeeting | null {
  const row = prepared(store.db, `${NAMED_SQL} WHERE m.id = ?`).get(meetingId) as NamedRow | undefined;
  return row ? toNamedMeeting(row) : null;
}

/** Kind and status alone, without parsing the settings and frozen definition (cheap enough to ask often). */
export function getMeetingKindAndStatus(store: Store, meetingId: string): { kind: MeetingKind; status: MeetingStatus } | null {
  const row = prepared(store.db, 'SELECT kind, status FROM meetings WHERE id = ?').get(meetingId) as Pick<MeetingRow, 'kind' | 'status'> | undefined;
  return row ? { kind: kindOf(row), status: meetingStatus(row.status) } : null;
}

/**
 * The unparsed row, for the services that still read rows (voting, results, printing: other
 * lanes); new code uses getMeeting.
 */
export function getMeetingRow(store: Store, meetingId: string): MeetingRow | undefined {
  return prepared(store.db, 'SELECT * FROM meetings WHERE id = ?').get(meetingId) as MeetingRow | undefined;
}

/** True when another meeting of the round (not `exceptId`) already has this title. */
export function meetingTitleTaken(store: Store, roundId: string, title: string, exceptId = ''): boolean {
  return prepared(store.db, 'SELECT 1 FROM meetings WHERE round_id = ? AND title = ? AND id <> ?').get(roundId, title, exceptId) !== undefined;
}

/** The position after the round's last meeting. */
export function nextMeetingPosition(store: Store, roundId: string): number {
  return (prepared(store.db, 'SELECT COALESCE(MAX(position), 0) + 1 AS p FROM meetings WHERE round_id = ?').get(roundId) as { p: number }).p;
}

/** A new draft meeting (not frozen, no attendance override). */
export function insertMeeting(store: Store, meeting: MeetingInsert): void {
  prepared(
    store.db,
    `INSERT INTO meetings (id, round_id, kind, ballot_type, title, held_on, place, status, settings_json, frozen_json, composition_override, attendance_override, position, rehearsal_of)
     VALUES (?, ?, ?, ?, ?, ?, ?, 'draft', ?, NULL, ?, NULL, ?, ?)`,
  ).run(
    meeting.id,
    meeting.roundId,
    meeting.kind,
    meeting.ballotType,
    meeting.title,
    meeting.heldOn,
    meeting.place,
    JSON.stringify(meeting.settings),
    meeting.compositionOverride,
    meeting.position,
    meeting.rehearsalOf ?? null,
  );
}

/** The rehearsals of a real meeting (演练 copies), in the order they were made. */
/** The rehearsal a rehearsal round was made for (its first meeting that is a rehearsal); null for a real round. */
export function rehearsalOfRound(store: Store, roundId: string): string | null {
  const row = prepared(
    store.db,
    'SELECT m.id FROM meetings m JOIN rounds r ON r.id = m.round_id WHERE r.id = ? AND r.rehearsal = 1 AND m.rehearsal_of IS NOT NULL ORDER BY m.position, m.rowid LIMIT 1',
  ).get(roundId) as { id: string } | undefined;
  return row?.id ?? null;
}

export function rehearsalsOf(store: Store, meetingId: string): Meeting[] {
  return (prepared(store.db, 'SELECT * FROM meetings WHERE rehearsal_of = ? ORDER BY rowid').all(meetingId) as MeetingRow[]).map(toMeeting);
}

export function updateMeetingDetails(
  store: Store,
  meetingId: string,
  details: { title: string; heldOn: string; place: string; kind: MeetingKind; ballotType: BallotType },
): void {
  prepared(store.db, 'UPDATE meetings SET title = ?, held_on = ?, place = ?, kind = ?, ballot_type = ? WHERE id = ?').run(
    details.title,
    details.heldOn,
    details.place,
    details.kind,
    details.ballotType,
    meetingId,
  );
}

export function setMeetingSettings(store: Store, meetingId: string, settings: MeetingSettings): void {
  prepared(store.db, 'UPDATE meetings SET settings_json = ? WHERE id = ?').run(JSON.stringify(settings), meetingId);
}

export function setCompositionOverride(store: Store, meetingId: string, reason: string | null): void {
  prepared(store.db, 'UPDATE meetings SET composition_override = ? WHERE id = ?').run(reason, meetingId);
}

/** Closed → official; the WHERE keeps a concurrent second confirmation from writing twice. False when it was not closed. */
export function markClosedMeetingOfficial(store: Store, meetingId: string): boolean {
  return prepared(store.db, "UPDATE meetings SET status = 'official' WHERE id = ? AND status = 'closed'").run(meetingId).changes === 1;
}

export function deleteMeeting(store: Store, meetingId: string): void {
  prepared(store.db, 'DELETE FROM meetings WHERE id = ?').run(meetingId);
}

/** What stops a scope from being removed: a meeting voting now, and the meeting with the most ballots. */
export interface RemovalFacts {
  readonly votingTitle: string | null;
  readonly mostBallots: { readonly title: string; readonly ballots: number } | null;
}

const SCOPE_WHERE = { campaign: 'r.campaign_id = ?', round: 'r.id = ?', meeting: 'm.id = ?' } as const;

/** The facts removalBlocker words, for a campaign, a round or one meeting. Counts only. */
export function removalFacts(store: Store, scope: TreeScope | { readonly meetingId: string }): RemovalFacts {
  const [where, param] =
    'campaignId' in scope ? [SCOPE_WHERE.campaign, scope.campaignId] : 'roundId' in scope ? [SCOPE_WHERE.round, scope.roundId] : [SCOPE_WHERE.meeting, scope.meetingId];
  const most = prepared(
    store.db,
    `SELECT m.title, (SELECT COUNT(*) FROM ballots b WHERE b.meeting_id = m.id) AS ballots
     FROM meetings m JOIN rounds r ON r.id = m.round_id WHERE ${where} ORDER BY ballots DESC LIMIT 1`,
  ).get(param) as { title: string; ballots: number } | undefined;
  const voting = prepared(store.db, `SELECT m.title FROM meetings m JOIN rounds r ON r.id = m.round_id WHERE ${where} AND ${statusIn('m.status', isVoting)} LIMIT 1`).get(param) as
    | { title: string }
    | undefined;
  return { votingTitle: voting?.title ?? null, mostBallots: most ?? null };
}
