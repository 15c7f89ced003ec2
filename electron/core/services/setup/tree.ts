/**
 * Campaigns (评议活动) → rounds (e.g. 第四季度) → meetings: listing, creating, renaming, removing
 * (refused once a meeting has ballots or is voting) and copying a meeting or a whole round as one
 * transaction. Names are unique where people pick by name: campaigns, rounds of a campaign,
 * meetings of a round.
 */
import type { Store } from '../../store/database';
import type { CampaignRow, MeetingRow, ObjectRow, RepresentativeRow, RoundRow } from '../../store/rows';
import type { TreeCampaign, TreeMeeting } from '../../../../shared/api/chair/setup';
import type { BallotType, MeetingKind, MeetingStatus } from '../../../../shared/domain/model';
import { DEFAULT_SETTINGS } from '../../../../shared/domain/defaults';
import { err, ok, type Result } from '../../../../shared/domain/result';
import { newId } from '../../ids';
import { recordAudit } from '../audit';
import { editableMeeting, findCampaign, findRound, nextPosition, optionalText, removalBlocker, requiredText } from './checks';

function toTreeMeeting(row: MeetingRow, withBallots: ReadonlySet<string> = new Set()): TreeMeeting {
  return { id: row.id, title: row.title, kind: row.kind as MeetingKind, ballotType: row.ballot_type as BallotType, status: row.status as MeetingStatus, hasBallots: withBallots.has(row.id) };
}

/** Every campaign with its rounds and their meetings, in the order the chair arranged them. */
export function setupTree(store: Store): TreeCampaign[] {
  const campaigns = store.db.prepare('SELECT * FROM campaigns ORDER BY position').all() as CampaignRow[];
  const rounds = store.db.prepare('SELECT * FROM rounds ORDER BY position').all() as RoundRow[];
  const meetings = store.db.prepare('SELECT * FROM meetings ORDER BY position').all() as MeetingRow[];
  // The console greys out 删除 where core would refuse it (shared/domain/lifecycle mayRemoveMeeting).
  const withBallots = new Set((store.db.prepare('SELECT DISTINCT meeting_id FROM ballots').all() as { meeting_id: string }[]).map((r) => r.meeting_id));
  return campaigns.map((c) => ({
    id: c.id,
    name: c.name,
    rounds: rounds
      .filter((r) => r.campaign_id === c.id)
      .map((r) => ({ id: r.id, name: r.name, meetings: meetings.filter((m) => m.round_id === r.id).map((m) => toTreeMeeting(m, withBallots)) })),
  }));
}

function uniqueName(store: Store, sql: string, params: unknown[], message: string): Result<void> {
  return store.db.prepare(sql).get(...params) ? err('duplicate_name', message) : ok(undefined);
}

export function createCampaign(store: Store, input: { name: string }): Result<{ id: string }> {
  const name = requiredText(input.name, '评议活动名称');
  if (!name.ok) return name;
  const unique = uniqueName(store, 'SELECT 1 FROM campaigns WHERE name = ?', [name.value], `已有名为“${name.value}”的评议活动，请换一个名称（例如加上年度）。`);
  if (!unique.ok) return unique;
  const id = newId();
  store.transaction(() => {
    store.db.prepare('INSERT INTO campaigns (id, name, position) VALUES (?, ?, ?)').run(id, name.value, nextPosition(store, 'campaigns'));
    recordAudit(store, null, 'create_campaign', { name: name.value });
  });
  return ok({ id });
}

export function renameCampaign(store: Store, input: { campaignId: string; name: string }): Result<{ id: string }> {
  const campaign = findCampaign(store, input.campaignId);
  if (!campaign.ok) return campaign;
  const name = requiredText(input.name, '评议活动名称');
  if (!name.ok) return name;
  const unique = uniqueName(store, 'SELECT 1 FROM campaigns WHERE name = ? AND id <> ?', [name.value, input.campaignId], `已有名为“${name.value}”的评议活动，请换一个名称。`);
  if (!unique.ok) return unique;
  store.db.prepare('UPDATE campaigns SET name = ? WHERE id = ?').run(name.value, input.campaignId);
  return ok({ id: input.campaignId });
}

export function removeCampaign(store: Store, campaignId: string): Result<{ id: string }> {
  const campaign = findCampaign(store, campaignId);
  if (!campaign.ok) return campaign;
  const blocker = removalBlocker(store, 'r.campaign_id = ?', campaignId, `评议活动“${campaign.value.name}”`);
  if (blocker) return err('remove_refused', blocker);
  store.transaction(() => {
    store.db.prepare('DELETE FROM campaigns WHERE id = ?').run(campaignId);
    recordAudit(store, null, 'remove_campaign', { name: campaign.value.name });
  });
  return ok({ id: campaignId });
}

