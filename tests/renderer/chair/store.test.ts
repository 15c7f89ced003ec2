// @vitest-environment happy-dom
/** The console shell's store: meetings, the selected meeting, and pushed events, against a real core. */
import { describe, expect, it } from 'vitest';
import { useChairStore } from '../../../renderer/chair/store';
import { lastError } from '../../../renderer/chair/api';
import { until } from '../../support/processes';
import { consolePerTest } from './support';

const host = consolePerTest();

describe('chair store', () => {
  it('starts on the first meeting and follows its status as the core pushes it', async () => {
    const chair = useChairStore();
    await chair.start();
    expect(chair.server).not.toBeNull();
    expect(chair.meetings).toHaveLength(1);
    expect(chair.current).toMatchObject({ id: chair.meetings[0]?.id, status: 'draft' });
    const revision = chair.revision;

    const meetingId = chair.current?.id ?? '';
    await host().chair('generateCodes', { meetingId, spares: 0 });
    await host().chair('openVoting', { meetingId });
    expect(await until(() => chair.current?.status === 'open', 5000), 'the pushed status arrives').toBe(true);
    expect(chair.revision).toBeGreaterThan(revision);
  });

  it('shows the core\'s message in the banner when a call fails, and clears it on the next success', async () => {
    const chair = useChairStore();
    await chair.select('NO-SUCH-MEETING');
    expect(chair.current).toBeNull();
    expect(lastError.value).toContain('找不到这场评议会议');
    await chair.loadMeetings();
    expect(lastError.value).toBe('');
  });

  it('is fresh in every test: nothing selected before start', () => {
    expect(useChairStore().current).toBeNull();
    expect(useChairStore().meetings).toEqual([]);
  });
});
