/** The settings schema: defaults fill what stored or frozen JSON lacks; the voter-group catalogue derives the lists. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../shared/domain/defaults';
import { parseStoredSettings, settingsInputSchema } from '../../../shared/domain/settings';
import { DEFAULT_GROUP_WEIGHTS, VOTER_GROUP_IDS, groupOfCategoryIn, groupWeightsFor, groupsOfKind } from '../../../shared/domain/voter-groups';

describe('meeting settings schema', () => {
  it('gives a setting stored before it existed its default', () => {
    const old = { groupWeights: { officials: 40, recipients: 60 }, componentPoints: { self: 50, social: 50 }, worstK: 3, smallGroupK: 5, gradeScale: DEFAULT_SETTINGS.gradeScale };
    // componentPoints moved to the round (RoundSettings): a meeting's stale copy is dropped.
    const { componentPoints: _moved, ...kept } = old;
    expect(parseStoredSettings(old)).toEqual({ ...kept, requireAllAnswered: false, roundingMode: 'printed' });
    expect(parseStoredSettings({})).toEqual(DEFAULT_SETTINGS);
  });

  it('drops an unknown stored key but refuses one on input, and refuses a wrong shape', () => {
    expect(parseStoredSettings({ retired: 1 })).toEqual(DEFAULT_SETTINGS);
    expect(settingsInputSchema.safeParse({ retired: 1 }).success).toBe(false);
    expect(settingsInputSchema.safeParse({ roundingMode: 'approximate' }).success).toBe(false);
    expect(() => parseStoredSettings({ worstK: 'ten' })).toThrow(/do not parse/);
  });
});

describe('voter-group catalogue', () => {
  it('derives the groups, the categories and the default weights', () => {
    expect(VOTER_GROUP_IDS).toEqual(['officials', 'recipients', 'all']);
    expect(groupsOfKind('social')).toEqual(['officials', 'recipients']);
    expect(groupsOfKind('self')).toEqual(['all']);
    expect(DEFAULT_GROUP_WEIGHTS).toEqual({ officials: 30, recipients: 70 });
    expect(['npc', 'cppcc', 'leader', 'recipient', 'staff'].map((c) => groupOfCategoryIn('social', c as 'npc'))).toEqual(['officials', 'officials', 'officials', 'recipients', 'recipients']);
    expect(groupOfCategoryIn('self', 'npc')).toBe('all');
    expect(groupWeightsFor('social', { officials: 25, recipients: 75 })).toEqual({ officials: 25, recipients: 75 });
    expect(groupWeightsFor('self', { officials: 25, recipients: 75 })).toEqual({ all: 100 });
  });
});