export function createRound(store: Store, input: { campaignId: string; name: string }): Result<{ id: string }> {
  const campaign = findCampaign(store, input.campaignId);
  if (!campaign.ok) return campaign;
  const name = requiredText(input.name, '轮次名称');
  if (!name.ok) return name;
  const unique = uniqueName(
    store,
    'SELECT 1 FROM rounds WHERE campaign_id = ? AND name = ?',
    [input.campaignId, name.value],
    `“${campaign.value.name}”中已有名为“${name.value}”的轮次，请换一个名称。`,
  );
  if (!unique.ok) return unique;
  const id = newId();
  store.transaction(() => {
    store.db
      .prepare('INSERT INTO rounds (id, campaign_id, name, position) VALUES (?, ?, ?, ?)')
      .run(id, input.campaignId, name.value, nextPosition(store, 'rounds', 'campaign_id = ?', input.campaignId));
    recordAudit(store, null, 'create_round', { name: name.value });
  });
  return ok({ id });
}

export function renameRound(store: Store, input: { roundId: string; name: string }): Result<{ id: string }> {
  const round = findRound(store, input.roundId);
  if (!round.ok) return round;
  const name = requiredText(input.name, '轮次名称');
  if (!name.ok) return name;
  const unique = uniqueName(
    store,
    'SELECT 1 FROM rounds WHERE campaign_id = ? AND name = ? AND id <> ?',
    [round.value.campaign_id, name.value, input.roundId],
    `本评议活动中已有名为“${name.value}”的轮次，请换一个名称。`,
  );
  if (!unique.ok) return unique;
  store.db.prepare('UPDATE rounds SET name = ? WHERE id = ?').run(name.value, input.roundId);
  return ok({ id: input.roundId });
}

export function removeRound(store: Store, roundId: string): Result<{ id: string }> {
  const round = findRound(store, roundId);
  if (!round.ok) return round;
  const blocker = removalBlocker(store, 'r.id = ?', roundId, `轮次“${round.value.name}”`);
  if (blocker) return err('remove_refused', blocker);
  store.transaction(() => {
    store.db.prepare('DELETE FROM rounds WHERE id = ?').run(roundId);
    recordAudit(store, null, 'remove_round', { name: round.value.name });
  });
  return ok({ id: roundId });
}

interface MeetingDetails {
  title: string;
  heldOn?: string;
  place?: string;
  kind: MeetingKind;
  ballotType: BallotType;
}

function checkDetails(store: Store, roundId: string, input: MeetingDetails, exceptId: string): Result<{ title: string; heldOn: string; place: string }> {
  const title = requiredText(input.title, '会议名称');
  if (!title.ok) return title;
  const heldOn = optionalText(input.heldOn, '会议日期');
  if (!heldOn.ok) return heldOn;
  if (heldOn.value !== '' && !/^\d{4}-\d{2}-\d{2}$/.test(heldOn.value)) {
    return err('field_invalid', `“会议日期”应写成 2026-11-23 这样的格式，现在是“${heldOn.value}”。`, { field: 'heldOn' });
  }
  const place = optionalText(input.place, '会议地点');
  if (!place.ok) return place;
  const unique = uniqueName(
    store,
    'SELECT 1 FROM meetings WHERE round_id = ? AND title = ? AND id <> ?',
    [roundId, title.value, exceptId],
    `本轮中已有名为“${title.value}”的会议，请换一个名称（例如注明“社会测评”或“单位自评”）。`,
  );
  if (!unique.ok) return unique;
  return ok({ title: title.value, heldOn: heldOn.value, place: place.value });
}

function meetingRow(store: Store, meetingId: string): MeetingRow {
  return store.db.prepare('SELECT * FROM meetings WHERE id = ?').get(meetingId) as MeetingRow;
}

