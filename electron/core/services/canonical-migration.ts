/**
 * Ballots stored before issue 11 kept picks and tags in the order they were tapped, which is
 * a mark a coercer can ask for. This rewrites them once into canonical form (shared/domain/
 * canonical-ballot.ts); the meta row records that it ran.
 */
import type { Store } from '../store/database';
import { ballotStore } from '../store/ballot-store';
import { getMeeting } from '../store/meetings';
import { hasMeta, insertMeta } from '../store/meta';
import type { BallotContent } from '../../../shared/domain/model';
import type { MeetingDefinition } from '../../../shared/domain/ballot-rules';
import { canonicalBallot } from '../../../shared/domain/canonical-ballot';
import { canonicalJson } from '../../../shared/domain/canonical-json';
import { meetingDefinition } from './meetings';

const DONE = 'canonical_ballots_v1';

export function canonicaliseStoredBallots(store: Store): void {
  if (hasMeta(store, DONE)) return;
  const ballots = ballotStore(store.db);
  store.transaction(() => {
    const definitions = new Map<string, MeetingDefinition>();
    for (const ballot of ballots.allPlainBallots()) {
      let definition = definitions.get(ballot.meetingId);
      if (!definition) {
        const meeting = getMeeting(store, ballot.meetingId);
        if (!meeting) continue;
        definitions.set(ballot.meetingId, (definition = meetingDefinition(store, meeting)));
      }
      const canonical = canonicalJson(canonicalBallot(definition, JSON.parse(ballot.contentJson) as BallotContent));
      if (canonical !== ballot.contentJson) ballots.updatePlainBallot(ballot.id, canonical);
    }
    insertMeta(store, DONE, new Date().toISOString().slice(0, 10));
  });
}
