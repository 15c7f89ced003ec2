/**
 * A round for the print tests, through the real host: 105 sections (the shared fixture file),
 * a social meeting (9 officials + 21 recipients, one recipient's ballot blank) and a
 * self-evaluation meeting (12 cadres), both voted through the tablet API and closed, one veto.
 * Everything is set up through the chair API, as the console does it.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { TestHost } from '../../../support/running-host';
import { fullBallot } from '../../../support/running-host';
import type { BallotDefinition } from '../../../../shared/api/tablet-schemas';
import type { IssuedCode } from '../../../../shared/api/chair-contract';
import type { BallotContent, RepresentativeCategory } from '../../../../shared/domain/model';

const OBJECTS_CSV = fileURLToPath(new URL('../../../fixtures/objects-105.csv', import.meta.url));

export interface FixtureObject {
  readonly id: string;
  readonly department: string;
  readonly name: string;
}

export interface PrintFixture {
  readonly roundId: string;
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

/** One roster line of a fixture meeting: who, from where, which category (the group follows from it). */
type RosterPlan = readonly (readonly [category: RepresentativeCategory, unit: string, count: number])[];

/** The social meeting's roster: 9 officials (3 + 3 + 3) and 21 recipients, as in the sample roster-30. */
export const SOCIAL_ROSTER: RosterPlan = [
  ['npc', '区人大常委会', 3],
  ['cppcc', '区政协', 3],
  ['leader', '区人民政府', 3],
  ['recipient', '辖区企业', 21],
];

/** Adds the roster through the chair API and checks everyone in, as the check-in desk does. */
export async function addRoster(t: TestHost, meetingId: string, plan: RosterPlan, name: (position: number) => string): Promise<void> {
  let position = 0;
  for (const [category, unit, count] of plan) {
    for (let i = 0; i < count; i += 1) {
      position += 1;
      const rep = await t.chair('addRepresentative', { meetingId, name: name(position), unit, category });
      await t.chair('setCheckedIn', { meetingId, representativeId: rep.id, present: true });
    }
  }
}

/** A social meeting whose officials' group (3) is below the small-group threshold, beside 21 recipients. */
export const THREE_OFFICIALS_ROSTER: RosterPlan = [
  ['npc', '区人大常委会', 1],
  ['cppcc', '区政协', 1],
  ['leader', '区人民政府', 1],
  ['recipient', '辖区企业', 21],
];

/**
 * Creates campaign, round, objects, two meetings and their rosters through the chair API (the
 * same calls the 准备 and 签到 tabs make); returns their ids. `socialRoster` lets a test make a
 * group smaller than the small-group threshold.
 */
export async function createRound(
  t: TestHost,
  objects: readonly { department: string; name: string }[],
  options: { socialRoster?: RosterPlan } = {},
): Promise<{ roundId: string; socialId: string; selfId: string; objects: FixtureObject[] }> {
  // Campaign names are unique per data folder: a second round in the same host gets its own.
  const taken = (await t.chair('setupTree', {})).length;
  const campaign = await t.chair('createCampaign', { name: `2026年度最难办事科室群众评${taken === 0 ? '' : `（${taken + 1}）`}` });
  const round = await t.chair('createRound', { campaignId: campaign.id, name: '第三季度' });
  const withIds: FixtureObject[] = [];
  for (const o of objects) {
    const added = await t.chair('addObject', { roundId: round.id, name: o.name, department: o.department, category: '科室' });
    withIds.push({ id: added.id, department: o.department, name: o.name });
  }
  const place = '区行政中心一楼大会议室';
  const self = await t.chair('createMeeting', { roundId: round.id, title: '第三季度单位自评会', kind: 'self', ballotType: 'graded', heldOn: '2026-09-28', place });
  const social = await t.chair('createMeeting', { roundId: round.id, title: '第三季度社会测评大会', kind: 'social', ballotType: 'graded', heldOn: '2026-09-28', place });
  await addRoster(t, social.id, options.socialRoster ?? SOCIAL_ROSTER, (n) => `代表${String(n).padStart(2, '0')}`);
  await addRoster(t, self.id, [['staff', '区政务服务管理局', 12]], (n) => `干部${String(n).padStart(2, '0')}`);
  return { roundId: round.id, socialId: social.id, selfId: self.id, objects: withIds };
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
  const round = await createRound(t, fixtureObjects());
  await voteMeeting(t, round.selfId, false);
  await voteMeeting(t, round.socialId, true);
  const vetoed = round.objects[5];
  if (!vetoed) throw new Error('fixture needs at least 6 objects');
  // Through setVeto, so the veto has its audit line as in the app.
  await t.chair('setVeto', { meetingId: round.socialId, objectId: vetoed.id, reason: '经查实存在吃拿卡要问题' });
  return { ...round, vetoed };
}

/**
 * A worst-list meeting (评差) in the same round: officials name objects 0–9 (推, 懒), recipients
 * objects 3–12 (冷). Rates: 3–9 → 100 %, 10–12 → 70 %, 0–2 → 30 %; the top 10 are 3–12.
 */
export async function createWorstMeeting(t: TestHost, round: PrintFixture): Promise<string> {
  const meeting = await t.chair('createMeeting', { roundId: round.roundId, title: '第三季度最难办事科室评议会', kind: 'social', ballotType: 'worst', heldOn: '2026-09-29', place: '区行政中心一楼大会议室' });
  const meetingId = meeting.id;
  await addRoster(t, meetingId, [['npc', '区人大常委会', 9], ['recipient', '辖区企业', 21]], (n) => `评差代表${n}`);
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
