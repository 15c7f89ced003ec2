// @vitest-environment happy-dom
/** The results store: nothing before close; then results, vetoes and marking official. */
import { describe, expect, it } from 'vitest';
import { useChairStore } from '../../../../renderer/chair/store';
import { useResultsStore } from '../../../../renderer/chair/results/store';
import { openDemoMeeting } from '../../../support/running-host';
import { graded, vote } from '../../../electron/core/services/results/helpers';
import { consolePerTest } from '../support';

const host = consolePerTest();

async function voteAndClose(): Promise<string> {
  const { meetingId, officials, recipients } = await openDemoMeeting(host());
  for (const code of [...officials.slice(0, 5), ...recipients.slice(0, 5)]) await vote(host(), code, graded((o) => (o === 0 ? 0 : 2)));
  expect((await host().chair('getMeeting', { meetingId })).turnout.reduce((n, g) => n + g.ballots, 0)).toBe(10);
  await host().chair('closeVoting', { meetingId });
  return meetingId;
}

describe('results store', () => {
  it('loads nothing while voting is open', async () => {
    const chair = useChairStore();
    const results = useResultsStore();
    await openDemoMeeting(host());
    await chair.start();
    await results.load();
    expect(results.results).toBeNull();
  });

  it('loads the ranking after close, records and clears a veto, and marks the results official', async () => {
    await voteAndClose();
    const chair = useChairStore();
    const results = useResultsStore();
    await chair.start();
    await results.load();
    expect(results.results?.ballots).toBe(10);
    const best = results.results?.rows[0];
    expect(best?.rank).toBe(1);

    await results.setVeto(best?.objectId ?? '', '经查实吃拿卡要');
    expect(results.results?.rows.at(-1)).toMatchObject({ objectId: best?.objectId, vetoed: true });
    await results.clearVeto(best?.objectId ?? '');
    expect(results.results?.rows[0]).toMatchObject({ objectId: best?.objectId, vetoed: false });

    await results.markOfficial();
    expect(chair.current?.status).toBe('official');
  });
});
