/**
 * Importing the next round's objects keeps identity: rows matching the previous round on
 * department + name continue its lineage, a likely rename is only suggested until the
 * secretary confirms it, new and removed objects are listed; a re-import into the same round
 * keeps the keys it had.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHost, type TestHost } from '../../../../support/running-host';

let t: TestHost;
let campaignId: string;
let round1: string;
let round2: string;

const csv = (rows: readonly (readonly [string, string])[]): string => Buffer.from(['单位,评议对象', ...rows.map(([d, n]) => `${d},${n}`)].join('\n'), 'utf8').toString('base64');

beforeAll(async () => {
  t = await startTestHost({ demo: false });
  campaignId = (await t.chair('createCampaign', { name: '2026年度群众评科长' })).id;
  round1 = (await t.chair('createRound', { campaignId, name: '上半年' })).id;
  for (const [department, name] of [['区财政局', '预算科'], ['区财政局', '国库科'], ['区人社局', '就业科'], ['区人社局', '劳动关系科']] as const) {
    await t.chair('addObject', { roundId: round1, name, department, category: '科室' });
  }
  round2 = (await t.chair('createRound', { campaignId, name: '下半年' })).id;
}, 60_000);

afterAll(async () => {
  await t?.stop();
});

async function keysByName(roundId: string): Promise<Map<string, string>> {
  const follow = await t.chair('roundFollowups', { roundId });
  const tree = await t.chair('campaignHistory', { campaignId });
  const byKey = new Map(tree.lines.map((l) => [l.objectKey, l]));
  return new Map(follow.map((f) => [f.objectId, f.objectKey]).map(([, key]) => [byKey.get(key ?? '')?.name ?? '', key ?? '']));
}

describe('objects imported into the next round', () => {
  const file = csv([
    ['区财政局', '预算科'],
    ['区财政局', '国库支付科'],
    ['区人社局', '就业科'],
    ['区司法局', '公证科'],
  ]);

  it('previews matches, likely renames, new and removed objects, and saves nothing', async () => {
    const preview = await t.chair('previewObjectLineage', { roundId: round2, fileName: '下半年.csv', base64: file });
    expect(preview.previousRound).toBe('上半年');
    expect(preview.matches.map((m) => m.name)).toEqual(['预算科', '就业科']);
    expect(preview.renames.map((r) => [r.fromName, r.name])).toEqual([['国库科', '国库支付科']]);
    expect(preview.added.map((a) => a.name)).toEqual(['公证科']);
    expect(preview.removed.map((r) => r.name)).toEqual(['劳动关系科']);
    expect((await t.chair('roundFollowups', { roundId: round2 })).length).toBe(0);
  });

  it('continues matched lineages, and a rename only once confirmed', async () => {
    const before = await keysByName(round1);
    await t.chair('importObjects', { roundId: round2, mode: 'replace', skipInvalid: false, fileName: '下半年.csv', base64: file });
    let after = await keysByName(round2);
    expect(after.get('预算科')).toBe(before.get('预算科'));
    expect(after.get('就业科')).toBe(before.get('就业科'));
    const lines = (await t.chair('campaignHistory', { campaignId })).lines;
    // 国库科 and 国库支付科 are two lineages until the rename is confirmed.
    expect(lines.map((l) => l.name).sort()).toEqual(['公证科', '劳动关系科', '国库支付科', '国库科', '就业科', '预算科'].sort());

    const preview = await t.chair('previewObjectLineage', { roundId: round2, fileName: '下半年.csv', base64: file });
    const renames = preview.renames.map((r) => ({ department: r.department, name: r.name, objectKey: r.objectKey }));
    await t.chair('importObjects', { roundId: round2, mode: 'replace', skipInvalid: false, fileName: '下半年.csv', base64: file, renames });
    after = await keysByName(round2);
    expect(after.get('国库支付科')).toBe(before.get('国库科'));
    expect(after.get('预算科')).toBe(before.get('预算科'));
    const merged = (await t.chair('campaignHistory', { campaignId })).lines;
    expect(merged).toHaveLength(5);
    expect(merged.find((l) => l.objectKey === before.get('国库科'))?.name).toBe('国库支付科');
  });
});