/** A new draft meeting with the default settings and an empty roster. */
export function createMeeting(store: Store, input: MeetingDetails & { roundId: string }): Result<TreeMeeting> {
  const round = findRound(store, input.roundId);
  if (!round.ok) return round;
  const details = checkDetails(store, input.roundId, input, '');
  if (!details.ok) return details;
  const id = newId();
  store.transaction(() => {
    store.db
      .prepare(
        `INSERT INTO meetings (id, round_id, kind, ballot_type, title, held_on, place, settings_json, position)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(id, input.roundId, input.kind, input.ballotType, details.value.title, details.value.heldOn, details.value.place, JSON.stringify(DEFAULT_SETTINGS), nextPosition(store, 'meetings', 'round_id = ?', input.roundId));
    recordAudit(store, id, 'create_meeting', { kind: input.kind, ballotType: input.ballotType });
  });
  return ok(toTreeMeeting(meetingRow(store, id)));
}

/** Title, date, place, kind and ballot type of a draft meeting. */
export function updateMeetingDetails(store: Store, input: MeetingDetails & { meetingId: string }): Result<TreeMeeting> {
  const meeting = editableMeeting(store, input.meetingId);
  if (!meeting.ok) return meeting;
  const details = checkDetails(store, meeting.value.round_id, input, input.meetingId);
  if (!details.ok) return details;
  store.db
    .prepare('UPDATE meetings SET title = ?, held_on = ?, place = ?, kind = ?, ballot_type = ? WHERE id = ?')
    .run(details.value.title, details.value.heldOn, details.value.place, input.kind, input.ballotType, input.meetingId);
  return ok(toTreeMeeting(meetingRow(store, input.meetingId)));
}

export function removeMeeting(store: Store, meetingId: string): Result<{ id: string }> {
  const row = store.db.prepare('SELECT * FROM meetings WHERE id = ?').get(meetingId) as MeetingRow | undefined;
  if (!row) return err('meeting_not_found', '找不到这场评议会议，请刷新后重新选择。');
  const blocker = removalBlocker(store, 'm.id = ?', meetingId, '这场会议');
  if (blocker) return err('remove_refused', blocker);
  store.transaction(() => {
    store.db.prepare('DELETE FROM meetings WHERE id = ?').run(meetingId);
    recordAudit(store, null, 'remove_meeting', { title: row.title });
  });
  return ok({ id: meetingId });
}

/** Copies a meeting into a round as a draft: details, settings, override, roster (nobody checked in). Call inside a transaction. */
function copyMeetingRow(store: Store, source: MeetingRow, roundId: string, title: string, position: number): string {
  const id = newId();
  store.db
    .prepare(
      `INSERT INTO meetings (id, round_id, kind, ballot_type, title, held_on, place, status, settings_json, frozen_json, composition_override, attendance_override, position)
       VALUES (?, ?, ?, ?, ?, ?, ?, 'draft', ?, NULL, ?, NULL, ?)`,
    )
    .run(id, roundId, source.kind, source.ballot_type, title, source.held_on, source.place, source.settings_json, source.composition_override, position);
  const reps = store.db.prepare('SELECT * FROM representatives WHERE meeting_id = ? ORDER BY position').all(source.id) as RepresentativeRow[];
  const insert = store.db.prepare('INSERT INTO representatives (id, meeting_id, name, unit, category, position, checked_in) VALUES (?, ?, ?, ?, ?, ?, 0)');
  reps.forEach((r, i) => insert.run(newId(), id, r.name, r.unit, r.category, i + 1));
  return id;
}

export function copyMeeting(store: Store, input: { meetingId: string; title: string }): Result<TreeMeeting> {
  const source = store.db.prepare('SELECT * FROM meetings WHERE id = ?').get(input.meetingId) as MeetingRow | undefined;
  if (!source) return err('meeting_not_found', '找不到这场评议会议，请刷新后重新选择。');
  const details = checkDetails(store, source.round_id, { title: input.title, heldOn: source.held_on, place: source.place, kind: source.kind as MeetingKind, ballotType: source.ballot_type as BallotType }, '');
  if (!details.ok) return details;
  const id = store.transaction(() => {
    const copied = copyMeetingRow(store, source, source.round_id, details.value.title, nextPosition(store, 'meetings', 'round_id = ?', source.round_id));
    recordAudit(store, copied, 'copy_meeting', {});
    return copied;
  });
  return ok(toTreeMeeting(meetingRow(store, id)));
}

/** A new round in the same campaign with copies of the objects, the category mapping and every meeting (drafts). */
export function copyRound(store: Store, input: { roundId: string; name: string }): Result<{ id: string }> {
  const source = findRound(store, input.roundId);
  if (!source.ok) return source;
  // One transaction: the new round appears whole or not at all (createRound's nests as a savepoint).
  return store.transaction(() => {
    const created = createRound(store, { campaignId: source.value.campaign_id, name: input.name });
    if (!created.ok) return created;
    const roundId = created.value.id;
    store.db.prepare('UPDATE rounds SET category_sets_json = ? WHERE id = ?').run(source.value.category_sets_json, roundId);
    const objects = store.db.prepare('SELECT * FROM objects WHERE round_id = ? ORDER BY position').all(input.roundId) as ObjectRow[];
    const insert = store.db.prepare('INSERT INTO objects (id, round_id, name, department, category, indicator_set_id, position) VALUES (?, ?, ?, ?, ?, ?, ?)');
    objects.forEach((o, i) => insert.run(newId(), roundId, o.name, o.department, o.category, o.indicator_set_id, i + 1));
    const meetings = store.db.prepare('SELECT * FROM meetings WHERE round_id = ? ORDER BY position').all(input.roundId) as MeetingRow[];
    meetings.forEach((m, i) => copyMeetingRow(store, m, roundId, m.title, i + 1));
    recordAudit(store, null, 'copy_round', { objects: objects.length, meetings: meetings.length });
    return ok({ id: roundId });
  });
}
