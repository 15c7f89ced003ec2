/**
 * Meetings for the results tests, voted through the real tablet API. Until the setup area can
 * create self-evaluation and worst-list meetings in every test, extra meetings are inserted into
 * the demo round directly in SQLite (the same rows setup writes), with a checked-in roster.
 */
import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../../../shared/domain/defaults';
import type { BallotContent, MeetingSettings, VoterGroup } from '../../../../../shared/domain/model';
import type { BallotDefinition } from '../../../../../shared/api/tablet-schemas';
import type { TestHost } from '../../../../support/running-host';

function newId(): string {
  return randomBytes(10).toString('hex').toUpperCase();
}

/** The demo meeting's id and round. */
export function demoMeeting(t: TestHost): { meetingId: string; roundId: string } {
  const row = t.host.core.store.db.prepare('SELECT id, round_id FROM meetings ORDER BY position LIMIT 1').get() as { id: string; round_id: string };
  return { meetingId: row.id, roundId: row.round_id };
}

/** Adds a draft meeting to a round with a checked-in roster: `staff` for self, officials/recipients for social. */
export function addMeeting(
  t: TestHost,
  options: {
    roundId: string;
    kind: 'self' | 'social';
    ballotType: 'graded' | 'worst';
    title: string;
    roster: { officials?: number; recipients?: number; staff?: number };
    settings?: Partial<MeetingSettings>;
  },
): string {
  const db = t.host.core.store.db;
  const meetingId = newId();
  const position = (db.prepare('SELECT COALESCE(MAX(position), 0) + 1 AS p FROM meetings WHERE round_id = ?').get(options.roundId) as { p: number }).p;
  db.prepare(
    `INSERT INTO meetings (id, round_id, kind, ballot_type, title, held_on, place, settings_json, position)
     VALUES (?, ?, ?, ?, ?, '2026-11-23', '会议室', ?, ?)`,
  ).run(meetingId, options.roundId, options.kind, options.ballotType, options.title, JSON.stringify({ ...DEFAULT_SETTINGS, ...options.settings }), position);
  const insert = db.prepare('INSERT INTO representatives (id, meeting_id, name, unit, category, position, checked_in) VALUES (?, ?, ?, ?, ?, ?, 1)');
  let n = 0;
  const add = (count: number | undefined, category: string) => {
    for (let i = 0; i < (count ?? 0); i += 1) insert.run(newId(), meetingId, `代表${(n += 1)}`, '单位', category, n);
  };
  add(options.roster.officials, 'npc');
  add(options.roster.recipients, 'recipient');
  add(options.roster.staff, 'staff');
  return meetingId;
}

/** Codes per group for a meeting: generates them and opens voting. */
export async function openMeeting(t: TestHost, meetingId: string): Promise<Record<VoterGroup, string[]>> {
  const codes = await t.chair('generateCodes', { meetingId, spares: 0 });
  await t.chair('openVoting', { meetingId });
  const byGroup: Record<VoterGroup, string[]> = { officials: [], recipients: [], all: [] };
  for (const c of codes) byGroup[c.group].push(c.code);
  return byGroup;
}

/** Casts one ballot through the tablet API; returns the receipt. */
export async function vote(t: TestHost, code: string, ballot: (definition: BallotDefinition) => BallotContent): Promise<string> {
  const session = await t.tablet('/api/tablet/session', { code });
  expect(session.status).toBe(200);
  const answer = await t.tablet('/api/tablet/ballot', { code, ballot: ballot(session.body.value as BallotDefinition) });
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return answer.body.value.receipt as string;
}

/** A graded ballot where `grade(objectIndex, indicatorIndex)` gives a grade index or null (弃权). */
export function graded(grade: (o: number, i: number) => number | null): (definition: BallotDefinition) => BallotContent {
  return (definition) => {
    const answers: Record<string, Record<string, number | null>> = {};
    definition.objects.forEach((object, o) => {
      const set = definition.indicatorSets.find((s) => s.id === object.indicatorSetId);
      answers[object.id] = Object.fromEntries((set?.indicators ?? []).map((indicator, i) => [indicator.id, grade(o, i)]));
    });
    return { type: 'graded', answers };
  };
}

/** A worst-list ballot naming objects by index with problem tags by index. */
export function worst(picks: readonly [objectIndex: number, tagIndexes: readonly number[]][]): (definition: BallotDefinition) => BallotContent {
  return (definition) => {
    const tags = definition.indicatorSets[0]?.indicators ?? [];
    return {
      type: 'worst',
      picks: picks.map(([o, t]) => ({ objectId: definition.objects[o]?.id ?? '', tags: t.map((i) => tags[i]?.id ?? '') })),
    };
  };
}

/** Raw chair call that returns the Result instead of throwing, to check refusals. */
export async function chairRaw(t: TestHost, method: string, input: unknown): Promise<{ ok: boolean; value?: any; error?: { code: string; message: string } }> {
  const response = await fetch(`${t.chairBase}/api/chair/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-pingyi-token': t.host.chair.token },
    body: JSON.stringify(input),
  });
  return (await response.json()) as never;
}
