/** Worst-list rounds voted through the real host (chair API + tablet API), for the history tests. */
import { randomBytes } from 'node:crypto';
import type { TestHost } from '../../../../support/running-host';
import { addRoster, SOCIAL_ROSTER } from '../../printing/fixture';

/** Every representative checked in (a copied round's roster comes with nobody present). */
export async function checkInAll(t: TestHost, meetingId: string): Promise<void> {
  for (const rep of await t.chair('checkInList', { meetingId })) {
    if (!rep.present) await t.chair('setCheckedIn', { meetingId, representativeId: rep.id, present: true });
  }
}

/** A new campaign with one round, `names` as objects (department 区政务服务管理局) and a worst-list meeting with 9 + 21 representatives. */
export async function worstCampaign(t: TestHost, campaign: string, round: string, names: readonly string[]): Promise<{ campaignId: string; roundId: string; meetingId: string }> {
  const c = await t.chair('createCampaign', { name: campaign });
  const r = await t.chair('createRound', { campaignId: c.id, name: round });
  for (const name of names) await t.chair('addObject', { roundId: r.id, name, department: '区政务服务管理局', category: '科室' });
  const m = await t.chair('createMeeting', { roundId: r.id, title: `${round}最难办事科室评议`, kind: 'social', ballotType: 'worst', heldOn: '2026-03-30', place: '会议室' });
  await addRoster(t, m.id, SOCIAL_ROSTER, (n) => `代表${n}`);
  return { campaignId: c.id, roundId: r.id, meetingId: m.id };
}

/** Votes the round's worst-list meeting: every ballot names `picked` (object names) with 冷; closes and confirms it. */
export async function voteWorstRound(t: TestHost, roundId: string, picked: readonly string[]): Promise<string> {
  const tree = await t.chair('setupTree', {});
  const meeting = tree.flatMap((c) => c.rounds).find((r) => r.id === roundId)?.meetings.find((m) => m.ballotType === 'worst');
  if (meeting === undefined) throw new Error('the round has no worst-list meeting');
  const setup = await t.chair('meetingSetup', { meetingId: meeting.id });
  await checkInAll(t, meeting.id);
  const ids = picked.map((name) => {
    const object = setup.objects.find((o) => o.name === name);
    if (object === undefined) throw new Error(`no object ${name}`);
    return object.id;
  });
  const codes = await t.chair('generateCodes', { meetingId: meeting.id, spares: 0 });
  await t.chair('openVoting', { meetingId: meeting.id });
  for (const code of codes) {
    const submissionKey = randomBytes(16).toString('base64url');
    const answer = await t.tablet('/api/tablet/ballot', { code: code.code, submissionKey, ballot: { type: 'worst', picks: ids.map((objectId) => ({ objectId, tags: ['cold'] })) } });
    if (answer.status !== 200) throw new Error(`ballot refused: ${JSON.stringify(answer.body)}`);
  }
  await t.chair('closeVoting', { meetingId: meeting.id });
  await t.chair('markOfficial', { meetingId: meeting.id, confirm: true });
  return meeting.id;
}
