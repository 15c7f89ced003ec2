/**
 * Small groups on the printed sheets: a social meeting whose officials' group has 3 ballots,
 * under the threshold of 5. The detail sheet must hide every group's figures of that meeting
 * (the recipients' too: with the combined score they would give the small group away by
 * subtraction), print 不公开 where they would stand, and say why in the formula; the meeting's
 * own score and the round's total are still printed. Through the real chair API, the real PDF
 * (needs `npm run build` and poppler-utils).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHost, tempDir, type TestHost } from '../../../support/running-host';
import type { DetailSheet, RankingSheet } from '../../../../shared/api/chair/printing';
import type { MeetingResults } from '../../../../shared/api/chair/results';
import { createRound, fixtureObjects, THREE_OFFICIALS_ROSTER, voteMeeting, type FixtureObject } from './fixture';
import { pagesText, pngsForLooking, savePdf, squash } from './pdf-tools';
import { join } from 'node:path';
import { CHROMIUM_ARGS, findBrowser, loadPlaywright } from '../../../../electron/core/printing/find-browser';
import { findConsoleAssets } from '../../../../electron/core/printing/console-assets';
import { startChairServer } from '../../../../electron/core/server/chair-server';

let t: TestHost;
let socialId: string;
let objects: FixtureObject[];

beforeAll(async () => {
  t = await startTestHost({ demo: false });
  const round = await createRound(t, fixtureObjects().slice(0, 4), { socialRoster: THREE_OFFICIALS_ROSTER });
  socialId = round.socialId;
  objects = round.objects;
  await t.chair('setCompositionOverride', { meetingId: socialId, reason: '人大政协及领导组仅到三人，经研究照常召开' });
  await voteMeeting(t, round.selfId, false);
  await voteMeetingWithOverride(t, socialId);
}, 90_000);
afterAll(async () => {
  await t?.stop();
});

/** The social meeting opens despite the attendance rule (3 officials of 24), with a written reason. */
async function voteMeetingWithOverride(host: TestHost, meetingId: string): Promise<void> {
  const check = await host.chair('attendanceCheck', { meetingId });
  if (check.ok) return voteMeeting(host, meetingId, false);
  // voteMeeting opens without a reason; open here with one, then let it vote and close.
  const open = host.chair;
  const withReason: TestHost = { ...host, chair: ((method: string, input: unknown) => (method === 'openVoting' ? open('openVoting', { ...(input as { meetingId: string }), override: '到会人员构成经主持人确认，照常投票' }) : open(method as never, input as never))) as TestHost['chair'] };
  return voteMeeting(withReason, meetingId, false);
}

describe('small groups on the printed detail sheet', () => {
  it('hides every group of the meeting with a group under 5 ballots: no score, no indicator row, the ballot counts kept', async () => {
    const sheet = (await t.chair('printData', { meetingId: socialId, sheet: 'detail' })) as DetailSheet;
    expect(sheet.objects).toHaveLength(objects.length);
    for (const object of sheet.objects) {
      const social = object.meetings.find((m) => m.kind === 'social');
      expect(social?.groups.map((g) => [g.group, g.ballots, g.hidden, g.score, g.indicators.length])).toEqual([
        ['officials', 3, true, null, 0],
        ['recipients', 21, true, null, 0],
      ]);
      // The meeting's own score and the object's total are not secrets of a group.
      expect(social?.score).toMatch(/^\d+\.\d\d$/);
      expect(object.total).toMatch(/^\d+\.\d\d$/);
      // The formula says why, and shows the hidden figure as hidden.
      expect(social?.formula.some((line) => line.includes('不足5票，分组数据不公开'))).toBe(true);
      expect(social?.formula.join('\n')).toContain('（不公开）');
    }
    // The self-evaluation meeting's one group (12 cadres) is not touched by the rule.
    const self = sheet.objects[0]?.meetings.find((m) => m.kind === 'self');
    expect(self?.groups.map((g) => [g.group, g.hidden])).toEqual([['all', false]]);
    expect(self?.groups[0]?.score).toMatch(/^\d+\.\d\d$/);
  });

  it('prints 不公开 in the PDF where the group figures would be, and not the figures themselves', async () => {
    // Object 3: officials grade it 60, recipients 0 (GRADE_PLAN), so its hidden group figures
    // would read 60.00 and 0.00; cadres grade it 100 and the social score is 0.3×60 = 18.00.
    const object = objects[2];
    if (!object) throw new Error('no object');
    const sheet = (await t.chair('printData', { meetingId: socialId, sheet: 'detail', objectId: object.id })) as DetailSheet;
    const pdf = await t.chair('renderPdf', { meetingId: socialId, sheet: 'detail', objectId: object.id });
    const text = squash(pagesText(savePdf(tempDir('pingyi-small-'), 'small-groups', pdf.base64)).join('\n'));
    expect(text).toContain(`${object.name}（${object.department}）`);
    // No indicator row for the hidden meeting; 不公开 on both groups' score cells, and the reasons.
    expect(text).toMatch(/分组得分 不公开 不公开/);
    expect(text).toContain('人大代表、政协委员、分管领导不足5票，分组数据不公开');
    expect(text).toContain('服务对象分组数据不公开（以免推算出小组结果）');
    expect(text).toContain('社会测评 = 0.30×（不公开） + 0.70×（不公开） = 18.00');
    const social = sheet.objects[0]?.meetings.find((m) => m.kind === 'social');
    expect(social?.score).toBe('18.00');
    expect(text).toContain('18.00');
    expect(text).not.toContain('60.00');
    expect(text).not.toMatch(/(^|[^\d])0\.00/);
  }, 60_000);
});

