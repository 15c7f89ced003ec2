// @vitest-environment happy-dom
/** The voting store: codes shown once, the attendance rule before opening, the voting window. */
import { describe, expect, it } from 'vitest';
import { useChairStore } from '../../../../renderer/chair/store';
import { useVotingStore } from '../../../../renderer/chair/voting/store';
import { consolePerTest } from '../support';

const host = consolePerTest();

describe('voting store', () => {
  it('keeps the generated codes for their meeting, opens, pauses and closes', async () => {
    const chair = useChairStore();
    const voting = useVotingStore();
    await chair.start();
    await voting.generateCodes(2);
    expect(voting.codes).toHaveLength(34); // 9 officials + 21 recipients + 2 spares for each of the two groups
    expect(voting.codesMeetingId).toBe(chair.current?.id);
    expect(chair.current?.turnout.reduce((n, g) => n + g.codesIssued, 0)).toBe(34);

    await voting.open();
    expect(voting.attendance).toBeNull();
    expect(chair.current?.status).toBe('open');
    await voting.voting('pauseVoting');
    expect(chair.current?.status).toBe('paused');
    await voting.open();
    expect(chair.current?.status).toBe('open');
    await voting.voting('closeVoting');
    expect(chair.current?.status).toBe('closed');
    expect(chair.meetings[0]?.status).toBe('closed');
  });

  it('stops before opening when attendance breaks the rule, and opens with a written reason', async () => {
    const chair = useChairStore();
    const voting = useVotingStore();
    await chair.start();
    const meetingId = chair.current?.id ?? '';
    // Nobody of the officials present: the 30 % rule fails.
    for (const entry of await host().chair('checkInList', { meetingId })) {
      if (entry.group === 'officials') await host().chair('setCheckedIn', { meetingId, representativeId: entry.id, present: false });
    }
    await voting.generateCodes(0);
    await voting.open();
    expect(voting.attendance?.ok).toBe(false);
    expect(chair.current?.status).toBe('draft');
    await voting.open('代表临时外出，经主持人确认');
    expect(voting.attendance).toBeNull();
    expect(chair.current?.status).toBe('open');
  });
});
