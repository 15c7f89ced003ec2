/** The rehearsal rules of issue 17 in shared/: never official, the question before opening, and the 演练 marking. */
import { describe, expect, it } from 'vitest';
import { MEETING_STATUSES, mayConfirmResults, mayMarkOfficial, openingNeedsRehearsalConfirmation } from '../../../shared/domain/lifecycle';
import { REHEARSAL_MARK, REHEARSAL_NOTICE, rehearsalFilePrefix, rehearsalTitle } from '../../../shared/rules/result-state';
import { auditActionName, auditDetailText } from '../../../shared/rules/audit-actions';

describe('rehearsal rules', () => {
  it('never lets a rehearsal be confirmed official, whatever its status; a real meeting follows mayMarkOfficial', () => {
    for (const status of MEETING_STATUSES) {
      expect(mayConfirmResults({ status, rehearsal: true })).toBe(false);
      expect(mayConfirmResults({ status, rehearsal: false })).toBe(mayMarkOfficial(status));
    }
  });

  it('asks before opening while any rehearsal is open or paused, and only for opening', () => {
    expect(openingNeedsRehearsalConfirmation('open', ['draft', 'closed', 'official'])).toBe(false);
    expect(openingNeedsRehearsalConfirmation('open', ['closed', 'open'])).toBe(true);
    expect(openingNeedsRehearsalConfirmation('open', ['paused'])).toBe(true);
    expect(openingNeedsRehearsalConfirmation('close', ['open'])).toBe(false);
    expect(openingNeedsRehearsalConfirmation('open', [])).toBe(false);
  });

  it('marks file names and titles with 演练 for a rehearsal only', () => {
    expect(REHEARSAL_MARK).toBe('演练');
    expect(REHEARSAL_NOTICE).toContain('演练');
    expect(rehearsalFilePrefix(true)).toBe('演练-');
    expect(rehearsalFilePrefix(false)).toBe('');
    expect(rehearsalTitle('评议结果排序表', true)).toBe('演练 · 评议结果排序表');
    expect(rehearsalTitle('评议结果排序表', false)).toBe('评议结果排序表');
  });

  it('words audit actions, falling back to the code', () => {
    expect(auditActionName('wipe_rehearsal', 'zh')).toBe('清除演练');
    expect(auditActionName('wipe_rehearsal', 'en')).toBe('Rehearsal wiped');
    expect(auditActionName('something_new', 'zh')).toBe('something_new');
    expect(auditDetailText({ ballots: 3, format: 'csv' })).toBe('ballots: 3；format: csv');
  });
});