/** A csv download's rows, split on commas (the cells here hold no commas or quotes). */
function csvRows(base64: string): string[][] {
  return Buffer.from(base64, 'base64')
    .toString('utf8')
    .replace(/^\uFEFF/u, '')
    .split(/\r?\n/u)
    .filter((line) => line !== '')
    .map((line) => line.split(','));
}

describe('small groups and the published scores of a graded meeting (i13)', () => {
  // Object 4 (index 3) is graded 满意 by every official and every recipient (GRADE_PLAN): its score, 100.00,
  // fits one officials' score only (100), so the check withholds the meeting's scores.
  it('withholds every score from the results export, keeps the ranks, and says why', async () => {
    const results = (await t.chair('results', { meetingId: socialId })) as MeetingResults;
    expect(results.rows.map((r) => r.score)).toContain('100.00');
    expect(results.publication).toEqual({ figuresWithheld: true, reason: 'determined' });
    const file = await t.chair('exportResults', { meetingId: socialId, format: 'csv' });
    expect(file.warning).toContain('只能对应该组的一种评分');
    const rows = csvRows(file.base64);
    const header = rows.findIndex((r) => r[0] === '名次');
    expect(header).toBeGreaterThanOrEqual(0);
    const body = rows.slice(header + 1);
    expect(body).toHaveLength(objects.length);
    for (const row of body) {
      expect(row[0]).toMatch(/^\d+$/u);
      expect(row[4]).toBe('不公开');
    }
    expect(rows.flat().join(' ')).not.toContain('100.00');
  });

  it('withholds the social part and the total from the round export, the self-evaluation part stays', async () => {
    const file = await t.chair('exportRoundResults', { meetingId: socialId, format: 'csv' });
    const rows = csvRows(file.base64);
    const header = rows.findIndex((r) => r[0] === '名次');
    const body = rows.slice(header + 1);
    expect(body).toHaveLength(objects.length);
    for (const row of body) {
      expect(row.slice(6, 9)).toEqual(['不公开', '不公开', '不公开']);
      expect(row[5]).toMatch(/^\d+\.\d\d$/u);
    }
    expect(file.warning).toContain('第三季度社会测评大会');
  });

  it('keeps every figure on the internal signed sheet and states what was withheld and why', async () => {
    const sheet = (await t.chair('printData', { meetingId: socialId, sheet: 'ranking' })) as RankingSheet;
    expect(sheet.mode).toBe('round');
    expect(sheet.withheld).toHaveLength(1);
    expect(sheet.withheld[0]).toContain('人大代表、政协委员、分管领导只有 3 张选票（少于 5 张）');
    for (const row of sheet.rows) expect(row.total).toMatch(/^\d+\.\d\d$/u);
    const pdf = await t.chair('renderPdf', { meetingId: socialId, sheet: 'ranking' });
    const saved = savePdf(tempDir('pingyi-small-ranking-'), 'small-groups-ranking', pdf.base64);
    pngsForLooking(saved, 'small-groups-ranking');
    const text = squash(pagesText(saved).join('\n'));
    expect(text).toContain('不公开事项：第三季度社会测评大会：人大代表、政协委员、分管领导只有 3 张选票');
    expect(text).toContain('不得公开');
    // That object's points stay on the signed sheet (social 100.00 → 50.00 of 50).
    const full = sheet.rows.find((r) => r.name === objects[3]?.name);
    expect(full?.socialPoints).toBe('50.00');
    expect(text).toContain(`${full?.name ?? '?'} ${full?.department ?? '?'} ${full?.selfPoints ?? '?'} 50.00 ${full?.total ?? '?'}`);
  }, 60_000);

  it('shows the ranks only on the projector (当场公布), with the reason, once official', async () => {
    await t.chair('markOfficial', { meetingId: socialId, confirm: true });
    // The test host serves no console; a chair server of its own on the same core serves dist/console.
    const assetsDir = findConsoleAssets();
    if (!assetsDir) throw new Error('no dist/console: run npm run build');
    const chair = await startChairServer(t.host.core, { port: 0, assetsDir });
    const executablePath = findBrowser();
    if (!executablePath) throw new Error('no Chromium for the projector check (apt-get install chromium)');
    const browser = await loadPlaywright().chromium.launch({ executablePath, args: [...CHROMIUM_ARGS], headless: true });
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
      await page.goto(`http://127.0.0.1:${chair.port}/chair/projector/index.html?meeting=${socialId}&show=ranking#token=${chair.token}`);
      const table = page.getByTestId('projector-ranking');
      await table.waitFor();
      await page.getByTestId('projector-withheld').waitFor();
      expect(await table.locator('thead th').allTextContents()).toEqual(['名次', '评议对象', '所属单位']);
      expect(await table.locator('tbody tr').count()).toBe(objects.length);
      expect(await page.locator('main').textContent()).not.toMatch(/\d+\.\d\d/u);
      const dir = process.env['PINGYI_PRINT_PNGS'];
      if (dir) await page.screenshot({ path: join(dir, 'projector-withheld.png') });
    } finally {
      await browser.close();
      await chair.close();
    }
  }, 60_000);
});
