/**
 * The voting tab's "no tablet yet" hint rests on one flag: has any request reached the tablet
 * server? Real host, real HTTP: false at start, true after one tablet request, never set by the
 * chair's own server.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { httpPost, startTestHost, type TestHost } from '../../../support/running-host';

let t: TestHost;
beforeEach(async () => {
  t = await startTestHost();
});
afterEach(async () => {
  await t.stop();
});

describe('tablet contact flag', () => {
  it('is false until a tablet reaches the tablet server, then true; chair calls do not count', async () => {
    expect((await t.chair('serverInfo', {})).tabletsSeen).toBe(false);
    await t.chair('listMeetings', {});
    expect((await t.chair('serverInfo', {})).tabletsSeen).toBe(false);
    await httpPost(`${t.tabletBase}/api/tablet/session`, { code: 'not-a-code' });
    expect((await t.chair('serverInfo', {})).tabletsSeen).toBe(true);
  });
});
