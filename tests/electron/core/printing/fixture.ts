/**
 * A round for the print tests, through the real host: 105 sections (the shared fixture file),
 * a social meeting (9 officials + 21 recipients, one recipient's ballot blank) and a
 * self-evaluation meeting (12 cadres), both voted through the tablet API and closed, one veto.
 * Setup rows are written with SQL because the setup API is another area's work in progress.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { TestHost } from '../../../support/running-host';
import { fullBallot } from '../../../support/running-host';
import type { BallotDefinition } from '../../../../shared/api/tablet-schemas';
import type { IssuedCode } from '../../../../shared/api/chair-contract';
import { DEFAULT_SETTINGS, SET_CHIEF } from '../../../../shared/domain/defaults';
import type { BallotContent } from '../../../../shared/domain/model';
import { newId } from '../../../../electron/core/ids';

const OBJECTS_CSV = fileURLToPath(new URL('../../../fixtures/objects-105.csv', import.meta.url));

export interface FixtureObject {
  readonly id: string;
  readonly department: string;
  readonly name: string;
}

export interface PrintFixture {
  readonly socialId: string;
  readonly selfId: string;
  readonly objects: readonly FixtureObject[];
  readonly vetoed: FixtureObject;
}

/** The 105 sections of the sample file in tests/fixtures (a missing file throws: no made-up stand-ins). */
export function fixtureObjects(): { department: string; name: string }[] {
  const lines = readFileSync(OBJECTS_CSV, 'utf8').replace(/^\uFEFF/, '').trim().split(/\r?\n/).slice(1);
  return lines.map((line) => {
    const [, department = '', name = ''] = line.split(',');
    return { department, name };
  });
}

/** Creates campaign, round, objects, two meetings and their rosters; returns their ids. */
export function createRound(t: TestHost, objects: readonly { department: string; name: string }[]): { socialId: string; selfId: string; objects: FixtureObject[] } {
  const db = t.host.core.store.db;
  const campaignId = newId();
  const roundId = newId();
  const socialId = newId();
  const selfId = newId();
  const withIds = objects.map((o) => ({ ...o, id: newId() }));
  t.host.core.store.transaction(() => {
    db.prepare('INSERT INTO campaigns (id, name, position) VALUES (?, ?, 1)').run(campaignId, '2026年度最难办事科室群众评');
    db.prepare('INSERT INTO rounds (id, campaign_id, name, position) VALUES (?, ?, ?, 1)').run(roundId, campaignId, '第三季度');
    const insertObject = db.prepare('INSERT INTO objects (id, round_id, name, department, category, indicator_set_id, position) VALUES (?, ?, ?, ?, ?, ?, ?)');
    withIds.forEach((o, i) => insertObject.run(o.id, roundId, o.name, o.department, '科室', SET_CHIEF.id, i + 1));
    const insertMeeting = db.prepare(
      `INSERT INTO meetings (id, round_id, kind, ballot_type, title, held_on, place, settings_json, position) VALUES (?, ?, ?, 'graded', ?, '2026-09-28', '区行政中心一楼大会议室', ?, ?)`,
    );
    insertMeeting.run(selfId, roundId, 'self', '第三季度单位自评会', JSON.stringify(DEFAULT_SETTINGS), 1);
    insertMeeting.run(socialId, roundId, 'social', '第三季度社会测评大会', JSON.stringify(DEFAULT_SETTINGS), 2);
    const insertRep = db.prepare('INSERT INTO representatives (id, meeting_id, name, unit, category, position, checked_in) VALUES (?, ?, ?, ?, ?, ?, 1)');
    const plan: [string, string, number][] = [
      ['npc', '区人大常委会', 3],
      ['cppcc', '区政协', 3],
      ['leader', '区人民政府', 3],
      ['recipient', '辖区企业', 21],
    ];
    let position = 0;
    for (const [category, unit, count] of plan) {
      for (let i = 0; i < count; i += 1) {
        position += 1;
        insertRep.run(newId(), socialId, `代表${String(position).padStart(2, '0')}`, unit, category, position);
      }
    }
    for (let i = 1; i <= 12; i += 1) insertRep.run(newId(), selfId, `干部${String(i).padStart(2, '0')}`, '区政务服务管理局', 'staff', i);
  });
  return { socialId, selfId, objects: withIds };
}

