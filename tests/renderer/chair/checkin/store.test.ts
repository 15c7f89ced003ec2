// @vitest-environment happy-dom
/** The check-in store: the selected meeting's list, marking present and absent. */
import { describe, expect, it } from 'vitest';
import { useChairStore } from '../../../../renderer/chair/store';
import { useCheckInStore } from '../../../../renderer/chair/checkin/store';
import { consolePerTest } from '../support';

const host = consolePerTest();

describe('check-in store', () => {
  it('loads the list and marks a representative absent, as the core stores it', async () => {
    const chair = useChairStore();
    const checkin = useCheckInStore();
    await chair.start();
    await checkin.load();
    expect(checkin.entries).toHaveLength(30);
    expect(checkin.meetingId).toBe(chair.current?.id);
    const first = checkin.entries[0];
    if (!first) throw new Error('empty roster');
    await checkin.mark(first, false);
    expect(checkin.entries[0]).toMatchObject({ id: first.id, present: false });
    const stored = await host().chair('checkInList', { meetingId: chair.current?.id ?? '' });
    expect(stored.find((e) => e.id === first.id)).toMatchObject({ present: false });
  });
});
