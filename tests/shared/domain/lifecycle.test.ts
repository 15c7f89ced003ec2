/** The meeting lifecycle: the transition table and every "may I do X now" predicate, status by status. */
import { describe, expect, it } from 'vitest';
import {
  MEETING_STATUSES,
  TRANSITIONS,
  isVoting,
  mayCheckIn,
  mayEditSetup,
  mayGenerateCodes,
  mayMarkOfficial,
  mayPrintResults,
  mayRecordVeto,
  mayRemoveMeeting,
  mayTransition,
  mayVoidCodes,
  meetingStatus,
  resultsAvailable,
  statusesWhere,
  type LifecycleAction,
} from '../../../shared/domain/lifecycle';

describe('meeting lifecycle', () => {
  it('moves draft → open ⇄ paused → closed → official and nowhere else', () => {
    const next = (status: (typeof MEETING_STATUSES)[number]) =>
      (Object.keys(TRANSITIONS) as LifecycleAction[]).filter((a) => mayTransition(status, a)).map((a) => `${a}→${TRANSITIONS[a].to}`);
    expect(Object.fromEntries(MEETING_STATUSES.map((s) => [s, next(s)]))).toEqual({
      draft: ['open→open'],
      open: ['pause→paused', 'close→closed'],
      paused: ['open→open', 'close→closed'],
      closed: ['markOfficial→official'],
      official: [],
    });
  });

  it('answers each "may I" question per status', () => {
    const table = Object.fromEntries(
      [mayEditSetup, isVoting, mayCheckIn, mayGenerateCodes, mayVoidCodes, resultsAvailable, mayRecordVeto, mayMarkOfficial, mayPrintResults].map((p, i) => [
        ['editSetup', 'voting', 'checkIn', 'generateCodes', 'voidCodes', 'results', 'veto', 'markOfficial', 'printResults'][i],
        statusesWhere(p).join(','),
      ]),
    );
    expect(table).toEqual({
      editSetup: 'draft',
      voting: 'open,paused',
      checkIn: 'draft,open,paused',
      generateCodes: 'draft,open,paused',
      voidCodes: 'draft,open,paused',
      results: 'closed,official',
      veto: 'closed',
      markOfficial: 'closed',
      printResults: 'closed,official',
    });
  });

  it('removes a meeting only while no voting is under way and no ballot was cast', () => {
    const removable = (hasBallots: boolean) => MEETING_STATUSES.filter((s) => mayRemoveMeeting(s, hasBallots)).join(',');
    expect(removable(false)).toBe('draft,closed,official');
    expect(removable(true)).toBe('');
  });

  it('refuses an unknown stored status loudly', () => {
    expect(meetingStatus('paused')).toBe('paused');
    expect(() => meetingStatus('archived')).toThrow(/unknown meeting status/);
  });
});
