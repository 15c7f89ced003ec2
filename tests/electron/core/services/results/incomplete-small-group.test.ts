/**
 * An incomplete row where a group is small (i13): a social meeting with 3 officials and 21
 * recipients, and none of the 3 officials grades the first object (不了解). "数据不完整：人大代表、
 * 政协委员、分管领导无评分" on the results export would say that all 3 skipped it. Through the real
 * host, store and export: the export says 数据不完整 without the group, nowhere 无评分, and the
 * note says why; the internal signed sheet names the group and says what was withheld.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fullBallot, startTestHost, tempDir, type TestHost } from '../../../../support/running-host';
import { pagesText, pngsForLooking, savePdf, squash } from '../../printing/pdf-tools';
import type { BallotDefinition } from '../../../../../shared/api/tablet-schemas';
import type { MeetingResults } from '../../../../../shared/api/chair/results';
import type { RankingSheet } from '../../../../../shared/api/chair/printing';
import { INCOMPLETE_UNNAMED } from '../../../../../shared/rules/rule-text';
import { answersArePublishable, publishedAnswersOf } from '../../../../../shared/tally';
import { createRound, fixtureObjects, THREE_OFFICIALS_ROSTER, voteMeeting, type FixtureObject } from '../../printing/fixture';

let t: TestHost;
let socialId: string;
let objects: FixtureObject[];

/** A CSV file's rows, quoted cells included (the formula column may hold commas). */
function csvRows(base64: string): string[][] {
  const text = Buffer.from(base64, 'base64').toString('utf8').replace(/^\uFEFF/u, '');
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i] ?? '';
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i += 1;
      row.push(cell);
      if (row.some((v) => v !== '')) rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  return rows;
}

/** Votes and closes a social meeting opened despite its composition; officials skip object 0 whole. */
async function voteSkippingFirst(meetingId: string): Promise<void> {
  await t.chair('setCompositionOverride', { meetingId, reason: '人大政协及领导组到会人数不足，经研究照常召开' });
  const codes = await t.chair('generateCodes', { meetingId, spares: 0 });
  await t.chair('openVoting', { meetingId, override: '到会人员构成经主持人确认，照常投票' });
  let n = 0;
  for (const code of codes) {
    n += 1;
    const session = await t.tablet('/api/tablet/session', { code: code.code });
    const definition = session.body.value as BallotDefinition;
    // Everyone else grades with some spread (indices into 100/80/60/0).
    const ballot = fullBallot(definition, (o, i) => (code.group === 'officials' && o === 0 ? null : (o + i + n) % 4));
    const answer = await t.tablet('/api/tablet/ballot', { code: code.code, ballot });
    if (answer.status !== 200) throw new Error(`ballot failed: ${JSON.stringify(answer.body)}`);
  }
  await t.chair('closeVoting', { meetingId });
}

let oneOfficialId: string;

beforeAll(async () => {
  t = await startTestHost({ demo: false });
  const round = await createRound(t, fixtureObjects().slice(0, 4), { socialRoster: THREE_OFFICIALS_ROSTER });
  socialId = round.socialId;
  objects = round.objects;
  await voteMeeting(t, round.selfId, false);
  await voteSkippingFirst(socialId);
  // A second round whose officials' group is one person.
  const lone = await createRound(t, fixtureObjects().slice(0, 4), { socialRoster: [['npc', '区人大常委会', 1], ['recipient', '辖区企业', 21]] });
  oneOfficialId = lone.socialId;
  await voteSkippingFirst(oneOfficialId);
}, 180_000);

afterAll(async () => {
  await t?.stop();
});

