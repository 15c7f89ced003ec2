/**
 * Campaigns (评议活动) → rounds (e.g. 第四季度) → meetings: listing, creating, renaming, removing
 * (refused once a meeting has ballots or is voting) and copying a meeting or a whole round as one
 * transaction. Names are unique where people pick by name: campaigns, rounds of a campaign,
 * meetings of a round.
 */
import type { Store } from '../../store/database';
import * as tree from '../../store/meetings';
import type { Meeting } from '../../store/meetings';
import { copyObjects } from '../../store/objects';
import { copyRoster } from '../../store/roster';
import { meetingsWithBallots } from '../../store/counts';
import { withTransaction } from '../../store/transaction';
import type { TreeCampaign, TreeMeeting } from '../../../../shared/api/chair/setup';
import type { BallotType, MeetingKind } from '../../../../shared/domain/model';
import { DEFAULT_SETTINGS } from '../../../../shared/domain/defaults';
import { fail, ok, type ErrorParams, type Result } from '../../../../shared/domain/result';
import { newId } from '../../ids';
import { recordAudit } from '../audit';
import { editableMeeting, findCampaign, findRound, optionalText, removalBlocker, requiredText } from './checks';

function toTreeMeeting(meeting: Meeting, withBallots: ReadonlySet<string> = new Set()): TreeMeeting {
  return { id: meeting.id, title: meeting.title, kind: meeting.kind, ballotType: meeting.ballotType, status: meeting.status, hasBallots: withBallots.has(meeting.id), rehearsalOf: meeting.rehearsalOf };
}

/** Every campaign with its rounds and their meetings, in the order the chair arranged them. */
export function setupTree(store: Store): TreeCampaign[] {
  const rounds = tree.listRounds(store);
  const meetings = tree.listMeetings(store);
  // The console greys out 删除 where core would refuse it (shared/domain/lifecycle mayRemoveMeeting).
  const withBallots = meetingsWithBallots(store);
  return tree.listCampaigns(store).map((c) => ({
    id: c.id,
    name: c.name,
    rounds: rounds
      .filter((r) => r.campaignId === c.id)
      .map((r) => ({ id: r.id, name: r.name, meetings: meetings.filter((m) => m.roundId === r.id).map((m) => toTreeMeeting(m, withBallots)) })),
  }));
}

function duplicate(taken: boolean, params: ErrorParams): Result<void> {
  return taken ? fail('duplicate_name', params) : ok(undefined);
}

export function createCampaign(store: Store, input: { name: string }): Result<{ id: string }> {
  const name = requiredText(input.name, { field: 'campaignName' });
  if (!name.ok) return name;
  const unique = duplicate(tree.campaignNameTaken(store, name.value), { target: 'campaign', action: 'create', name: name.value });
  if (!unique.ok) return unique;
  const id = newId();
  store.transaction(() => {
    tree.insertCampaign(store, { id, name: name.value });
    recordAudit(store, null, 'create_campaign', { name: name.value });
  });
  return ok({ id });
}

export function renameCampaign(store: Store, input: { campaignId: string; name: string }): Result<{ id: string }> {
  const campaign = findCampaign(store, input.campaignId);
  if (!campaign.ok) return campaign;
  const name = requiredText(input.name, { field: 'campaignName' });
  if (!name.ok) return name;
  const unique = duplicate(tree.campaignNameTaken(store, name.value, input.campaignId), { target: 'campaign', action: 'rename', name: name.value });
  if (!unique.ok) return unique;
  tree.renameCampaign(store, input.campaignId, name.value);
  return ok({ id: input.campaignId });
}

export function removeCampaign(store: Store, campaignId: string): Result<{ id: string }> {
  const campaign = findCampaign(store, campaignId);
  if (!campaign.ok) return campaign;
  const blocker = removalBlocker(store, { campaignId }, { target: 'campaign', name: campaign.value.name });
  if (blocker) return blocker;
  store.transaction(() => {
    tree.deleteCampaign(store, campaignId);
    recordAudit(store, null, 'remove_campaign', { name: campaign.value.name });
  });
  return ok({ id: campaignId });
}

export function createRound(store: Store, input: { campaignId: string; name: string }): Result<{ id: string }> {
  const campaign = findCampaign(store, input.campaignId);
  if (!campaign.ok) return campaign;
  const name = requiredText(input.name, { field: 'roundName' });
  if (!name.ok) return name;
  const unique = duplicate(tree.roundNameTaken(store, input.campaignId, name.value), { target: 'round', campaign: campaign.value.name, name: name.value });
  if (!unique.ok) return unique;
  const id = newId();
  store.transaction(() => {
    tree.insertRound(store, { id, campaignId: input.campaignId, name: name.value });
    recordAudit(store, null, 'create_round', { name: name.value });
  });
  return ok({ id });
}

export function renameRound(store: Store, input: { roundId: string; name: string }): Result<{ id: string }> {
  const round = findRound(store, input.roundId);
  if (!round.ok) return round;
  const name = requiredText(input.name, { field: 'roundName' });
  if (!name.ok) return name;
  const unique = duplicate(tree.roundNameTaken(store, round.value.campaignId, name.value, input.roundId), { target: 'round', name: name.value });
  if (!unique.ok) return unique;
  tree.renameRound(store, input.roundId, name.value);
  return ok({ id: input.roundId });
}

