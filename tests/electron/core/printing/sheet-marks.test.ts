/**
 * The signed sheet as a scrutineer checks it: the rule text states the meeting's own settings
 * (a 40/60 meeting never prints 30 %/70 %), every printed row adds up by the printed rule, and a
 * sheet printed before 确认为正式结果 says 初步结果（未确认） in its title, on every page and in its
 * file name, while an official one says 正式结果 with the confirmation time.
 * Needs `npm run build` (dist/console) and poppler-utils.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHost, tempDir, type TestHost } from '../../../support/running-host';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RankingSheet, ReceiptsSheet } from '../../../../shared/api/chair/printing';
import { runRetally } from '../../../../electron/host/retally';
import { DEFAULT_SETTINGS } from '../../../../shared/domain/defaults';
import { checkPrintedRoundRow } from '../../../../shared/tally';
import { createRound, fixtureObjects, voteMeeting } from './fixture';
import { pagesText, pngsForLooking, savePdf, squash } from './pdf-tools';

let t: TestHost;
let socialId: string;
let selfId: string;

const SETTINGS = { ...DEFAULT_SETTINGS, groupWeights: { officials: 40, recipients: 60 } };

beforeAll(async () => {
  t = await startTestHost({ demo: false });
  const round = await createRound(t, fixtureObjects().slice(0, 8));
  socialId = round.socialId;
  selfId = round.selfId;
  t.host.core.store.db.prepare('UPDATE meetings SET settings_json = ? WHERE id IN (?, ?)').run(JSON.stringify(SETTINGS), socialId, selfId);
  // The points are the round's setting.
  await t.chair('updateRoundSettings', { roundId: round.roundId, settings: { componentPoints: { self: 40, social: 60 } } });
  await voteMeeting(t, selfId, false);
  await voteMeeting(t, socialId, true);
}, 60_000);

afterAll(async () => {
  await t?.stop();
});

async function renderedText(meetingId: string): Promise<{ text: string; pages: string[]; fileName: string }> {
  const pdf = await t.chair('renderPdf', { meetingId, sheet: 'ranking' });
  const pages = pagesText(savePdf(tempDir('pingyi-marks-'), 'ranking', pdf.base64));
  return { text: squash(pages.join('\n')), pages, fileName: pdf.fileName };
}

describe('a 40/60 round, draft then official', () => {
  it('states the meeting’s weights and points, and every row adds up from its printed parts', async () => {
    const sheet = (await t.chair('printData', { meetingId: socialId, sheet: 'ranking' })) as RankingSheet;
    expect(sheet.mode).toBe('round');
    const rules = sheet.rules.join('');
    expect(rules).toContain('占40%');
    expect(rules).toContain('占60%');
    expect(rules).toContain('分别折算为40分、60分');
    expect(sheet.footnote).toBeNull();
    const round = await t.chair('roundResults', { meetingId: socialId });
    for (const row of round.rankings.flatMap((r) => r.rows)) expect(checkPrintedRoundRow(row, round.componentPoints)).toEqual([]);
    const { text } = await renderedText(socialId);
    expect(text).toContain('占40%');
    expect(text).not.toContain('30%');
    expect(text).not.toContain('70%');
  }, 60_000);

  it('marks the draft in the title, on every page and in the file names', async () => {
    const sheet = (await t.chair('printData', { meetingId: socialId, sheet: 'ranking' })) as RankingSheet;
    expect(sheet.header.resultState).toEqual({ official: false, confirmedAt: null });
    const { pages, fileName } = await renderedText(socialId);
    for (const page of pages) expect(squash(page)).toContain('初步结果（未确认）');
    expect(fileName).toContain('初步结果（未确认）');
    const exported = await t.chair('exportResults', { meetingId: socialId, format: 'csv' });
    expect(exported.fileName).toContain('初步结果（未确认）');
  }, 60_000);

  it('stays a draft while one of the round’s meetings is unconfirmed, then says 正式结果 with the time', async () => {
    await t.chair('markOfficial', { meetingId: socialId, confirm: true });
    const half = (await t.chair('printData', { meetingId: socialId, sheet: 'ranking' })) as RankingSheet;
    expect(half.header.resultState?.official).toBe(false);
    await t.chair('markOfficial', { meetingId: selfId, confirm: true });
    const sheet = (await t.chair('printData', { meetingId: socialId, sheet: 'ranking' })) as RankingSheet;
    expect(sheet.header.resultState?.official).toBe(true);
    expect(sheet.header.resultState?.confirmedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    const { text, fileName } = await renderedText(socialId);
    expect(text).toMatch(/正式结果（\d{4}-\d\d-\d\d \d\d:\d\d 确认）/u);
    expect(text).not.toContain('未确认');
    expect(fileName).toContain('正式结果');
    const exported = await t.chair('exportResults', { meetingId: socialId, format: 'csv' });
    expect(exported.fileName).toContain('正式结果');
  }, 60_000);
});

describe('回执清单 (receipt list)', () => {
  it('prints every receipt, sorted, with the fingerprint retally gives for the meeting\'s ballot file', async () => {
    const sheet = (await t.chair('printData', { meetingId: socialId, sheet: 'receipts' })) as ReceiptsSheet;
    const { receipts } = await t.chair('receipts', { meetingId: socialId });
    expect(sheet.receipts).toEqual(receipts);
    expect(sheet.receipts).toHaveLength(30);
    expect([...sheet.receipts].sort()).toEqual(sheet.receipts);
    const dir = tempDir('pingyi-receipts-');
    const file = await t.chair('exportBallots', { meetingId: socialId, format: 'csv' });
    const path = join(dir, 'ballots.csv');
    writeFileSync(path, Buffer.from(file.base64, 'base64'));
    expect(await runRetally([path, '--expect', sheet.fingerprint], () => undefined)).toBe(0);
    const pdf = await t.chair('renderPdf', { meetingId: socialId, sheet: 'receipts' });
    const saved = savePdf(dir, 'receipts', pdf.base64);
    pngsForLooking(saved, 'receipts');
    const text = squash(pagesText(saved).join('\n'));
    for (const receipt of receipts) expect(text).toContain(receipt);
    expect(text).toContain(`选票数据指纹（SHA-256）：${sheet.fingerprint}`);
    expect(pdf.fileName).toContain('回执清单');
  }, 60_000);
});

describe('a round set to round once (exact)', () => {
  it('prints the parts with 4 decimals, says so in a footnote, and states the rule', async () => {
    const round = await createRound(t, fixtureObjects().slice(8, 14));
    const settings = { ...SETTINGS, roundingMode: 'exact' };
    t.host.core.store.db.prepare('UPDATE meetings SET settings_json = ? WHERE id IN (?, ?)').run(JSON.stringify(settings), round.socialId, round.selfId);
    await voteMeeting(t, round.selfId, false);
    await voteMeeting(t, round.socialId, true);
    const sheet = (await t.chair('printData', { meetingId: round.socialId, sheet: 'ranking' })) as RankingSheet;
    expect(sheet.mode).toBe('round');
    for (const row of sheet.rows) {
      if (row.selfPoints !== null) expect(row.selfPoints).toMatch(/^\d+\.\d{4}$/u);
      if (row.socialPoints !== null) expect(row.socialPoints).toMatch(/^\d+\.\d{4}$/u);
      if (row.total !== null) expect(row.total).toMatch(/^\d+\.\d{2}$/u);
    }
    expect(sheet.footnote).toContain('四位小数');
    expect(sheet.rules.join('')).toContain('按精确值计算');
    const pdf = await t.chair('renderPdf', { meetingId: round.socialId, sheet: 'ranking' });
    const saved = savePdf(tempDir('pingyi-exact-'), 'ranking-exact', pdf.base64);
    pngsForLooking(saved, 'ranking-exact');
    expect(squash(pagesText(saved).join('\n'))).toContain('分项保留四位小数');
  }, 60_000);
});
