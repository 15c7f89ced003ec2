/** The slip hand-off (memory only, one take, expiry) and the ballot-set fingerprint. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { startTestHost, type TestHost } from '../../../support/running-host';
import { HANDOFF_TTL_MS, pendingHandoffs, stashSlips, takeSlips } from '../../../../electron/core/printing/handoff';
import { ballotSetDigest, shortFingerprint } from '../../../../electron/core/printing/fingerprint';
import { countPdfPages } from '../../../../electron/core/printing/pdf-templates';
import { marginBoxCss } from '../../../../shared/print/margin-boxes';
import { systemCandidates } from '../../../../electron/core/printing/find-browser';
import { printWindowOptions, WINDOW_WEB_PREFERENCES } from '../../../../electron/main/security';
import type { TallyBallot } from '../../../../shared/domain/model';

let t: TestHost;
beforeAll(async () => {
  t = await startTestHost();
});
afterAll(async () => {
  await t?.stop();
});

const codes = [{ group: 'officials' as const, code: 'ABCD-EFGH-JKMNP', url: 'http://127.0.0.1:8787/#ABCDEFGHJKMNP' }];

describe('slip hand-off', () => {
  it('gives the codes once, then forgets them', () => {
    const id = stashSlips(t.host.core, 'm1', codes);
    expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(takeSlips(t.host.core, id)).toEqual({ meetingId: 'm1', codes });
    expect(takeSlips(t.host.core, id)).toBeNull();
  });

  it('expires untaken hand-offs after the time limit', () => {
    const now = 1_000_000;
    const id = stashSlips(t.host.core, 'm1', codes, now);
    expect(takeSlips(t.host.core, id, now + HANDOFF_TTL_MS + 1)).toBeNull();
  });

  it('keeps at most 16 waiting, dropping the oldest', () => {
    const first = stashSlips(t.host.core, 'm1', codes);
    for (let i = 0; i < 20; i += 1) stashSlips(t.host.core, 'm1', codes);
    expect(pendingHandoffs(t.host.core)).toBeLessThanOrEqual(16);
    expect(takeSlips(t.host.core, first)).toBeNull();
  });

  it('through the chair API: stash, take once, a second take says what to do', async () => {
    const [meeting] = await t.chair('listMeetings', {});
    const { handoff } = await t.chair('stashSlips', { meetingId: meeting?.id ?? '', codes });
    const sheet = await t.chair('takeSlips', { handoff });
    expect(sheet.codes).toEqual(codes);
    expect(sheet.header.title).toBe(meeting?.title);
    await expect(t.chair('takeSlips', { handoff })).rejects.toThrow(/再点一次“打印评议码条”/);
  });

  it('refuses malformed codes and unknown meetings', async () => {
    await expect(t.chair('stashSlips', { meetingId: 'nope', codes })).rejects.toThrow(/找不到这场评议会议/);
    await expect(t.chair('stashSlips', { meetingId: 'x', codes: [{ ...codes[0], code: 'not a code' }] } as never)).rejects.toThrow(/输入有误/);
  });
});

const ballot = (group: 'officials' | 'recipients', grade: number | null): TallyBallot => ({ group, content: { type: 'graded', answers: { o1: { i1: grade } } } });

describe('ballot-set fingerprint', () => {
  it('does not depend on the order ballots are listed in', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom('officials' as const, 'recipients' as const), fc.option(fc.integer({ min: 0, max: 3 }), { nil: null })), { maxLength: 20 }), fc.integer(), (spec, seed) => {
        const ballots = spec.map(([g, v]) => ballot(g, v));
        const shuffled = [...ballots].sort((a, b) => ((JSON.stringify(a).length * 31 + seed) % 7) - ((JSON.stringify(b).length * 17 + seed) % 5));
        expect(ballotSetDigest([{ meetingId: 'm', ballots: shuffled }])).toBe(ballotSetDigest([{ meetingId: 'm', ballots }]));
      }),
      { numRuns: 100 },
    );
  });

  it('changes when one answer changes, and prints as five groups of four hex digits', () => {
    const a = ballotSetDigest([{ meetingId: 'm', ballots: [ballot('officials', 0), ballot('recipients', 1)] }]);
    const b = ballotSetDigest([{ meetingId: 'm', ballots: [ballot('officials', 0), ballot('recipients', 2)] }]);
    expect(a).not.toBe(b);
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(shortFingerprint(a)).toBe(`${a.slice(0, 4)} ${a.slice(4, 8)} ${a.slice(8, 12)} ${a.slice(12, 16)} ${a.slice(16, 20)}`.toUpperCase());
  });
});

describe('PDF pieces', () => {
  it('escapes the running header and numbers pages the Chromium way', () => {
    // Margin boxes now (shared/print/margin-boxes.ts): a CSS string, so quotes and backslashes are escaped.
    const css = marginBoxCss('<会议> & "标题" \\ 末');
    expect(css).toContain('@top-center { content: "<会议> & \\"标题\\" \\\\ 末";');
    expect(css).not.toContain('"标题" ');
    expect(css).toContain('@bottom-center { content: "第 " counter(page) " 页 共 " counter(pages) " 页";');
  });

  it('counts pages of a PDF', () => {
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Pages /Count 2 >>\n2 0 obj << /Type /Page >>\n3 0 obj << /Type/Page >>\n');
    expect(countPdfPages(pdf)).toBe(2);
  });

  it('looks for Chrome and Edge where Windows installs them', () => {
    const found = systemCandidates('win32', { PROGRAMFILES: 'C:\\Program Files' });
    expect(found.some((p) => p.includes('Chrome') && p.endsWith('chrome.exe'))).toBe(true);
    expect(found.some((p) => p.endsWith('msedge.exe'))).toBe(true);
    expect(systemCandidates('linux')).toContain('/usr/bin/chromium');
  });

  it('opens print windows with the console window’s strict settings', () => {
    const options = printWindowOptions('/app/preload.cjs', false);
    expect(options.webPreferences).toEqual({ ...WINDOW_WEB_PREFERENCES, preload: '/app/preload.cjs' });
    expect(options.webPreferences.sandbox).toBe(true);
    expect(options.webPreferences.contextIsolation).toBe(true);
    expect(options.webPreferences.nodeIntegration).toBe(false);
    expect(options.show).toBe(false);
  });
});
