/**
 * The audit trail as the chair reads it (issue 17 part 3), through the chair API on a real SQLite
 * file: filtered by meeting and by action, exported as .csv and .xlsx, printed as the 审计记录附表
 * with the chain's head — and in none of them a code, a ballot id, a receipt, a representative's
 * name or an address, and no line per ballot.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fullBallot, openDemoMeeting, startTestHost, type TestHost } from '../../../support/running-host';
import { readTable } from '../../../../electron/core/import';
import { auditHead, verifyAudit } from '../../../../electron/core/store/audit';

let t: TestHost;
beforeEach(async () => {
  t = await startTestHost();
});
afterEach(async () => {
  await t.stop();
});

describe('the audit trail in the console', () => {
  it('filters by meeting and action, exports and prints it with the head, and holds no secret and no line per ballot', async () => {
    const { meetingId, officials, recipients } = await openDemoMeeting(t);
    const names = (await t.chair('checkInList', { meetingId })).map((p) => p.name);
    const other = await t.chair('createMeeting', { roundId: (await t.chair('setupTree', {}))[0]?.rounds[0]?.id ?? '', title: '单位自评', kind: 'self', ballotType: 'graded' });
    const linesBefore = (await t.chair('auditTrail', {})).lines.length;
    const receipts: string[] = [];
    const codes = [...officials.slice(0, 5), ...recipients.slice(0, 7)];
    for (const [i, code] of codes.entries()) {
      const definition = (await t.tablet('/api/tablet/session', { code })).body.value;
      receipts.push((await t.tablet('/api/tablet/ballot', { code, ballot: fullBallot(definition, (o, j) => (o + j + i) % 4) })).body.value.receipt);
    }
    // Twelve ballots, not one line more.
    expect((await t.chair('auditTrail', {})).lines.length).toBe(linesBefore);
    await t.chair('closeVoting', { meetingId });
    const ballotIds = (t.host.core.store.db.prepare('SELECT id FROM ballots').all() as { id: string }[]).map((b) => b.id);

    const all = await t.chair('auditTrail', {});
    expect(all.chain).toMatchObject({ ok: true, head: auditHead(t.host.core.store), problems: [] });
    expect(all.meetings.map((m) => m.id)).toEqual(expect.arrayContaining([meetingId, other.id]));
    const mine = await t.chair('auditTrail', { meetingId });
    expect(mine.lines.every((l) => l.meetingId === meetingId)).toBe(true);
    expect(mine.lines.map((l) => l.action)).toEqual(expect.arrayContaining(['create_demo', 'generate_codes', 'open_voting', 'close_voting']));
    const closes = await t.chair('auditTrail', { meetingId, action: 'close_voting' });
    expect(closes.lines.map((l) => l.detail)).toEqual([{ ballots: 12 }]);
    expect((await t.chair('auditTrail', { meetingId: other.id, action: 'close_voting' })).lines).toEqual([]);
    expect(all.actions).toEqual([...all.actions].sort());

    const secrets = [...codes, ...codes.map((c) => c.replace(/-/g, '')), ...receipts, ...receipts.map((r) => r.replace('-', '')), ...ballotIds, ...names, '127.0.0.1'];
    const headBefore = auditHead(t.host.core.store);
    const csv = await t.chair('exportAudit', { meetingId, format: 'csv' });
    expect(csv.fileName).toMatch(/审计记录\.csv$/);
    const csvText = Buffer.from(csv.base64, 'base64').toString('utf8');
    expect(csvText).toContain('结束投票');
    expect(csvText).toContain(`链尾哈希：${headBefore}`);
    const xlsx = await t.chair('exportAudit', { format: 'xlsx' });
    const table = await readTable(Buffer.from(xlsx.base64, 'base64'), xlsx.fileName, { maxBytes: 10_000_000 });
    if (!table.ok) throw new Error(table.error.message);
    const xlsxText = JSON.stringify(table.value);
    expect(xlsxText).toContain('open_voting');
    const sheet = await t.chair('printData', { meetingId, sheet: 'audit' });
    if (sheet.sheet !== 'audit') throw new Error('not the audit sheet');
    expect(sheet.chain.ok).toBe(true);
    expect(sheet.lines.map((l) => l.action)).toEqual(expect.arrayContaining(['开始投票', '结束投票']));
    const dumped = [csvText, xlsxText, JSON.stringify(sheet), JSON.stringify(all), JSON.stringify(t.host.core.store.db.prepare('SELECT * FROM audit').all())].join('\n');
    for (const secret of secrets) expect(dumped).not.toContain(secret);
    // The export itself is an action, recorded with counts; the chain still holds.
    expect((await t.chair('auditTrail', { action: 'export_audit' })).lines.map((l) => l.detail)).toEqual([
      { format: 'csv', lines: mine.lines.length },
      { format: 'xlsx', lines: all.lines.length + 1 },
    ]);
    expect(verifyAudit(t.host.core.store.db).ok).toBe(true);
  }, 60_000);
});