export function removeRound(store: Store, roundId: string): Result<{ id: string }> {
  const round = findRound(store, roundId);
  if (!round.ok) return round;
  const blocker = removalBlocker(store, { roundId }, { target: 'round', name: round.value.name });
  if (blocker) return blocker;
  store.transaction(() => {
    tree.deleteRound(store, roundId);
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
  const title = requiredText(input.title, { field: 'title' });
  if (!title.ok) return title;
  const heldOn = optionalText(input.heldOn, { field: 'heldOn' });
  if (!heldOn.ok) return heldOn;
  if (heldOn.value !== '' && !/^\d{4}-\d{2}-\d{2}$/.test(heldOn.value)) {
    return fail('field_invalid', { field: 'heldOn', rule: 'date_format', value: heldOn.value });
  }
  const place = optionalText(input.place, { field: 'place' });
  if (!place.ok) return place;
  const unique = duplicate(
    tree.meetingTitleTaken(store, roundId, title.value, exceptId),
    { target: 'meeting', name: title.value },
  );
  if (!unique.ok) return unique;
  return ok({ title: title.value, heldOn: heldOn.value, place: place.value });
}

/** A meeting just written: it exists, so a miss is a bug. */
function written(store: Store, meetingId: string): Meeting {
  const meeting = tree.getMeeting(store, meetingId);
  if (!meeting) throw new Error(`meeting ${meetingId} was written but cannot be read back`);
  return meeting;
}

/** A new draft meeting with the default settings and an empty roster. */
export function createMeeting(store: Store, input: MeetingDetails & { roundId: string }): Result<TreeMeeting> {
  const round = findRound(store, input.roundId);
  if (!round.ok) return round;
  const details = checkDetails(store, input.roundId, input, '');
  if (!details.ok) return details;
  const id = newId();
  store.transaction(() => {
    tree.insertMeeting(store, {
      id,
      roundId: input.roundId,
      kind: input.kind,
      ballotType: input.ballotType,
      ...details.value,
      settings: DEFAULT_SETTINGS,
      compositionOverride: null,
      position: tree.nextMeetingPosition(store, input.roundId),
    });
    recordAudit(store, id, 'create_meeting', { kind: input.kind, ballotType: input.ballotType });
  });
  return ok(toTreeMeeting(written(store, id)));
}

/** Title, date, place, kind and ballot type of a draft meeting. */
export function updateMeetingDetails(store: Store, input: MeetingDetails & { meetingId: string }): Result<TreeMeeting> {
  const meeting = editableMeeting(store, input.meetingId);
  if (!meeting.ok) return meeting;
  const details = checkDetails(store, meeting.value.roundId, input, input.meetingId);
  if (!details.ok) return details;
  tree.updateMeetingDetails(store, input.meetingId, { ...details.value, kind: input.kind, ballotType: input.ballotType });
  return ok(toTreeMeeting(written(store, input.meetingId)));
}

export function removeMeeting(store: Store, meetingId: string): Result<{ id: string }> {
  const meeting = tree.getMeeting(store, meetingId);
  if (!meeting) return fail('meeting_not_found');
  const blocker = removalBlocker(store, { meetingId }, { target: 'meeting' });
  if (blocker) return blocker;
  store.transaction(() => {
    tree.deleteMeeting(store, meetingId);
    recordAudit(store, null, 'remove_meeting', { title: meeting.title });
  });
  return ok({ id: meetingId });
}

/** Copies a meeting into a round as a draft: details, settings, override, roster (nobody checked in). Call inside a transaction. */
function copyMeetingInto(store: Store, source: Meeting, roundId: string, title: string, position: number): string {
  const id = newId();
  tree.insertMeeting(store, {
    id,
    roundId,
    kind: source.kind,
    ballotType: source.ballotType,
    title,
    heldOn: source.heldOn,
    place: source.place,
    settings: source.settings,
    compositionOverride: source.compositionOverride,
    position,
  });
  copyRoster(store, source.id, id, newId);
  return id;
}

export function copyMeeting(store: Store, input: { meetingId: string; title: string }): Result<TreeMeeting> {
  const source = tree.getMeeting(store, input.meetingId);
  if (!source) return fail('meeting_not_found');
  const details = checkDetails(store, source.roundId, { title: input.title, heldOn: source.heldOn, place: source.place, kind: source.kind, ballotType: source.ballotType }, '');
  if (!details.ok) return details;
  const id = store.transaction(() => {
    const copied = copyMeetingInto(store, source, source.roundId, details.value.title, tree.nextMeetingPosition(store, source.roundId));
    recordAudit(store, copied, 'copy_meeting', {});
    return copied;
  });
  return ok(toTreeMeeting(written(store, id)));
}

/** A new round in the same campaign with copies of the objects, the category mapping, the round's settings and every meeting (drafts). */
export function copyRound(store: Store, input: { roundId: string; name: string }): Result<{ id: string }> {
  const source = findRound(store, input.roundId);
  if (!source.ok) return source;
  // One transaction: the new round appears whole or not at all (createRound's nests as a savepoint).
  return withTransaction(store, () => {
    const created = createRound(store, { campaignId: source.value.campaignId, name: input.name });
    if (!created.ok) return created;
    const roundId = created.value.id;
    tree.setRoundCategorySets(store, roundId, source.value.categorySets);
    tree.setRoundSettings(store, roundId, source.value.settings);
    const objects = copyObjects(store, input.roundId, roundId, newId);
    const meetings = tree.meetingsOfRound(store, input.roundId);
    meetings.forEach((m, i) => copyMeetingInto(store, m, roundId, m.title, i + 1));
    recordAudit(store, null, 'copy_round', { objects: objects, meetings: meetings.length });
    return ok({ id: roundId });
  });
}
