/**
 * Paper and screen are one: the ranking and detail sheets print exactly the rows the 结果 tab
 * shows (roundResults for a round with both components, results for a meeting whose round has
 * no closed meeting of the other kind), the sheet says which ranking it is, and the written
 * reasons for going ahead despite the 30 %/70 % rule (roster and attendance) are printed.
 * The rendered check needs `npm run build` (dist/console) and poppler-utils.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHost, tempDir, fullBallot, type TestHost } from '../../../support/running-host';
import type { DetailSheet, RankingSheet } from '../../../../shared/api/chair/printing';
import type { BallotDefinition } from '../../../../shared/api/tablet-schemas';
import { createRound, fixtureObjects, GRADE_PLAN, SOCIAL_ROSTER, voteMeeting } from './fixture';
import { pagesText, savePdf, squash } from './pdf-tools';

let t: TestHost;

beforeAll(async () => {
  t = await startTestHost({ demo: false });
}, 60_000);

afterAll(async () => {
  await t?.stop();
});

describe('a round with both components closed', () => {
  let socialId: string;
  let selfId: string;

  beforeAll(async () => {
    const round = await createRound(t, fixtureObjects().slice(0, 12));
    socialId = round.socialId;
    selfId = round.selfId;
    await voteMeeting(t, selfId, false);
    await voteMeeting(t, socialId, true);
    const vetoed = round.objects[2];
    if (!vetoed) throw new Error('fixture needs objects');
    await t.chair('setVeto', { meetingId: socialId, objectId: vetoed.id, reason: '经查实存在吃拿卡要问题' });
  }, 60_000);

  it('prints the ranking the results screen shows for the round, from either meeting', async () => {
    const screen = await t.chair('roundResults', { meetingId: socialId });
    const shown = screen.rankings.flatMap((r) => r.rows).map((r) => [r.rank, r.name, r.selfPoints, r.socialPoints, r.total]);
    expect(shown.some((row) => row[0] === null || row[4] === null)).toBe(false);
    for (const meetingId of [socialId, selfId]) {
      const sheet = (await t.chair('printData', { meetingId, sheet: 'ranking' })) as RankingSheet;
      expect(sheet.mode).toBe('round');
      expect(sheet.componentPoints).toEqual(screen.componentPoints);
      expect(sheet.rows.map((r) => [r.rank, r.name, r.selfPoints, r.socialPoints, r.total])).toEqual(shown);
    }
    const sheet = (await t.chair('printData', { meetingId: socialId, sheet: 'ranking' })) as RankingSheet;
    expect(sheet.rows.at(-1)?.notes).toBe('一票否决：经查实存在吃拿卡要问题');
  });

  it('prints each object\'s detail with the screen\'s rank, total and formula lines', async () => {
    const screen = await t.chair('roundResults', { meetingId: socialId });
    const detail = (await t.chair('printData', { meetingId: socialId, sheet: 'detail' })) as DetailSheet;
    const rows = screen.rankings.flatMap((r) => r.rows);
    expect(detail.objects.map((o) => [o.objectId, o.rank, o.total])).toEqual(rows.map((r) => [r.objectId, r.rank, r.total]));
    for (const object of detail.objects) {
      const row = rows.find((r) => r.objectId === object.objectId);
      // Every printed line is a line of the screen's formula, and the sheet ends with the total.
      const printed = [...object.meetings.flatMap((m) => m.formula), ...object.totalFormula];
      for (const line of printed) expect(row?.formula.zh).toContain(line);
      expect(object.totalFormula.some((line) => line.startsWith('总分 ='))).toBe(true);
    }
  });
});

describe('a round where only the social meeting has closed', () => {
  let meetingId: string;

  beforeAll(async () => {
    // Three officials fewer on the roster (6 + 21): the composition rule fails and needs a reason.
    const round = await createRound(t, fixtureObjects().slice(0, 6), { socialRoster: SOCIAL_ROSTER.filter(([category]) => category !== 'npc') });
    meetingId = round.socialId;
    await t.chair('setCompositionOverride', { meetingId, reason: '三位人大代表因公出差，经研究照常召开' });
    const codes = await t.chair('generateCodes', { meetingId, spares: 0 });
    await t.chair('openVoting', { meetingId, override: '到会人员构成经主持人确认，照常投票' });
    for (const code of codes) {
      const session = await t.tablet('/api/tablet/session', { code: code.code });
      const ballot = fullBallot(session.body.value as BallotDefinition, (o) => GRADE_PLAN[code.group](o));
      const answer = await t.tablet('/api/tablet/ballot', { code: code.code, ballot });
      expect(answer.status).toBe(200);
    }
    await t.chair('closeVoting', { meetingId });
  }, 60_000);

  it('prints the meeting view of the results screen, ranked on the meeting\'s own score', async () => {
    const screen = await t.chair('results', { meetingId });
    const sheet = (await t.chair('printData', { meetingId, sheet: 'ranking' })) as RankingSheet;
    expect(sheet.mode).toBe('social');
    expect(sheet.rows.map((r) => [r.rank, r.name, r.total, r.notes])).toEqual(screen.rows.map((r) => [r.rank, r.name, r.score, r.note]));
    expect(sheet.rows.every((r) => r.selfPoints === null && r.socialPoints === null)).toBe(true);
  });

  it('prints the roster\'s and the attendance\'s override reasons and says which ranking it is', async () => {
    const sheet = (await t.chair('printData', { meetingId, sheet: 'ranking' })) as RankingSheet;
    expect(sheet.overrides).toEqual([
      '第三季度社会测评大会：代表构成例外说明：三位人大代表因公出差，经研究照常召开',
      '第三季度社会测评大会：到会人数例外说明：到会人员构成经主持人确认，照常投票',
    ]);
    const pdf = await t.chair('renderPdf', { meetingId, sheet: 'ranking' });
    const text = squash(pagesText(savePdf(tempDir('pingyi-pdf-'), 'single', pdf.base64)).join('\n'));
    expect(text).toContain('排名依据：本场会议（社会测评）的得分');
    expect(text).toContain('代表构成例外说明：三位人大代表因公出差');
    expect(text).toContain('到会人数例外说明：到会人员构成经主持人确认');
  }, 60_000);
});
