/**
 * The chair picks which of the laptop's LAN addresses tablets use: the tablet server is rebound
 * to it (same port), the old address stops answering, the join URL and new codes follow.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AppError } from '../../../../shared/domain/result';
import { errorWords } from '../../../../shared/i18n/error-words';
import { httpPost, startTestHost, type TestHost } from '../../../support/running-host';
import { postFromNamespace, secondAddress, type SecondAddress } from '../../../support/second-address';

let t: TestHost;
beforeEach(async () => {
  t = await startTestHost();
});
afterEach(async () => {
  await t.stop();
});

async function chairRaw(method: string, input: unknown): Promise<{ ok: boolean; value?: any; error?: { code: string; message: string; params?: Record<string, string | number> } }> {
  return (await httpPost(`${t.chairBase}/api/chair/${method}`, input, { 'x-pingyi-token': t.host.chair.token })).body;
}

/** Whether a tablet can reach the session endpoint at this base URL (any HTTP answer counts). */
async function answers(base: string): Promise<boolean> {
  try {
    await httpPost(`${base}api/tablet/session`, { code: 'x' });
    return true;
  } catch {
    return false;
  }
}

// The machine's own second address, or one made for this file in a network namespace (root);
// without either the rebinding test fails with the reason: it never skips.
let second: SecondAddress | null = null;
let secondError: Error | null = null;
beforeAll(() => {
  try {
    second = secondAddress();
  } catch (error) {
    secondError = error instanceof Error ? error : new Error(String(error));
  }
});
afterAll(() => second?.cleanup());

describe('tablet address', () => {
  it('lists the laptop\'s addresses and refuses one it does not have', async () => {
    const info = await t.chair('serverInfo', {});
    expect(info.lanAddresses).toContain('127.0.0.1');
    expect(info.tabletUrl).toBe(`http://127.0.0.1:${t.host.tablet.port}/`);
    const bad = await chairRaw('setTabletAddress', { address: '203.0.113.77' });
    expect(bad.error?.code).toBe('unknown_address');
    // As the console words it in Chinese.
    expect(errorWords(bad.error as AppError, 'zh')).toContain('请从列表中选择');
    expect(await answers(info.tabletUrl)).toBe(true);
  });

  it('rebinds the tablet server to the chosen address, keeping the port', async () => {
    if (!second) throw secondError ?? new Error('no second address');
    const other = second.address;
    expect((await t.chair('serverInfo', {})).lanAddresses).toContain(other);
    const before = await t.chair('serverInfo', {});
    const port = t.host.tablet.port;
    const after = await t.chair('setTabletAddress', { address: other });
    expect(after.tabletUrl).toBe(`http://${other}:${port}/`);
    expect((await t.chair('serverInfo', {})).tabletUrl).toBe(after.tabletUrl);
    expect(t.host.tablet.port).toBe(port);
    expect(await answers(after.tabletUrl)).toBe(true);
    expect(await answers(before.tabletUrl)).toBe(false);
    // From the other end of the made-up LAN cable, a tablet reaches the server at its new address.
    if (second.namespace) expect(await postFromNamespace(second.namespace, `${after.tabletUrl}api/tablet/session`, { code: 'x' })).toBeGreaterThanOrEqual(400);
    // New slips carry the new address in their QR.
    const [meeting] = await t.chair('listMeetings', {});
    const codes = await t.chair('generateCodes', { meetingId: meeting?.id ?? '', spares: 0 });
    expect(codes[0]?.url.startsWith(after.tabletUrl)).toBe(true);
    // And back again.
    const back = await t.chair('setTabletAddress', { address: '127.0.0.1' });
    expect(back.tabletUrl).toBe(before.tabletUrl);
    expect(await answers(before.tabletUrl)).toBe(true);
  });
});