describe('an incomplete object with a small group, through the real store and export (i13)', () => {
  it('is incomplete because the officials gave no answer, and the check passes the row only unnamed', async () => {
    const results = (await t.chair('results', { meetingId: socialId })) as MeetingResults;
    const first = results.rows.find((r) => r.objectId === objects[0]?.id);
    expect(first?.incomplete).toBe(true);
    expect(first?.missingGroups).toEqual(['officials']);
    expect(results.rows.filter((r) => r.incomplete)).toHaveLength(1);
    // The meeting's actual numbers: the named row would give the officials' count (0) away, the unnamed one does not.
    const groups = results.groups.map((g) => ({ group: g.group, weight: g.weight, ballots: g.ballots }));
    expect(groups.map((g) => g.ballots)).toEqual([3, 21]);
    expect(answersArePublishable(groups, [['officials']], results.smallGroupK).publishable).toBe(false);
    const published = results.rows.map((r) => publishedAnswersOf(groups, results.smallGroupK, r.missingGroups));
    expect(published.filter((p) => p === 'unnamed')).toHaveLength(1);
    expect(answersArePublishable(groups, published, results.smallGroupK)).toEqual({ publishable: true, determined: null });
    expect(results.publication.reason).not.toBe('answered');
  });

  it('prints 数据不完整 on the results export without the group, never 无评分, and says why', async () => {
    const results = (await t.chair('results', { meetingId: socialId })) as MeetingResults;
    const file = await t.chair('exportResults', { meetingId: socialId, format: 'csv' });
    const rows = csvRows(file.base64);
    const header = rows.findIndex((r) => r[0] === '名次');
    expect(header).toBeGreaterThanOrEqual(0);
    const columns = rows[header] ?? [];
    const body = rows.slice(header + 1);
    expect(body).toHaveLength(objects.length);
    const first = body.find((r) => r[1] === objects[0]?.name);
    expect(first?.[columns.indexOf('备注')]).toBe(INCOMPLETE_UNNAMED);
    expect(first?.[0]).toBe('—');
    // Every per-group cell of the meeting is 不公开 (the recipients' too: complement).
    for (const row of body) for (const [i, name] of columns.entries()) if (name.endsWith('得分') && name !== '得分') expect(row[i]).toBe('不公开');
    // The table itself (the note above it says in words what is left out).
    expect(body.flat().join('\n')).not.toContain('无评分');
    expect(results.publication.figuresWithheld).toBe(false);
    expect(first?.[4]).toBe('不完整');
    // The 票数 columns are the groups' ballots in the meeting, the same on every row: no per-object count.
    for (const [i, name] of columns.entries()) if (name.endsWith('票数')) expect(new Set(body.map((r) => r[i]))).toEqual(new Set([String(name.startsWith('服务对象') ? 21 : 3)]));
    expect(file.warning).toContain('有 1 个对象数据不完整');
    expect(file.warning).toContain(`“${INCOMPLETE_UNNAMED}”`);
  });

  it('names the group on the internal signed sheet, which says what the published outputs leave out', async () => {
    const sheet = (await t.chair('printData', { meetingId: socialId, sheet: 'ranking' })) as RankingSheet;
    const first = sheet.rows.find((r) => r.name === objects[0]?.name);
    expect(first?.notes).toContain('人大代表、政协委员、分管领导');
    expect(sheet.withheld.join('\n')).toContain('不写是哪一组无评分');
  });

  it('prints the object on the detail sheet as incomplete with 不公开 for both groups, not which one gave no answers', async () => {
    const pdf = await t.chair('renderPdf', { meetingId: socialId, sheet: 'detail' });
    const saved = savePdf(tempDir('pingyi-incomplete-detail-'), 'incomplete-small-detail', pdf.base64);
    pngsForLooking(saved, 'incomplete-small-detail');
    // Sheets follow the ranking: the unranked (incomplete) object comes last.
    const first = squash(pagesText(saved).find((page) => page.includes(objects[0]?.name ?? '?')) ?? '');
    expect(first).toContain(objects[0]?.name ?? '?');
    expect(first).toContain('0.30×（不公开） + 0.70×（不公开）：结果不完整，不折算');
    expect(first).not.toContain('无评分');
  }, 60_000);

  it('withholds the scores where the officials are one person: every complete row says that ballot answered', async () => {
    const results = (await t.chair('results', { meetingId: oneOfficialId })) as MeetingResults;
    expect(results.groups.map((g) => g.ballots)).toEqual([1, 21]);
    expect(results.rows.filter((r) => r.incomplete).map((r) => r.missingGroups)).toEqual([['officials']]);
    expect(results.publication).toEqual({ figuresWithheld: true, reason: 'answered' });
    const file = await t.chair('exportResults', { meetingId: oneOfficialId, format: 'csv' });
    expect(file.warning).toContain('该组只有一张选票');
    const rows = csvRows(file.base64);
    const body = rows.slice(rows.findIndex((r) => r[0] === '名次') + 1);
    for (const row of body) expect(row[4]).toBe('不公开');
  });
});
