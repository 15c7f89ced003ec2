/**
 * Voiding unused codes through the real chair API, and what a voided code gets on a tablet:
 * all of a meeting, one group, one typed code; used codes are never voided; counts stay right.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fullBallot, httpPost, openDemoMeeting, startTestHost, type TestHost } from '../../../support/running-host';
import { CODE_ENTROPY_BITS, parseCode } from '../../../../shared/codes/code-format';
import type { ChairEvent } from '../../../../shared/api/chair-contract';
import type { AppError } from '../../../../shared/domain/result';
import { errorWords } from '../../../../shared/i18n/error-words';

let t: TestHost;
beforeEach(async () => {
  t = await startTestHost();
});
afterEach(async () => {
  await t.stop();
});

/** A chair call whose error answer is the point of the test. */
async function chairRaw(method: string, input: unknown): Promise<{ ok: boolean; value?: any; error?: { code: string; message: string; params?: Record<string, string | number> } }> {
  return (await httpPost(`${t.chairBase}/api/chair/${method}`, input, { 'x-pingyi-token': t.host.chair.token })).body;
}

function codeStates(): Record<string, number> {
  const rows = t.host.core.store.db.prepare('SELECT state, COUNT(*) AS n FROM codes GROUP BY state').all() as { state: string; n: number }[];
  return Object.fromEntries(rows.map((r) => [r.state, r.n]));
}

/** Shannon entropy, in bits, of the characters seen at one position. */
function entropyBits(chars: readonly string[]): number {
  const counts = new Map<string, number>();
  for (const c of chars) counts.set(c, (counts.get(c) ?? 0) + 1);
  let bits = 0;
  for (const n of counts.values()) bits -= (n / chars.length) * Math.log2(n / chars.length);
  return bits;
}

