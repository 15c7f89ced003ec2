/** Restarting the host resumes the meeting where it was: status, codes, ballots, retries. */
import { describe, expect, it } from 'vitest';
import { fullBallot, openDemoMeeting, startTestHost, tempDir } from '../../../support/running-host';

describe('restart', () => {
  it('resumes an open meeting exactly and still answers a retry with the same receipt', async () => {
    const dataDir = tempDir();
    const first = await startTestHost({ dataDir });
    const { meetingId, officials } = await openDemoMeeting(first);
    const code = officials[0] ?? '';
    const definition = (await first.tablet('/api/tablet/session', { code })).body.value;
    const ballot = fullBallot(definition, () => 2);
    const receipt = (await first.tablet('/api/tablet/ballot', { code, ballot })).body.value.receipt as string;
    await first.stop();

    const second = await startTestHost({ dataDir });
    try {
      const view = await second.chair('getMeeting', { meetingId });
      expect(view.status).toBe('open');
      expect(view.turnout.map((g) => [g.group, g.ballots, g.codesUsed, g.codesIssued])).toEqual([
        ['officials', 1, 1, 9],
        ['recipients', 0, 0, 21],
      ]);
      expect((await second.chair('listMeetings', {})).length).toBe(1); // no second demo on restart
      const retry = await second.tablet('/api/tablet/ballot', { code, ballot });
      expect(retry.body.value.receipt).toBe(receipt);
    } finally {
      await second.stop();
    }
  });
});
