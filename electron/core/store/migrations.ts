/**
 * Versioned schema. Each entry moves `PRAGMA user_version` from its index to index + 1.
 * Never edit a shipped migration: append a new one.
 *
 * Anonymity is a property of this schema (DESIGN.md): roster rows know people, codes know a
 * voter group, ballots know neither. Ballots and codes are WITHOUT ROWID tables keyed by random
 * values or hashes, so their physical order says nothing about arrival order; no ballot column
 * holds a time, an address, a device or a code.
 *
 * An entry is SQL, or a function for a step SQL cannot do (hashing); both run in the entry's
 * transaction.
 */
import type { Db } from './database';
import { chainExistingAudit } from './audit';

export type Migration = string | ((db: Db) => void);

export const MIGRATIONS: readonly Migration[] = [
  `
  CREATE TABLE campaigns (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    position INTEGER NOT NULL
  );
  CREATE TABLE rounds (
    id TEXT PRIMARY KEY,
    campaign_id TEXT NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    position INTEGER NOT NULL
  );
  CREATE TABLE indicator_sets (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    builtin INTEGER NOT NULL DEFAULT 0,
    indicators_json TEXT NOT NULL
  );
  CREATE TABLE objects (
    id TEXT PRIMARY KEY,
    round_id TEXT NOT NULL REFERENCES rounds(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    department TEXT NOT NULL,
    category TEXT NOT NULL,
    indicator_set_id TEXT NOT NULL REFERENCES indicator_sets(id),
    position INTEGER NOT NULL
  );
  CREATE TABLE meetings (
    id TEXT PRIMARY KEY,
    round_id TEXT NOT NULL REFERENCES rounds(id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('social', 'self')),
    ballot_type TEXT NOT NULL CHECK (ballot_type IN ('graded', 'worst')),
    title TEXT NOT NULL,
    held_on TEXT NOT NULL DEFAULT '',
    place TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'open', 'paused', 'closed', 'official')),
    settings_json TEXT NOT NULL,
    -- The definition (objects, indicator sets, scale) as it was when voting opened.
    frozen_json TEXT,
    composition_override TEXT,
    attendance_override TEXT,
    position INTEGER NOT NULL
  );
  CREATE TABLE representatives (
    id TEXT PRIMARY KEY,
    meeting_id TEXT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    unit TEXT NOT NULL,
    category TEXT NOT NULL,
    position INTEGER NOT NULL,
    checked_in INTEGER NOT NULL DEFAULT 0
  );
  -- Only a hash of each code is kept, with its meeting and group; never who drew it.
  CREATE TABLE codes (
    hash TEXT PRIMARY KEY,
    meeting_id TEXT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    voter_group TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('issued', 'used', 'voided'))
  ) WITHOUT ROWID;
  CREATE INDEX codes_by_meeting ON codes(meeting_id, voter_group, state);
  -- Random id, random receipt, group and content: nothing else.
  CREATE TABLE ballots (
    id TEXT PRIMARY KEY,
    meeting_id TEXT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    voter_group TEXT NOT NULL,
    receipt TEXT NOT NULL,
    content_json TEXT NOT NULL
  ) WITHOUT ROWID;
  CREATE INDEX ballots_by_meeting ON ballots(meeting_id, voter_group);
  -- Exists only so that a tablet retrying the same ballot gets the same receipt.
  -- Deleted when voting closes (then checkpoint + VACUUM), see services/voting.
  CREATE TABLE retry_links (
    code_hash TEXT PRIMARY KEY,
    meeting_id TEXT NOT NULL,
    ballot_id TEXT NOT NULL,
    digest TEXT NOT NULL
  ) WITHOUT ROWID;
  CREATE TABLE vetoes (
    meeting_id TEXT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    object_id TEXT NOT NULL,
    reason TEXT NOT NULL,
    PRIMARY KEY (meeting_id, object_id)
  ) WITHOUT ROWID;
  -- Actions and counts only: never codes, ballot ids, receipts or addresses.
  CREATE TABLE audit (
    seq INTEGER PRIMARY KEY,
    meeting_id TEXT,
    action TEXT NOT NULL,
    detail TEXT NOT NULL,
    at TEXT NOT NULL
  );
  CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
  ) WITHOUT ROWID;
  `,
  // Meeting setup (issue 3): the round's category → indicator set mapping (分类差异化考核), kept
  // as a small JSON object because it is read and written whole; lookups by round and order.
  `
  ALTER TABLE rounds ADD COLUMN category_sets_json TEXT NOT NULL DEFAULT '{}';
  CREATE INDEX objects_by_round ON objects(round_id, position);
  CREATE INDEX representatives_by_meeting ON representatives(meeting_id, position);
  CREATE INDEX meetings_by_round ON meetings(round_id, position);
  CREATE INDEX rounds_by_campaign ON rounds(campaign_id, position);
  `,
  // Anonymity on the raw disk (issue 11, docs/anonymity.md). While voting is open, ballot content
  // and the code→receipt links are sealed under the meeting's key (sealed_ballots, retry_links)
  // and codes are stored as keyed hashes; close rewrites the ballots in the clear under new ids
  // and the receipts into their own table, then destroys the key. Receipts leave the ballot row:
  // a receipt must never lead to content. Old links (content digests) cannot be converted and
  // are dropped: a legacy retry then gets 已使用, never another ballot.
  `
  CREATE TABLE receipts (
    meeting_id TEXT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    receipt TEXT NOT NULL,
    PRIMARY KEY (meeting_id, receipt)
  ) WITHOUT ROWID;
  INSERT INTO receipts (meeting_id, receipt) SELECT meeting_id, receipt FROM ballots;
  ALTER TABLE ballots DROP COLUMN receipt;
  DROP TABLE retry_links;
  -- code_hash: the keyed hash of the code; sealed: {receipt, sha256(submission key)}.
  CREATE TABLE retry_links (
    code_hash TEXT PRIMARY KEY,
    meeting_id TEXT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    sealed BLOB NOT NULL
  ) WITHOUT ROWID;
  -- Content sealed and padded; the group in the clear for turnout (the codes table has it anyway).
  CREATE TABLE sealed_ballots (
    meeting_id TEXT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    voter_group TEXT NOT NULL,
    sealed BLOB NOT NULL
  );
  CREATE INDEX sealed_ballots_by_meeting ON sealed_ballots(meeting_id, voter_group);
  -- A short unkeyed tag of the code (24 bits, shared by many codes) so a closed meeting's code
  -- still gets 投票已经结束 once the key is gone; NULL for codes issued before this version.
  ALTER TABLE codes ADD COLUMN tag TEXT;
  CREATE INDEX codes_by_tag ON codes(tag);
  -- 'pending' from the close transaction until the key is destroyed and the file compacted.
  ALTER TABLE meetings ADD COLUMN anonymisation TEXT CHECK (anonymisation IN ('pending'));
  `,
  // i17 (issue 17 part 1): paper ballots keyed in twice (docs/paper-ballots.md). A pending
  // entry lives in paper_entries only until its pair agrees or is resolved; then it becomes a
  // row of `ballots` (like any tablet ballot) or of `invalid_ballots` (无效票, with the rule it
  // breaks), and the entry row is deleted. Random text keys, WITHOUT ROWID: no insertion order.
  `
  CREATE TABLE paper_entries (
    id TEXT PRIMARY KEY,
    meeting_id TEXT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    voter_group TEXT NOT NULL,
    label INTEGER NOT NULL,
    first_json TEXT NOT NULL,
    first_clerk TEXT NOT NULL,
    second_json TEXT,
    second_clerk TEXT
  ) WITHOUT ROWID;
  CREATE INDEX paper_entries_by_meeting ON paper_entries(meeting_id);
  CREATE TABLE invalid_ballots (
    id TEXT PRIMARY KEY,
    meeting_id TEXT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    voter_group TEXT NOT NULL,
    reason TEXT NOT NULL,
    content_json TEXT NOT NULL
  ) WITHOUT ROWID;
  CREATE INDEX invalid_ballots_by_meeting ON invalid_ballots(meeting_id);
  `,
  // i16 (issue 16): rounds over time. objects.object_key is the object's lineage across rounds
  // (copyRound and matched imports keep it; merge/split change it); history_results keeps each
  // round's official (or imported) results per lineage, so history never re-tallies ballots;
  // consequence_rules is the chair's rules table per campaign (read and written whole);
  // followups are commitments and rectification entries per lineage and round.
  `
  ALTER TABLE objects ADD COLUMN object_key TEXT;
  UPDATE objects SET object_key = id;
  CREATE INDEX objects_by_key ON objects(object_key);
  CREATE TABLE history_results (
    round_id TEXT NOT NULL REFERENCES rounds(id) ON DELETE CASCADE,
    object_key TEXT NOT NULL,
    measure TEXT NOT NULL CHECK (measure IN ('graded', 'worst')),
    name TEXT NOT NULL,
    department TEXT NOT NULL,
    category TEXT NOT NULL,
    total TEXT,
    rank INTEGER,
    category_rank INTEGER,
    ranked INTEGER NOT NULL,
    category_ranked INTEGER,
    main_problems_json TEXT NOT NULL DEFAULT '[]',
    vetoed INTEGER NOT NULL DEFAULT 0,
    veto_reason TEXT,
    source TEXT NOT NULL CHECK (source IN ('official', 'import')),
    PRIMARY KEY (round_id, object_key, measure)
  ) WITHOUT ROWID;
  CREATE INDEX history_by_key ON history_results(object_key);
  CREATE TABLE consequence_rules (
    campaign_id TEXT PRIMARY KEY REFERENCES campaigns(id) ON DELETE CASCADE,
    rules_json TEXT NOT NULL
  ) WITHOUT ROWID;
  CREATE TABLE followups (
    id TEXT PRIMARY KEY,
    object_key TEXT NOT NULL,
    round_id TEXT NOT NULL REFERENCES rounds(id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('commitment', 'measure', 'feedback', 'inspection', 'label')),
    dated_on TEXT NOT NULL,
    text TEXT NOT NULL,
    recorded_by TEXT NOT NULL,
    position INTEGER NOT NULL
  );
  CREATE INDEX followups_by_key ON followups(object_key, round_id);
  `,
  // i17r (issue 17): rehearsals and the hash-chained audit trail. A rehearsal is a meeting with
  // rehearsal_of = the real meeting, in its own round (rounds.rehearsal = 1) holding a copy of the
  // objects, so nothing of it enters the real round's totals or the history across rounds.
  // Audit lines get a chain ('' main, or the rehearsal's id) and prev_hash/hash
  // (docs/audit-chain.md); the lines already written are chained in their current order here.
  (db) => {
    db.exec(`
      ALTER TABLE meetings ADD COLUMN rehearsal_of TEXT;
      CREATE INDEX meetings_by_rehearsal_of ON meetings(rehearsal_of);
      ALTER TABLE rounds ADD COLUMN rehearsal INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE audit ADD COLUMN chain TEXT NOT NULL DEFAULT '';
      ALTER TABLE audit ADD COLUMN prev_hash TEXT;
      ALTER TABLE audit ADD COLUMN hash TEXT;
      CREATE INDEX audit_by_chain ON audit(chain, seq);
      CREATE INDEX audit_by_meeting ON audit(meeting_id, seq);
    `);
    chainExistingAudit(db);
  },
  // i15 (issue 15): component points (self 50 + social 50) become a round setting
  // (rounds.settings_json, RoundSettings), since a round has one combined ranking. Each round takes
  // the points of the meeting round.ts took them from until now: its graded social meeting (the
  // last closed one, else the last one), else its graded self-evaluation meeting the same way.
  // Where a round's self and social meetings disagreed, the social meeting's value is kept, as
  // round.ts always used it; the self meeting's differing value is dropped. A round without a
  // graded meeting keeps '{}' (the 50 + 50 default). Meetings' settings_json keep their stale
  // componentPoints; the stored settings schema drops it on reading.
  `
  ALTER TABLE rounds ADD COLUMN settings_json TEXT NOT NULL DEFAULT '{}';
  UPDATE rounds SET settings_json = COALESCE(
    (SELECT json_object('componentPoints', json(json_extract(m.settings_json, '$.componentPoints')))
       FROM meetings m
      WHERE m.round_id = rounds.id AND m.ballot_type = 'graded' AND json_type(m.settings_json, '$.componentPoints') = 'object'
      ORDER BY m.kind = 'social' DESC, m.status IN ('closed', 'official') DESC, m.position DESC
      LIMIT 1),
    '{}');
  `,
];
