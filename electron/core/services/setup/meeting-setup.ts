/** Everything the 准备 tab shows about one meeting, read in one go. */
import type { Store } from '../../store/database';
import type { MeetingListRow, RoundRow } from '../../store/rows';
import type { MeetingSetup } from '../../../../shared/api/chair/setup';
import type { BallotType, MeetingKind, MeetingStatus } from '../../../../shared/domain/model';
import { DEFAULT_SETTINGS } from '../../../../shared/domain/defaults';
import { err, ok, type Result } from '../../../../shared/domain/result';
import { meetingSettings } from '../meetings';
import { meetingLock, roundLock } from './checks';
import { listIndicatorSets } from './indicator-sets';
import { categorySets, roundObjects } from './objects';
import { meetingRoster, rosterComposition } from './roster';

export function meetingSetup(store: Store, meetingId: string): Result<MeetingSetup> {
  const row = store.db
    .prepare(
      `SELECT m.*, r.name AS round_name, c.name AS campaign_name, r.campaign_id AS campaign_id
       FROM meetings m JOIN rounds r ON r.id = m.round_id JOIN campaigns c ON c.id = r.campaign_id WHERE m.id = ?`,
    )
    .get(meetingId) as (MeetingListRow & { campaign_id: string }) | undefined;
  if (!row) return err('meeting_not_found', '找不到这场评议会议，请刷新后重新选择。');
  const round = store.db.prepare('SELECT * FROM rounds WHERE id = ?').get(row.round_id) as RoundRow;
  return ok({
    meeting: {
      id: row.id,
      roundId: row.round_id,
      campaignId: row.campaign_id,
      campaign: row.campaign_name,
      round: row.round_name,
      title: row.title,
      heldOn: row.held_on,
      place: row.place,
      kind: row.kind as MeetingKind,
      ballotType: row.ballot_type as BallotType,
      status: row.status as MeetingStatus,
    },
    lock: meetingLock(row),
    objectsLock: roundLock(store, row.round_id),
    objects: roundObjects(store, row.round_id),
    categorySets: Object.entries(categorySets(round)).map(([category, indicatorSetId]) => ({ category, indicatorSetId })),
    indicatorSets: listIndicatorSets(store),
    settings: meetingSettings(row),
    defaults: DEFAULT_SETTINGS,
    roster: meetingRoster(store, row),
    composition: rosterComposition(store, row),
    compositionOverride: row.composition_override,
  });
}
