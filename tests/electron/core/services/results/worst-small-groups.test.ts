/**
 * Small groups never derivable from what leaves the room: a worst-list meeting with 3 officials
 * and 20 recipients, where 20.50 % has exactly one solution in whole nominations per group. The
 * results export carries no combined rate (nor tick counts or formulas), says why, and the signed
 * sheet says what was withheld; the publication sheet lists position and main problems only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHost, type TestHost } from '../../../../support/running-host';
import type { WorstSheet } from '../../../../../shared/api/chair/printing';
import { solutionsFor } from '../../../../../shared/tally';
import { addRoster, createRound, fixtureObjects } from '../../printing/fixture';

let t: TestHost;
let meetingId: string;

beforeAll(async () => {
  t = await startTestHost({ demo: false });
  const round = await createRound(t, fixtureObjects().slice(0, 4));
  // Set up as the 准备 and 签到 tabs do: a worst-list meeting, 3 officials and 20 recipients, all present.
  const meeting = await t.chair('createMeeting', { roundId: round.roundId, title: '小组评差会', kind: 'social', ballotType: 'worst', heldOn: '2026-09-29', place: '会议室' });
  meetingId = meeting.id;
  await addRoster(t, meetingId, [['npc', '区人大常委会', 3], ['recipient', '辖区企业', 20]], (n) => `代表${n}`);
  await t.chair('setCompositionOverride', { meetingId, reason: '测试小组' });
  const codes = await t.chair('generateCodes', { meetingId, spares: 0 });
  await t.chair('openVoting', { meetingId, override: '测试小组' });
  let official = 0;
  let recipient = 0;
  for (const code of codes) {
    // Object 0: 1 official and 3 recipients → 0.3·33.33 + 0.7·15.00 = 20.50 (unique).
    const index = code.group === 'officials' ? official++ : recipient++;
    const named = code.group === 'officials' ? index < 1 : index < 3;
    const picks = named ? [{ objectId: round.objects[0]?.id ?? '', tags: ['cold'] }] : [];
    const answer = await t.tablet('/api/tablet/ballot', { code: code.code, ballot: { type: 'worst', picks } });
    expect(answer.status).toBe(200);
  }
  await t.chair('closeVoting', { meetingId });
}, 60_000);

afterAll(async () => {
  await t?.stop();
});

describe('a worst-list meeting with 3 officials', () => {
  it('would give the officials’ count away with its rate, so the export carries none, and says why', async () => {
    const results = await t.chair('results', { meetingId });
    const first = results.rows[0];
    expect(first?.score).toBe('20.50');
    expect(solutionsFor(results.groups, { rate: first?.score ?? null, nominations: null }, results.roundingMode)).toBe(1);
    const file = await t.chair('exportResults', { meetingId, format: 'csv' });
    const text = Buffer.from(file.base64, 'base64').toString('utf8');
    expect(text).not.toContain('20.50');
    expect(text).not.toMatch(/\d+\.\d\d/u);
    expect(file.warning).toContain('人大代表、政协委员、分管领导只有 3 张选票（少于 5 张）');
    expect(text).toContain('结果导出文件不列综合提名率');
  });

  it('prints position and main problems, and on the signed sheet what was withheld and why', async () => {
    const sheet = (await t.chair('printData', { meetingId, sheet: 'worst' })) as WorstSheet;
    expect(sheet.withheld).toContain('综合提名率与各组票数一起可以推算出该组的提名票数');
    expect(sheet.rows[0]).toMatchObject({ rank: 1, problems: '冷' });
  });
});
