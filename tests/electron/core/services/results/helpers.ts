/**
 * Meetings for the results tests, set up through the chair API (as the 准备 and 签到 tabs do) and
 * voted through the real tablet API.
 */
import { expect } from 'vitest';
import type { BallotContent, MeetingSettings, RepresentativeCategory, VoterGroup } from '../../../../../shared/domain/model';
import type { BallotDefinition } from '../../../../../shared/api/tablet-schemas';
import type { TestHost } from '../../../../support/running-host';

/** The demo meeting's id and round. */
export function demoMeeting(t: TestHost): { meetingId: string; roundId: string } {
  const row = t.host.core.store.db.prepare('SELECT id, round_id FROM meetings ORDER BY position LIMIT 1').get() as { id: string; round_id: string };
  return { meetingId: row.id, roundId: row.round_id };
}

/** Changes some of a draft meeting's settings through the chair API, keeping the others. */
export async function changeSettings(t: TestHost, meetingId: string, settings: Partial<MeetingSettings>): Promise<void> {
  const setup = await t.chair('meetingSetup', { meetingId });
  await t.chair('updateSettings', { meetingId, settings: { ...setup.settings, ...settings } });
}

/** Adds a draft meeting to a round with a checked-in roster: `staff` for self, officials/recipients for social. */
export async function addMeeting(
  t: TestHost,
  options: {
    roundId: string;
    kind: 'self' | 'social';
    ballotType: 'graded' | 'worst';
    title: string;
    roster: { officials?: number; recipients?: number; staff?: number };
    settings?: Partial<MeetingSettings>;
  },
): Promise<string> {
  const meeting = await t.chair('createMeeting', { roundId: options.roundId, title: options.title, kind: options.kind, ballotType: options.ballotType, heldOn: '2026-11-23', place: '会议室' });
  const meetingId = meeting.id;
  if (options.settings) await changeSettings(t, meetingId, options.settings);
  let n = 0;
  const add = async (count: number | undefined, category: RepresentativeCategory) => {
    for (let i = 0; i < (count ?? 0); i += 1) {
      const rep = await t.chair('addRepresentative', { meetingId, name: `代表${(n += 1)}`, unit: '单位', category });
      await t.chair('setCheckedIn', { meetingId, representativeId: rep.id, present: true });
    }
  };
  await add(options.roster.officials, 'npc');
  await add(options.roster.recipients, 'recipient');
  await add(options.roster.staff, 'staff');
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