/** Officials grade object o with grade o % 3, recipients (o + 1) % 4, cadres o % 2 (indices into 100/80/60/0). */
export const GRADE_PLAN = { officials: (o: number) => o % 3, recipients: (o: number) => (o + 1) % 4, all: (o: number) => o % 2 } as const;

async function vote(t: TestHost, code: IssuedCode, blank: boolean): Promise<void> {
  const session = await t.tablet('/api/tablet/session', { code: code.code });
  if (session.status !== 200) throw new Error(`session failed: ${JSON.stringify(session.body)}`);
  const definition = session.body.value as BallotDefinition;
  const pick = GRADE_PLAN[code.group];
  const ballot: BallotContent = fullBallot(definition, (o) => (blank ? null : pick(o)));
  const answer = await t.tablet('/api/tablet/ballot', { code: code.code, ballot });
  if (answer.status !== 200) throw new Error(`ballot failed: ${JSON.stringify(answer.body)}`);
}

/** Codes, voting and closing for one meeting; `blankRecipient` makes one recipient's ballot all 弃权. */
export async function voteMeeting(t: TestHost, meetingId: string, blankRecipient: boolean): Promise<void> {
  const codes = await t.chair('generateCodes', { meetingId, spares: 0 });
  await t.chair('openVoting', { meetingId });
  let blankLeft = blankRecipient;
  for (const code of codes) {
    const blank = blankLeft && code.group === 'recipients';
    if (blank) blankLeft = false;
    await vote(t, code, blank);
  }
  await t.chair('closeVoting', { meetingId });
}

/** The whole fixture: round, votes, both meetings closed, the 6th object vetoed. */
export async function createPrintFixture(t: TestHost): Promise<PrintFixture> {
  const round = createRound(t, fixtureObjects());
  await voteMeeting(t, round.selfId, false);
  await voteMeeting(t, round.socialId, true);
  const vetoed = round.objects[5];
  if (!vetoed) throw new Error('fixture needs at least 6 objects');
  t.host.core.store.db.prepare('INSERT INTO vetoes (meeting_id, object_id, reason) VALUES (?, ?, ?)').run(round.socialId, vetoed.id, '经查实存在吃拿卡要问题');
  return { ...round, vetoed };
}

/**
 * A worst-list meeting (评差) in the same round: officials name objects 0–9 (推, 懒), recipients
 * objects 3–12 (冷). Rates: 3–9 → 100 %, 10–12 → 70 %, 0–2 → 30 %; the top 10 are 3–12.
 */
export async function createWorstMeeting(t: TestHost, round: PrintFixture): Promise<string> {
  const db = t.host.core.store.db;
  const meetingId = newId();
  const roundId = (db.prepare('SELECT round_id FROM meetings WHERE id = ?').get(round.socialId) as { round_id: string }).round_id;
  t.host.core.store.transaction(() => {
    db.prepare(
      `INSERT INTO meetings (id, round_id, kind, ballot_type, title, held_on, place, settings_json, position) VALUES (?, ?, 'social', 'worst', '第三季度最难办事科室评议会', '2026-09-29', '区行政中心一楼大会议室', ?, 3)`,
    ).run(meetingId, roundId, JSON.stringify(DEFAULT_SETTINGS));
    const insertRep = db.prepare('INSERT INTO representatives (id, meeting_id, name, unit, category, position, checked_in) VALUES (?, ?, ?, ?, ?, ?, 1)');
    for (let i = 1; i <= 30; i += 1) insertRep.run(newId(), meetingId, `评差代表${i}`, i <= 9 ? '区人大常委会' : '辖区企业', i <= 9 ? 'npc' : 'recipient', i);
  });
  const codes = await t.chair('generateCodes', { meetingId, spares: 0 });
  await t.chair('openVoting', { meetingId });
  for (const code of codes) {
    const range = code.group === 'officials' ? [0, 10] : [3, 13];
    const tags = code.group === 'officials' ? ['shirk', 'lazy'] : ['cold'];
    const picks = round.objects.slice(range[0], range[1]).map((o) => ({ objectId: o.id, tags }));
    const answer = await t.tablet('/api/tablet/ballot', { code: code.code, ballot: { type: 'worst', picks } });
    if (answer.status !== 200) throw new Error(`worst ballot failed: ${JSON.stringify(answer.body)}`);
  }
  await t.chair('closeVoting', { meetingId });
  return meetingId;
}
