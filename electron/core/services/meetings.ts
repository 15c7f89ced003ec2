import type { Store } from '../store/database';
import type { MeetingRow } from '../store/rows';
import { getMeetingRow, getNamedMeeting, kindOf, listNamedMeetings, toMeeting, type Meeting, type NamedMeeting } from '../store/meetings';
import { objectsOfRound } from '../store/objects';
import { getIndicatorSet } from '../store/indicator-sets';
import { rosterCounts } from '../store/roster';
import { codeCounts } from '../store/counts';
import { ballotStore } from '../store/ballot-store';
import type { GroupTurnout, MeetingSummary, MeetingView } from '../../../shared/api/chair-contract';
import type { IndicatorSet, MeetingSettings, VoterGroup } from '../../../shared/domain/model';
import { groupOfCategory, groupsOf } from '../../../shared/domain/model';
import type { MeetingDefinition } from '../../../shared/domain/ballot-rules';
import { SET_WORST } from '../../../shared/domain/defaults';
import { fail, ok, type Result } from '../../../shared/domain/result';

function toSummary(meeting: NamedMeeting): MeetingSummary {
  return {
    id: meeting.id,
    title: meeting.title,
    campaign: meeting.campaignName,
    round: meeting.roundName,
    kind: meeting.kind,
    ballotType: meeting.ballotType,
    status: meeting.status,
    rehearsalOf: meeting.rehearsalOf,
  };
}

/** Either form of a meeting: the parsed record, or a row from a service that still reads rows. */
type MeetingLike = Meeting | MeetingRow;

function parsed(meeting: MeetingLike): Meeting {
  return 'round_id' in meeting ? toMeeting(meeting) : meeting;
}

/** Every meeting, campaign by campaign, round by round. */
export function listMeetings(store: Store): MeetingSummary[] {
  return listNamedMeetings(store).map(toSummary);
}


/** The parsed meeting, or a not-found error the chair can act on. */
export function findMeetingRecord(store: Store, meetingId: string): Result<Meeting> {
  const row = getMeetingRow(store, meetingId);
  return row ? ok(toMeeting(row)) : fail('meeting_not_found');
}

/**
 * The raw meeting row, or a not-found error the chair can act on. Kept for the services that
 * still read rows (voting, results, printing); new code uses findMeetingRecord.
 */
export function findMeeting(store: Store, meetingId: string): Result<MeetingRow> {
  const row = getMeetingRow(store, meetingId);
  return row ? ok(row) : fail('meeting_not_found');
}

export function meetingSettings(meeting: MeetingLike): MeetingSettings {
  return parsed(meeting).settings;
}

/**
 * The definition ballots are checked and tallied against: frozen at the moment voting opened,
 * or, for a draft, read live from the round's objects and indicator sets.
 */
export function meetingDefinition(store: Store, meetingLike: MeetingLike): MeetingDefinition {
  const meeting = parsed(meetingLike);
  // Frozen before a setting existed, the definition takes that setting's default (the schema's).
  if (meeting.frozen) return meeting.frozen;
  const objects = objectsOfRound(store, meeting.roundId);
  const setIds = [...new Set(objects.map((o) => o.indicatorSetId))];
  const indicatorSets = setIds.map((setId) => readIndicatorSet(store, setId));
  return {
    ballotType: meeting.ballotType,
    objects,
    indicatorSets: meeting.ballotType === 'graded' ? indicatorSets : [],
    tagSet: meeting.ballotType === 'worst' ? readIndicatorSet(store, SET_WORST.id) : null,
    settings: meeting.settings,
  };
}

function readIndicatorSet(store: Store, setId: string): IndicatorSet {
  const set = getIndicatorSet(store, setId);
  if (!set) throw new Error(`indicator set ${setId} is referenced but missing`);
  return { id: set.id, name: set.name, indicators: set.indicators };
}

/** 应到 / 实到, codes and ballots per voter group. Counts only: nothing per object. */
export function turnout(store: Store, meetingLike: Pick<Meeting, 'id' | 'kind'> | MeetingRow): GroupTurnout[] {
  // Only id and kind: the ballot path asks for turnout after each batch, so nothing is parsed here.
  const meeting = { id: meetingLike.id, kind: 'round_id' in meetingLike ? kindOf(meetingLike) : meetingLike.kind };
  const roster = rosterCounts(store, meeting.id);
  const codeCount = codeCounts(store, meeting.id);
  const ballots = ballotStore(store.db).ballotCounts(meeting.id);
  return groupsOf(meeting.kind).map((group: VoterGroup) => {
    const members = roster.filter((r) => groupOfCategory(meeting.kind, r.category) === group);
    const codes = (state: string) => codeCount.find((c) => c.voterGroup === group && c.state === state)?.n ?? 0;
    return {
      group,
      expected: members.reduce((sum, r) => sum + r.expected, 0),
      present: members.reduce((sum, r) => sum + r.present, 0),
      codesIssued: codes('issued') + codes('used') + codes('voided'),
      codesUsed: codes('used'),
      codesVoided: codes('voided'),
      ballots: ballots.get(group) ?? 0,
    };
  });
}

/** Everything the console shows about one meeting. */
export function meetingView(store: Store, meetingId: string): Result<MeetingView> {
  const meeting = getNamedMeeting(store, meetingId);
  if (!meeting) return fail('meeting_not_found');
  const definition = meetingDefinition(store, meeting);
  const indicatorCount =
    definition.ballotType === 'graded'
      ? new Set(definition.indicatorSets.flatMap((s) => s.indicators.map((i) => `${s.id}/${i.id}`))).size
      : (definition.tagSet?.indicators.length ?? 0);
  return ok({
    ...toSummary(meeting),
    heldOn: meeting.heldOn,
    place: meeting.place,
    objectCount: definition.objects.length,
    indicatorCount,
    turnout: turnout(store, meeting),
  });
}
