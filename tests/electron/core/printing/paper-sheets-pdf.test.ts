/**
 * The paper ballot sheets (issue 17) rendered to PDF by the host's own path, read back with
 * pdftotext: the blank 纸质评议表 of a 105-object graded meeting and of a worst-list meeting
 * (one ballot per voter group, the group printed, no serial number), and the 纸质票录入核对表
 * after paper ballots were keyed in, with its 无效票 and its counts. Needs `npm run build` and
 * poppler-utils; set PINGYI_PRINT_PNGS=DIR to get PNGs to look at.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHost, tempDir, type TestHost } from '../../../support/running-host';
import { createRound, createWorstMeeting, fixtureObjects, voteMeeting } from './fixture';
import { pagesText, pngsForLooking, savePdf, squash } from './pdf-tools';

let t: TestHost;
let out: string;
let round: Awaited<ReturnType<typeof createRound>>;

beforeAll(async () => {
  t = await startTestHost({ demo: false });
  round = await createRound(t, fixtureObjects());
  out = tempDir('pingyi-paper-pdf-');
}, 120_000);

afterAll(async () => {
  await t?.stop();
});

async function render(name: string, meetingId: string, sheet: 'paperBallot' | 'paperReconciliation'): Promise<string[]> {
  const pdf = await t.chair('renderPdf', { meetingId, sheet });
  const file = savePdf(out, name, pdf.base64);
  pngsForLooking(file, name);
  const pages = pagesText(file);
  expect(pdf.pages).toBe(pages.length);
  expect(pdf.fileName).toContain(sheet === 'paperBallot' ? '纸质评议表' : '纸质票核对表');
  return pages;
}

describe('纸质评议表 (blank paper ballot)', () => {
  it('graded, 105 objects: one ballot per group with its group, every object, the grades, no serial number', async () => {
    // Printed before voting: the draft's live definition.
    const pages = await render('paper-ballot-graded', round.socialId, 'paperBallot');
    const text = squash(pages.join('\n'));
    const groups = pages.map((page) => (/代表类别：(\S+)/u.exec(squash(page))?.[1] ?? null)).filter((g) => g !== null);
    expect(groups).toEqual(['人大代表、政协委员、分管领导', '服务对象']);
    const objects = fixtureObjects();
    for (const o of objects.slice(0, 3)) expect(text).toContain(o.name);
    // Each group's ballot lists all 105, numbered as on the tablet.
    expect(text.match(/不记名、不编号/gu)).toHaveLength(2);
    expect(text).toContain('整张评议表为无效票');
    expect(text).not.toMatch(/编号[:：]\s*\d/u);
  }, 60_000);

  it('worst-list: a box per object and per problem, K stated', async () => {
    await voteMeeting(t, round.selfId, false);
    await voteMeeting(t, round.socialId, false);
    const worstId = await createWorstMeeting(t, { ...round, vetoed: round.objects[0] ?? { id: '', name: '', department: '' } });
    const pages = await render('paper-ballot-worst', worstId, 'paperBallot');
    const text = squash(pages.join('\n'));
    expect(text).toContain('最多选 10 个');
    expect(text).toContain('选出超过 10 个评议对象的，整张评议表为无效票');
    for (const tag of ['冷', '懒', '推', '乱', '贪']) expect(text).toContain(tag);

    // Two paper ballots of the worst-list meeting: one valid, one naming 11 objects.
    const view = await t.chair('paperEntry', { meetingId: worstId });
    const valid = { type: 'worst' as const, picks: [{ objectId: round.objects[20]?.id ?? '', tags: [] }] };
    const tooMany = { type: 'worst' as const, picks: round.objects.slice(0, 11).map((o) => ({ objectId: o.id, tags: [] })) };
    for (const ballot of [valid, tooMany]) {
      const first = await t.chair('paperFirstEntry', { meetingId: worstId, group: 'recipients', clerk: '甲', ballot });
      await t.chair('paperSecondEntry', { meetingId: worstId, entryId: first.entryId, clerk: '乙', ballot });
    }
    expect(view.form.worstK).toBe(10);
    const sheet = squash((await render('paper-reconciliation', worstId, 'paperReconciliation')).join('\n'));
    expect(sheet).toContain('无效票（1 张）');
    expect(sheet).toContain('选了 11 个评议对象，最多只能选 10 个');
    // Recipients: 21 present, 21 tablets, 1 paper valid, 1 invalid → −2 not returned: more ballots than people.
    expect(sheet).toContain('不符');
    const data = await t.chair('printData', { meetingId: worstId, sheet: 'paperReconciliation' });
    if (data.sheet !== 'paperReconciliation') throw new Error('wrong sheet');
    expect(data.rows.find((r) => r.group === 'recipients')).toMatchObject({ present: 21, electronic: 21, paperValid: 1, paperInvalid: 1, notReturned: -2, balanced: false });
  }, 120_000);
});
