import type { Store } from '../store/database';
import type { BallotRow } from '../store/rows';
import type { MeetingResults, ResultRow } from '../../../shared/api/chair-contract';
import type { BallotContent, MeetingKind, MeetingStatus, TallyBallot, VoterGroup } from '../../../shared/domain/model';
import { groupsOf } from '../../../shared/domain/model';
import type { MeetingDefinition } from '../../../shared/domain/ballot-rules';
import { err, ok, type Result } from '../../../shared/domain/result';
import { tallyGradedMeeting, tallyWorstMeeting, type GroupWeights } from '../../../shared/tally';
import { placeRanked } from '../../../shared/tally/ranking';
import { hundredthsOf } from '../../../shared/tally/figure';
import { findMeeting, meetingDefinition } from './meetings';

/** The ballots of a meeting in canonical order (by random id), never in arrival order. */
export function meetingBallots(store: Store, meetingId: string): TallyBallot[] {
  const rows = store.db.prepare('SELECT * FROM ballots WHERE meeting_id = ? ORDER BY id').all(meetingId) as BallotRow[];
  return rows.map((row) => ({ group: row.voter_group as VoterGroup, content: JSON.parse(row.content_json) as BallotContent }));
}

function weightsOf(kind: MeetingKind, definition: MeetingDefinition): GroupWeights {
  return kind === 'self' ? { all: 100 } : { ...definition.settings.groupWeights };
}

/**
 * The meeting's own ranking, available only once voting has closed (no partial result is ever
 * shown while ballots are coming in). Graded: by meeting score, best first. Worst-list: by
 * nomination rate, worst first, with vetoes on top.
 */
export function meetingResults(store: Store, meetingId: string): Result<MeetingResults> {
  const found = findMeeting(store, meetingId);
  if (!found.ok) return found;
  const meeting = found.value;
  const status = meeting.status as MeetingStatus;
  if (status !== 'closed' && status !== 'official') return err('voting_not_closed', '投票结束后才能查看结果。');
  const kind = meeting.kind as MeetingKind;
  const definition = meetingDefinition(store, meeting);
  const ballots = meetingBallots(store, meetingId);
  const vetoes = store.db.prepare('SELECT object_id AS objectId, reason FROM vetoes WHERE meeting_id = ?').all(meetingId) as { objectId: string; reason: string }[];
  const common = { objects: definition.objects, groups: groupsOf(kind), groupWeights: weightsOf(kind, definition), smallGroupK: definition.settings.smallGroupK, ballots };

  if (definition.ballotType === 'worst') {
    if (!definition.tagSet) throw new Error('worst-list meeting without its problem set');
    const tally = tallyWorstMeeting({ ...common, tags: definition.tagSet, vetoes });
    const rows: ResultRow[] = tally.objects
      .map((o) => ({ rank: o.rank, objectId: o.objectId, name: o.name, department: o.department, score: o.rate?.rounded ?? null, incomplete: o.incomplete, note: o.vetoReason ?? o.mainProblems.map((p) => p.name).join('、') }))
      .sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity));
    return ok({ meetingId, status, ballots: ballots.length, rows });
  }

  const tally = tallyGradedMeeting({ ...common, indicatorSets: definition.indicatorSets, gradeScale: definition.settings.gradeScale });
  const byId = new Map(tally.objects.map((o) => [o.objectId, o]));
  const vetoed = new Map(vetoes.map((v) => [v.objectId, v.reason]));
  const placements = placeRanked({
    candidates: tally.objects.map((o) => ({ id: o.objectId, name: o.name, key: o.score ? hundredthsOf(o.score) : null, vetoed: vetoed.has(o.objectId) })),
    highFirst: true,
    vetoedFirst: false,
  });
  const rows: ResultRow[] = placements.map((placement) => {
    const o = byId.get(placement.id);
    if (!o) throw new Error('ranking returned an unknown object');
    return { rank: placement.rank, objectId: o.objectId, name: o.name, department: o.department, score: o.score?.rounded ?? null, incomplete: o.incomplete, note: vetoed.get(o.objectId) ?? '' };
  });
  return ok({ meetingId, status, ballots: ballots.length, rows });
}
