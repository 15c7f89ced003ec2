/**
 * History budget (issue 16): a campaign of 17 rounds × 105 objects × 1,000 ballots per round
 * (300 officials + 700 recipients, each grading 20 objects), every round copied from the one
 * before (copyRound keeps identity), voted through the ballot writer, closed and confirmed as the
 * chair does. Then the campaign view and one object's history are timed: they read the rows the
 * confirmations stored and never tally ballots, which is what keeps them within budget.
 */
import { randomBytes } from 'node:crypto';
import { createCore, type Core } from '../../electron/core/core';
import { newId } from '../../electron/core/ids';
import { generateCodes } from '../../electron/core/services/codes';
import { ballotSession, changeVoting } from '../../electron/core/services/voting';
import { BallotWriter } from '../../electron/core/services/ballot-writer';
import { markOfficial } from '../../electron/core/services/results';
import { copyRound } from '../../electron/core/services/setup/tree';
import { campaignHistory, objectHistory } from '../../electron/core/services/history/view';
import { DEFAULT_SETTINGS, SET_CHIEF } from '../../shared/domain/defaults';
import type { BallotContent } from '../../shared/domain/model';

export interface HistoryTimes {
  rounds: number;
  objects: number;
  ballotsPerRound: number;
  /** Building the campaign: voting, closing and confirming every round (not a budget). */
  setupMs: number;
  /** Median of 5 campaign views (objects × rounds with rules and streaks). */
  campaignMs: number;
  /** Median of 5 histories of one object. */
  objectMs: number;
}

const ROUNDS = 17;
const OBJECTS = 105;
const OFFICIALS = 300;
const RECIPIENTS = 700;
const GRADED_PER_BALLOT = 20;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

function firstRound(core: Core): { campaignId: string; roundId: string } {
  const campaignId = newId();
  const roundId = newId();
  const { store } = core;
  store.transaction(() => {
    store.db.prepare('INSERT INTO campaigns (id, name, position) VALUES (?, ?, 1)').run(campaignId, '历次评议基准');
    store.db.prepare('INSERT INTO rounds (id, campaign_id, name, position) VALUES (?, ?, ?, 1)').run(roundId, campaignId, '第1轮');
    const object = store.db.prepare('INSERT INTO objects (id, round_id, name, department, category, indicator_set_id, position, object_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
    for (let i = 0; i < OBJECTS; i += 1) {
      const id = newId();
      object.run(id, roundId, `科室${i + 1}`, `部门${(i % 38) + 1}`, '科室', SET_CHIEF.id, i + 1, id);
    }
    const meetingId = newId();
    store.db
      .prepare("INSERT INTO meetings (id, round_id, kind, ballot_type, title, settings_json, position) VALUES (?, ?, 'social', 'graded', ?, ?, 1)")
      .run(meetingId, roundId, '社会测评', JSON.stringify(DEFAULT_SETTINGS));
    const rep = store.db.prepare('INSERT INTO representatives (id, meeting_id, name, unit, category, position, checked_in) VALUES (?, ?, ?, ?, ?, ?, 1)');
    for (let i = 0; i < OFFICIALS + RECIPIENTS; i += 1) rep.run(newId(), meetingId, `代表${i + 1}`, '单位', i < OFFICIALS ? 'npc' : 'recipient', i + 1);
  });
  return { campaignId, roundId };
}

/** Votes, closes and confirms the round's meeting: 1,000 ballots, each grading 20 objects (round-dependent). */
async function voteRound(core: Core, roundId: string, round: number): Promise<void> {
  const { store } = core;
  const meeting = store.db.prepare('SELECT id FROM meetings WHERE round_id = ?').get(roundId) as { id: string };
  // A copied round's roster comes with nobody checked in: the desk checks everyone in.
  store.db.prepare('UPDATE representatives SET checked_in = 1 WHERE meeting_id = ?').run(meeting.id);
  const codes = generateCodes(store, { meetingId: meeting.id, spares: 0, joinUrl: 'http://127.0.0.1/' });
  if (!codes.ok) throw new Error(codes.error.message);
  const opened = changeVoting(store, core.events, meeting.id, 'open');
  if (!opened.ok) throw new Error(opened.error.message);
  const writer = new BallotWriter(store, core.events);
  const pending = codes.value.map((code, n) => {
    const session = ballotSession(store, code.code);
    if (!session.ok) throw new Error(`session: ${session.error.message}`);
    const definition = session.value;
    const answers: Record<string, Record<string, number | null>> = {};
    definition.objects.forEach((object, o) => {
      const set = definition.indicatorSets.find((s) => s.id === object.indicatorSetId);
      const graded = (o + n + round * 7) % OBJECTS < GRADED_PER_BALLOT;
      answers[object.id] = Object.fromEntries((set?.indicators ?? []).map((indicator, i) => [indicator.id, graded ? (o * 3 + n + i + round) % 4 : null]));
    });
    const ballot: BallotContent = { type: 'graded', answers };
    return writer.submit(code.code, randomBytes(16).toString('base64url'), ballot);
  });
  for (const answer of await Promise.all(pending)) if (!answer.ok) throw new Error(`ballot refused: ${JSON.stringify(answer)}`);
  const closed = changeVoting(store, core.events, meeting.id, 'close');
  if (!closed.ok) throw new Error(closed.error.message);
  const official = markOfficial(store, core.events, meeting.id);
  if (!official.ok) throw new Error(official.error.message);
}

/** Builds the campaign in `dataDir` and times the two history views. */
export async function historyTimes(dataDir: string): Promise<HistoryTimes> {
  const core = createCore({ dataDir, demo: false });
  try {
    const t0 = performance.now();
    const { campaignId, roundId } = firstRound(core);
    let current = roundId;
    for (let round = 1; round <= ROUNDS; round += 1) {
      if (round > 1) {
        const copied = copyRound(core.store, { roundId: current, name: `第${round}轮` });
        if (!copied.ok) throw new Error(copied.error.message);
        current = copied.value.id;
      }
      await voteRound(core, current, round);
    }
    const setupMs = performance.now() - t0;
    const campaignRuns: number[] = [];
    let key = '';
    for (let i = 0; i < 6; i += 1) {
      const t1 = performance.now();
      const history = campaignHistory(core.store, campaignId);
      const ms = performance.now() - t1;
      if (!history.ok) throw new Error(history.error.message);
      if (history.value.lines.length !== OBJECTS || history.value.rounds.length !== ROUNDS) throw new Error(`history has ${history.value.lines.length} lines × ${history.value.rounds.length} rounds`);
      if (history.value.lines.some((l) => l.cells.some((c) => c.graded === null))) throw new Error('a round of the history has no stored result');
      key = history.value.lines[OBJECTS - 1]?.objectKey ?? '';
      if (i > 0) campaignRuns.push(ms);
    }
    const objectRuns: number[] = [];
    for (let i = 0; i < 6; i += 1) {
      const t1 = performance.now();
      const history = objectHistory(core.store, { campaignId, objectKey: key });
      const ms = performance.now() - t1;
      if (!history.ok || history.value.rounds.length !== ROUNDS) throw new Error('object history incomplete');
      if (i > 0) objectRuns.push(ms);
    }
    return { rounds: ROUNDS, objects: OBJECTS, ballotsPerRound: OFFICIALS + RECIPIENTS, setupMs, campaignMs: median(campaignRuns), objectMs: median(objectRuns) };
  } finally {
    core.close();
  }
}
