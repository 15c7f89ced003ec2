/** Everything the 准备 tab shows about one meeting, read in one go. */
import type { Store } from '../../store/database';
import { getNamedMeeting, getRound } from '../../store/meetings';
import type { MeetingSetup } from '../../../../shared/api/chair/setup';
import { DEFAULT_ROUND_SETTINGS, DEFAULT_SETTINGS } from '../../../../shared/domain/defaults';
import { fail, ok, type Result } from '../../../../shared/domain/result';
import { meetingLock, roundLock } from './checks';
import { listIndicatorSets } from './indicator-sets';
import { roundObjects } from './objects';
import { meetingRoster, rosterComposition } from './roster';

export function meetingSetup(store: Store, meetingId: string): Result<MeetingSetup> {
  const meeting = getNamedMeeting(store, meetingId);
  if (!meeting) return fail('meeting_not_found');
  const round = getRound(store, meeting.roundId);
  if (!round) throw new Error(`meeting ${meeting.id} names round ${meeting.roundId}, which is missing`);
  return ok({
    meeting: {
      id: meeting.id,
      roundId: meeting.roundId,
      campaignId: meeting.campaignId,
      campaign: meeting.campaignName,
      round: meeting.roundName,
      title: meeting.title,
      heldOn: meeting.heldOn,
      place: meeting.place,
      kind: meeting.kind,
      ballotType: meeting.ballotType,
      status: meeting.status,
    },
    lock: meetingLock(meeting),
    objectsLock: roundLock(store, meeting.roundId),
    objects: roundObjects(store, meeting.roundId),
    categorySets: Object.entries(round.categorySets).map(([category, indicatorSetId]) => ({ category, indicatorSetId })),
    indicatorSets: listIndicatorSets(store),
    settings: meeting.settings,
    defaults: DEFAULT_SETTINGS,
    roundSettings: round.settings,
    roundDefaults: DEFAULT_ROUND_SETTINGS,
    roster: meetingRoster(store, meeting),
    composition: rosterComposition(store, meeting),
    compositionOverride: meeting.compositionOverride,
  });
}
