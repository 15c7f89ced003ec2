/**
 * The history aggregate (issue 16): each round's stored results per object lineage. Written
 * when a round's results are confirmed (services/history/record.ts) or imported from a
 * spreadsheet of earlier rounds; read by every history view, so no view re-tallies ballots.
 */
import { z } from 'zod';
import type { Store } from './database';
import { prepared } from './statements';
import { parseJsonColumn, CorruptRowError } from './json-column';
import { storedProblemsSchema, type HistoryEntry, type HistoryMeasure, type HistorySource } from '../../../shared/history/model';

interface HistoryRow {
  round_id: string;
  object_key: string;
  measure: string;
  name: string;
  department: string;
  category: string;
  total: string | null;
  rank: number | null;
  category_rank: number | null;
  ranked: number;
  category_ranked: number | null;
  main_problems_json: string;
  vetoed: number;
  veto_reason: string | null;
  source: string;
}

const measureSchema = z.enum(['graded', 'worst']);
const sourceSchema = z.enum(['official', 'import']);

function oneOf<T>(schema: z.ZodType<T>, value: string, what: string, key: string): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new CorruptRowError(`history_results.${what} of row ${key} is "${value}"`);
  return parsed.data;
}

function toEntry(row: HistoryRow): HistoryEntry {
  const key = `${row.round_id}/${row.object_key}/${row.measure}`;
  return {
    roundId: row.round_id,
    objectKey: row.object_key,
    measure: oneOf(measureSchema, row.measure, 'measure', key),
    name: row.name,
    department: row.department,
    category: row.category,
    total: row.total,
    rank: row.rank,
    categoryRank: row.category_rank,
    ranked: row.ranked,
    categoryRanked: row.category_ranked,
    mainProblems: parseJsonColumn(storedProblemsSchema, row.main_problems_json, { table: 'history_results', column: 'main_problems_json', key }),
    vetoed: row.vetoed === 1,
    vetoReason: row.veto_reason,
    source: oneOf(sourceSchema, row.source, 'source', key) satisfies HistorySource,
  };
}

/** Replaces a round's rows of one measure with `entries` (one transaction when called inside one). */
export function replaceRoundHistory(store: Store, roundId: string, measure: HistoryMeasure, entries: readonly HistoryEntry[]): void {
  prepared(store.db, 'DELETE FROM history_results WHERE round_id = ? AND measure = ?').run(roundId, measure);
  const insert = prepared(
    store.db,
    `INSERT INTO history_results (round_id, object_key, measure, name, department, category, total, rank, category_rank, ranked, category_ranked, main_problems_json, vetoed, veto_reason, source)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const e of entries) {
    insert.run(roundId, e.objectKey, measure, e.name, e.department, e.category, e.total, e.rank, e.categoryRank, e.ranked, e.categoryRanked, JSON.stringify(e.mainProblems), e.vetoed ? 1 : 0, e.vetoReason, e.source);
  }
}

/** Every stored entry of a campaign's rounds. */
export function historyOfCampaign(store: Store, campaignId: string): HistoryEntry[] {
  const rows = prepared(
    store.db,
    'SELECT h.* FROM history_results h JOIN rounds r ON r.id = h.round_id WHERE r.campaign_id = ? ORDER BY r.position',
  ).all(campaignId) as HistoryRow[];
  return rows.map(toEntry);
}

/** Every stored entry of one lineage (any campaign). */
export function historyOfObject(store: Store, objectKey: string): HistoryEntry[] {
  return (prepared(store.db, 'SELECT * FROM history_results WHERE object_key = ?').all(objectKey) as HistoryRow[]).map(toEntry);
}

/** Moves the history rows of one lineage to another (a merge); rows the target already has for a round stay the target's. */
export function moveHistory(store: Store, fromKey: string, toKey: string): void {
  prepared(store.db, 'UPDATE OR IGNORE history_results SET object_key = ? WHERE object_key = ?').run(toKey, fromKey);
  prepared(store.db, 'DELETE FROM history_results WHERE object_key = ?').run(fromKey);
}

/** Moves one round's history rows of a lineage to another key (a split). */
export function moveRoundHistory(store: Store, roundId: string, fromKey: string, toKey: string): void {
  prepared(store.db, 'UPDATE history_results SET object_key = ? WHERE object_key = ? AND round_id = ?').run(toKey, fromKey, roundId);
}

/** A confirmed meeting whose round has no history rows of its ballot type (see roundsLackingHistory). */
export interface HistoryGap {
  readonly roundId: string;
  readonly measure: HistoryMeasure;
  /** The round's last official meeting of that type (by position): the one confirmation would have recorded from. */
  readonly meetingId: string;
}

/**
 * Every (round, measure) that has an official meeting of that ballot type but no history rows
 * of it, outside rehearsal rounds: what a data folder confirmed before history was stored lacks.
 * One query over meetings with an indexed NOT EXISTS, so it costs next to nothing when none lack.
 */
export function roundsLackingHistory(store: Store): HistoryGap[] {
  const rows = prepared(
    store.db,
    `SELECT m.round_id AS roundId, m.ballot_type AS measure, m.id AS meetingId
       FROM meetings m JOIN rounds r ON r.id = m.round_id
      WHERE m.status = 'official' AND r.rehearsal = 0
        AND NOT EXISTS (SELECT 1 FROM history_results h WHERE h.round_id = m.round_id AND h.measure = m.ballot_type)
      ORDER BY m.round_id, m.ballot_type, m.position`,
  ).all() as { roundId: string; measure: string; meetingId: string }[];
  const last = new Map<string, HistoryGap>();
  for (const row of rows) {
    const measure = oneOf(measureSchema, row.measure, 'measure', `${row.roundId}/${row.meetingId}`);
    // Ordered by position, so the last one seen per (round, measure) is the round's last confirmed.
    last.set(`${row.roundId}/${measure}`, { roundId: row.roundId, measure, meetingId: row.meetingId });
  }
  return [...last.values()];
}