describe('codes', () => {
  it('are drawn with 60 bits: measured over 2,060 issued codes, every data position carries ~5 bits and no code repeats', async () => {
    const [meeting] = await t.chair('listMeetings', {});
    const codes: string[] = [];
    // Two meetings' worth of spares through the real chair API: 2 × (30 + 2 × 500) codes.
    const second = await t.chair('createDemo', {});
    for (const id of [meeting?.id ?? '', second.id]) codes.push(...(await t.chair('generateCodes', { meetingId: id, spares: 500 })).map((c) => c.code.replace(/-/g, '')));
    expect(codes.length).toBe(2 * (30 + 1000));
    expect(new Set(codes).size).toBe(codes.length);
    const perPosition = Array.from({ length: 12 }, (_, p) => entropyBits(codes.map((c) => c.charAt(p))));
    // A uniform draw over 32 characters gives 5 bits; 2,060 samples estimate it within ~0.02.
    // Fewer random bits (say 32 instead of 60) would leave the later positions nearly constant.
    for (const bits of perPosition) expect(bits).toBeGreaterThan(4.9);
    expect(perPosition.reduce((a, b) => a + b, 0)).toBeGreaterThan(59);
  });

  it('issues roster + spares per group with at least 60 bits and a check character, storing only hashes', async () => {
    const [meeting] = await t.chair('listMeetings', {});
    const codes = await t.chair('generateCodes', { meetingId: meeting?.id ?? '', spares: 2 });
    expect(codes.filter((c) => c.group === 'officials')).toHaveLength(9 + 2);
    expect(codes.filter((c) => c.group === 'recipients')).toHaveLength(21 + 2);
    expect(CODE_ENTROPY_BITS).toBeGreaterThanOrEqual(60);
    for (const c of codes) {
      expect(parseCode(c.code).ok).toBe(true);
      expect(c.url).toBe(`${t.host.core.tabletUrl}#${c.code.replace(/-/g, '')}`);
    }
    const stored = JSON.stringify(t.host.core.store.db.prepare('SELECT * FROM codes').all());
    for (const c of codes) expect(stored).not.toContain(c.code.replace(/-/g, ''));
  });

  it('voids one typed code, which a tablet then cannot use, and counts it as voided', async () => {
    const { meetingId, officials } = await openDemoMeeting(t, 1);
    const target = officials[0] ?? '';
    const events: ChairEvent[] = [];
    t.host.core.events.subscribe((e) => events.push(e));
    // Typed the way a person reads a slip: lower case, spaces instead of dashes.
    const result = await t.chair('voidCodes', { meetingId, target: { kind: 'code', code: target.toLowerCase().replace(/-/g, ' ') } });
    expect(result.voided).toBe(1);
    expect(result.turnout.find((g) => g.group === 'officials')).toMatchObject({ codesIssued: 10, codesVoided: 1, codesUsed: 0 });
    expect(events.some((e) => e.type === 'turnout')).toBe(true);

    const session = await t.tablet('/api/tablet/session', { code: target });
    expect([session.status, session.body.error.code]).toEqual([410, 'voided_code']);
    expect(session.body.error.message).toMatch(/作废.*工作人员/);
    const definition = (await t.tablet('/api/tablet/session', { code: officials[1] })).body.value;
    const ballot = await t.tablet('/api/tablet/ballot', { code: target, ballot: fullBallot(definition, () => 0) });
    expect([ballot.status, ballot.body.error.code]).toEqual([410, 'voided_code']);
    expect(t.host.core.store.db.prepare('SELECT COUNT(*) AS n FROM ballots').get()).toEqual({ n: 0 });

    const again = await chairRaw('voidCodes', { meetingId, target: { kind: 'code', code: target } });
    expect(again.error?.code).toBe('already_voided');
  });

  it('never voids a used code, and voids all unused codes of a group or of the meeting', async () => {
    const { meetingId, officials, recipients } = await openDemoMeeting(t, 1);
    const code = recipients[0] ?? '';
    const definition = (await t.tablet('/api/tablet/session', { code })).body.value;
    const ballot = fullBallot(definition, () => 1);
    const receipt = (await t.tablet('/api/tablet/ballot', { code, ballot })).body.value.receipt as string;

    const used = await chairRaw('voidCodes', { meetingId, target: { kind: 'code', code } });
    expect(used.error?.code).toBe('code_used');
    // Core says what was refused; the console words it (in Chinese here, its default language).
    expect(used.error?.params).toEqual({ action: 'void_codes' });
    expect(errorWords(used.error as AppError, 'zh')).toMatch(/不能作废/);

    const group = await t.chair('voidCodes', { meetingId, target: { kind: 'group', group: 'officials' } });
    expect(group.voided).toBe(10);
    expect(codeStates()).toEqual({ voided: 10, issued: 21, used: 1 });
    const all = await t.chair('voidCodes', { meetingId, target: { kind: 'all' } });
    expect(all.voided).toBe(21);
    expect(codeStates()).toEqual({ voided: 31, used: 1 });
    expect(all.turnout.map((g) => [g.group, g.codesIssued, g.codesUsed, g.codesVoided, g.ballots])).toEqual([
      ['officials', 10, 0, 10, 0],
      ['recipients', 22, 1, 21, 1],
    ]);
    // The ballot of the used code is untouched and its retry still gets the same receipt.
    expect((await t.tablet('/api/tablet/ballot', { code, ballot })).body.value.receipt).toBe(receipt);
    expect((await t.tablet('/api/tablet/session', { code: officials[0] })).body.error.code).toBe('voided_code');
    const audit = t.host.core.store.db.prepare("SELECT detail FROM audit WHERE action = 'void_codes'").all() as { detail: string }[];
    expect(JSON.stringify(audit)).not.toContain(code.replace(/-/g, ''));
    expect(audit.map((row) => JSON.parse(row.detail))).toEqual([
      { scope: 'officials', count: 10 },
      { scope: 'all', count: 21 },
    ]);
  });

  it('refuses to void a code of another meeting, a mistyped code, or after close', async () => {
    const { meetingId } = await openDemoMeeting(t);
    const other = await t.chair('createDemo', {});
    const otherCodes = await t.chair('generateCodes', { meetingId: other.id, spares: 0 });
    const foreign = await chairRaw('voidCodes', { meetingId, target: { kind: 'code', code: otherCodes[0]?.code } });
    expect(foreign.error?.code).toBe('code_not_found');
    const typo = await chairRaw('voidCodes', { meetingId, target: { kind: 'code', code: 'ABCD-EFGH-JKMN' } });
    expect(typo.error?.code).toBe('malformed_code');
    await t.chair('closeVoting', { meetingId });
    const closed = await chairRaw('voidCodes', { meetingId, target: { kind: 'all' } });
    expect(closed.error?.code).toBe('meeting_closed');
    expect(codeStates()['voided']).toBeUndefined();
  });
});
