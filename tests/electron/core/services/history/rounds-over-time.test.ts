/**
 * Rounds over time through the real host: a campaign's worst-list round copied twice (objects
 * keep their identity), three rounds voted through the tablet API and confirmed; history reads
 * what the confirmations stored; the rules table says 连续2次前3名 → 免去科室负责人职务 with the
 * rounds named; merge and split; follow-up entries; exports; import of earlier rounds.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { startTestHost, type TestHost } from '../../../../support/running-host';
import { voteWorstRound, worstCampaign } from './helpers';
import { DEFAULT_CONSEQUENCE_RULES } from '../../../../../shared/history/consequence-rules';
import { historyNoteWords } from '../../../../../shared/i18n/import-notes';

let t: TestHost;
let campaignId: string;
const rounds: string[] = [];
const NAMES = ['行政审批科', '不动产登记科', '社保经办科', '城管执法中队', '市场监管所', '税务服务厅'];

beforeAll(async () => {
  t = await startTestHost({ demo: false });
  const first = await worstCampaign(t, '2026年度最难办事科室群众评', '第一季度', NAMES);
  campaignId = first.campaignId;
  rounds.push(first.roundId);
  await voteWorstRound(t, first.roundId, ['行政审批科', '不动产登记科', '社保经办科']);
  const second = await t.chair('copyRound', { roundId: first.roundId, name: '第二季度' });
  rounds.push(second.id);
  await voteWorstRound(t, second.id, ['行政审批科', '城管执法中队']);
  const third = await t.chair('copyRound', { roundId: second.id, name: '第三季度' });
  rounds.push(third.id);
  await voteWorstRound(t, third.id, ['行政审批科', '市场监管所']);
}, 120_000);

afterAll(async () => {
  await t?.stop();
});

describe('history across copied rounds', () => {
  it('keeps one identity per object across copied rounds', async () => {
    const history = await t.chair('campaignHistory', { campaignId });
    expect(history.rounds.map((r) => r.name)).toEqual(['第一季度', '第二季度', '第三季度']);
    expect(history.lines).toHaveLength(NAMES.length);
    const first = history.lines.find((l) => l.name === '行政审批科');
    expect(first?.cells.map((c) => c.worst?.rank)).toEqual([1, 1, 1]);
    expect(first?.streaks).toMatchObject({ worstTop3: 3, worstTop10: 3 });
    const other = history.lines.find((l) => l.name === '不动产登记科');
    expect(other?.cells.map((c) => c.worst?.rank ?? null)).toEqual([1, null, null]);
    expect(other?.cells[0]?.worst?.mainProblems).toEqual(['冷']);
  });

  it('names the rules met per round with the consecutive count and the rounds', async () => {
    const second = await t.chair('roundConsequences', { roundId: rounds[1] ?? '' });
    const line = second.lines.find((l) => l.name === '行政审批科');
    const ids = line?.rules.map((r) => r.ruleId);
    expect(ids).toEqual(['worst-top10', 'worst-top3', 'worst-top3x2', 'worst-deduction']);
    const twice = line?.rules.find((r) => r.ruleId === 'worst-top3x2');
    expect(twice).toMatchObject({ consequence: '免去科室负责人职务', reason: '连续2次前3名（第一季度、第二季度）', count: 2 });
    const third = await t.chair('roundConsequences', { roundId: rounds[2] ?? '' });
    expect(third.lines.find((l) => l.name === '行政审批科')?.rules.find((r) => r.ruleId === 'worst-top3x3')?.reason).toBe('连续3次前3名（第一季度、第二季度、第三季度）');
    // Named in round 2 only: the streak of 城管执法中队 is one round.
    expect(second.lines.find((l) => l.name === '城管执法中队')?.rules.map((r) => r.ruleId)).toEqual(['worst-top10', 'worst-top3', 'worst-deduction']);
  });

  it('applies the table the chair edited, and goes back to the defaults', async () => {
    const edited = DEFAULT_CONSEQUENCE_RULES.map((r) => (r.id === 'worst-top3x2' ? { ...r, consequence: '调整岗位' } : r.id === 'worst-deduction' ? { ...r, enabled: false } : r));
    const table = await t.chair('setConsequenceRules', { campaignId, rules: edited });
    expect(table.defaults).toBe(false);
    const second = await t.chair('roundConsequences', { roundId: rounds[1] ?? '' });
    const rules = second.lines.find((l) => l.name === '行政审批科')?.rules ?? [];
    expect(rules.map((r) => r.consequence)).toContain('调整岗位');
    expect(rules.map((r) => r.ruleId)).not.toContain('worst-deduction');
    const reset = await t.chair('resetConsequenceRules', { campaignId, confirm: true });
    expect(reset.defaults).toBe(true);
    expect(reset.rules).toEqual(DEFAULT_CONSEQUENCE_RULES);
  });

  it('records follow-up entries per object and shows them in the next round', async () => {
    const setup1 = await t.chair('roundFollowups', { roundId: rounds[0] ?? '' });
    const tree = await t.chair('setupTree', {});
    const meeting1 = tree.flatMap((c) => c.rounds).find((r) => r.id === rounds[0])?.meetings[0];
    const objects1 = (await t.chair('meetingSetup', { meetingId: meeting1?.id ?? '' })).objects;
    const target = objects1.find((o) => o.name === '行政审批科');
    expect(setup1.find((f) => f.objectId === target?.id)?.entries).toEqual([]);
    await t.chair('addFollowup', { objectId: target?.id ?? '', kind: 'commitment', datedOn: '2026-04-02', text: '承诺窗口办件一次办结', recordedBy: 'secretary' });
    await t.chair('addFollowup', { objectId: target?.id ?? '', kind: 'feedback', datedOn: '2026-05-10', text: '已推行一窗受理，群众等候时间缩短一半', recordedBy: 'secretary' });
    const next = await t.chair('roundFollowups', { roundId: rounds[1] ?? '' });
    const shown = next.find((f) => f.entries.length > 0);
    expect(shown?.entries.map((e) => [e.kind, e.round, e.recordedBy])).toEqual([
      ['commitment', '第一季度', 'secretary'],
      ['feedback', '第一季度', 'secretary'],
    ]);
    const history = await t.chair('objectHistory', { campaignId, objectKey: shown?.objectKey ?? '' });
    expect(history.rounds[0]?.entries.map((e) => e.text)).toEqual(['承诺窗口办件一次办结', '已推行一窗受理，群众等候时间缩短一半']);
    expect(history.rounds[0]?.followups).toBe(2);
  });

  it('splits and merges a lineage, with its history', async () => {
    const before = await t.chair('campaignHistory', { campaignId });
    const tree = await t.chair('setupTree', {});
    const meeting3 = tree.flatMap((c) => c.rounds).find((r) => r.id === rounds[2])?.meetings[0];
    const object3 = (await t.chair('meetingSetup', { meetingId: meeting3?.id ?? '' })).objects.find((o) => o.name === '行政审批科');
    const split = await t.chair('splitObject', { objectId: object3?.id ?? '', confirm: true });
    const afterSplit = await t.chair('campaignHistory', { campaignId });
    expect(afterSplit.lines).toHaveLength(before.lines.length + 1);
    const newLine = afterSplit.lines.find((l) => l.objectKey === split.objectKey);
    expect(newLine?.cells.map((c) => c.worst?.rank ?? null)).toEqual([null, null, 1]);
    expect(newLine?.streaks.worstTop3).toBe(1);
    const meeting2 = tree.flatMap((c) => c.rounds).find((r) => r.id === rounds[1])?.meetings[0];
    const object2 = (await t.chair('meetingSetup', { meetingId: meeting2?.id ?? '' })).objects.find((o) => o.name === '行政审批科');
    await t.chair('mergeObjects', { objectId: object3?.id ?? '', intoObjectId: object2?.id ?? '', confirm: true });
    const merged = await t.chair('campaignHistory', { campaignId });
    expect(merged.lines).toHaveLength(before.lines.length);
    expect(merged.lines.find((l) => l.name === '行政审批科')?.streaks.worstTop3).toBe(3);
  });

  it('refuses a merge that would make two objects of one round the same object', async () => {
    const tree = await t.chair('setupTree', {});
    const meeting = tree.flatMap((c) => c.rounds).find((r) => r.id === rounds[1])?.meetings[0];
    const objects = (await t.chair('meetingSetup', { meetingId: meeting?.id ?? '' })).objects;
    await expect(t.chair('mergeObjects', { objectId: objects[0]?.id ?? '', intoObjectId: objects[1]?.id ?? '', confirm: true })).rejects.toThrow(/mergeObjects failed/);
  });

  it('names the PDFs of the history, consequences and rectification sheets by campaign, and campaign + round, not by the meeting printing them', async () => {
    const tree = await t.chair('setupTree', {});
    const meeting = tree.flatMap((c) => c.rounds).find((r) => r.id === rounds[1])?.meetings[0];
    const meetingId = meeting?.id ?? '';
    const stamped = /-\d{8}-\d{6}\.pdf$/u;
    const history = await t.chair('renderPdf', { meetingId, sheet: 'history' });
    expect(history.fileName.replace(stamped, '')).toBe('2026年度最难办事科室群众评-历次评议汇总表');
    const consequences = await t.chair('renderPdf', { meetingId, sheet: 'consequences' });
    expect(consequences.fileName.replace(stamped, '')).toBe('2026年度最难办事科室群众评第二季度-评议结果运用建议表');
    const rectification = await t.chair('renderPdf', { meetingId, sheet: 'rectification' });
    expect(rectification.fileName.replace(stamped, '')).toBe('2026年度最难办事科室群众评第二季度-整改反馈表');
    expect(rectification.savedTo?.endsWith(rectification.fileName)).toBe(true);
  });

  it('exports the history as .xlsx with the rules met, and imports earlier rounds from a sheet', async () => {
    const file = await t.chair('exportHistory', { campaignId, format: 'xlsx' });
    expect(file.fileName).toBe('2026年度最难办事科室群众评-历次评议汇总.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    const header = (sheet?.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(['序号', '轮次', '单位', '评议对象', '类别', '总分', '名次', '类别内名次', '评差位次', '主要问题', '一票否决', '符合的结果运用规则（建议）', '来源']);
    const texts: string[] = [];
    sheet?.eachRow((row) => texts.push((row.values as unknown[]).slice(1).join('|')));
    expect(texts.some((line) => line.includes('第二季度|区政务服务管理局|行政审批科') && line.includes('免去科室负责人职务（连续2次前3名（第一季度、第二季度））'))).toBe(true);

    const followups = await t.chair('exportHistory', { campaignId, format: 'csv', part: 'followups' });
    const followupText = Buffer.from(followups.base64, 'base64').toString('utf8');
    expect(followupText).toContain('第一季度,区政务服务管理局,行政审批科,公开承诺,2026-04-02,承诺窗口办件一次办结,工作人员');
    const rules = await t.chair('exportHistory', { campaignId, format: 'csv', part: 'rules' });
    expect(Buffer.from(rules.base64, 'base64').toString('utf8')).toContain('连续2次评差前3名,免去科室负责人职务,是');

    // An office with earlier rounds on paper: two quarters of last year, typed into the same columns.
    const csv = ['轮次,单位,评议对象,评差位次,主要问题', '2025年第三季度,区政务服务管理局,行政审批科,2,冷、推', '2025年第四季度,区政务服务管理局,行政审批科,1,懒', '2025年第四季度,区政务服务管理局,新设科室,x,'].join('\n');
    const base64 = Buffer.from(csv, 'utf8').toString('base64');
    const preview = await t.chair('previewHistoryImport', { campaignId, fileName: '历史.csv', base64 });
    expect(preview.errorCount).toBe(1);
    const bad = preview.rows.find((r) => r.errors.length > 0)?.errors[0];
    expect(bad).toEqual({ note: 'worst_invalid', value: 'x' });
    expect(bad && historyNoteWords(bad, 'zh')).toContain('评差位次“x”不是正整数');
    expect(preview.rounds.map((r) => [r.name, r.objects, r.exists])).toEqual([
      ['2025年第三季度', 1, false],
      ['2025年第四季度', 1, false],
    ]);
    await expect(t.chair('importHistory', { campaignId, fileName: '历史.csv', base64, skipInvalid: false })).rejects.toThrow(/importHistory failed/);
    const done = await t.chair('importHistory', { campaignId, fileName: '历史.csv', base64, skipInvalid: true });
    expect(done).toEqual({ rounds: 2, rows: 2, skipped: 1 });
    const history = await t.chair('campaignHistory', { campaignId });
    expect(history.rounds.map((r) => [r.name, r.source])).toEqual([
      ['2025年第三季度', 'import'],
      ['2025年第四季度', 'import'],
      ['第一季度', 'official'],
      ['第二季度', 'official'],
      ['第三季度', 'official'],
    ]);
    const line = history.lines.find((l) => l.name === '行政审批科');
    expect(line?.cells.map((c) => c.worst?.rank ?? null)).toEqual([2, 1, 1, 1, 1]);
    expect(line?.cells[1]?.worst?.mainProblems).toEqual(['懒']);
    expect(line?.streaks.worstTop3).toBe(5);
    const first = await t.chair('roundConsequences', { roundId: rounds[0] ?? '' });
    expect(first.lines.find((l) => l.name === '行政审批科')?.rules.find((r) => r.ruleId === 'worst-top3x3')?.reason).toBe('连续3次前3名（2025年第三季度、2025年第四季度、第一季度）');
  });
});
