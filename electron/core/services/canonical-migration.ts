/**
 * Ballots stored before issue 11 kept picks and tags in the order they were tapped, which is
 * a mark a coercer can ask for. This rewrites them once into canonical form (shared/domain/
 * canonical-ballot.ts); the meta row records that it ran.
 */
import type { Store } from '../store/database';
import type { MeetingRow } from '../store/rows';
import { ballotStore } from '../store/ballot-store';
import type { BallotContent } from '../../../shared/domain/model';
import type { MeetingDefinition } from '../../../shared/domain/ballot-rules';
import { canonicalBallot } from '../../../shared/domain/canonical-ballot';
import { canonicalJson } from '../../../shared/domain/canonical-json';
import { meetingDefinition } from './meetings';

const DONE = 'canonical_ballots_v1';

export function canonicaliseStoredBallots(store: Store): void {
  if (store.db.prepare('SELECT 1 FROM meta WHERE key = ?').get(DONE)) return;
  const ballots = ballotStore(store.db);
  store.transaction(() => {
    const definitions = new Map<string, MeetingDefinition>();
    for (const ballot of ballots.allPlainBallots()) {
      let definition = definitions.get(ballot.meetingId);
      if (!definition) {
        const row = store.db.prepare('SELECT * FROM meetings WHERE id = ?').get(ballot.meetingId) as MeetingRow | undefined;
        if (!row) continue;
        definitions.set(ballot.meetingId, (definition = meetingDefinition(store, row)));
      }
      const canonical = canonicalJson(canonicalBallot(definition, JSON.parse(ballot.contentJson) as BallotContent));
      if (canonical !== ballot.contentJson) ballots.updatePlainBallot(ballot.id, canonical);
    }
    store.db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)').run(DONE, new Date().toISOString().slice(0, 10));
  });
}
