/**
 * The one schema of a meeting's settings. Every setting has its default here, so settings stored
 * (settings_json) or frozen (frozen_json) before a setting existed still parse: the missing one
 * takes its default. The chair API's input uses the strict variant (an unknown key is a mistake);
 * stored JSON uses the lenient one. Range rules with their messages stay in core's settings
 * service; this schema checks shapes and fills defaults.
 */
import { z } from 'zod';
import { DEFAULT_ROUND_SETTINGS, DEFAULT_SETTINGS } from './defaults';
import type { MeetingSettings, RoundSettings } from './model';
import { WEIGHTED_GROUPS, type WeightedGroup } from './voter-groups';

const grade = z.object({ label: z.string().max(1000), points: z.number() });

const groupWeights = z.object(Object.fromEntries(WEIGHTED_GROUPS.map((g) => [g, z.number()])) as Record<WeightedGroup, z.ZodNumber>);

const shape = {
  groupWeights: groupWeights.default(DEFAULT_SETTINGS.groupWeights),
  worstK: z.number().default(DEFAULT_SETTINGS.worstK),
  smallGroupK: z.number().default(DEFAULT_SETTINGS.smallGroupK),
  gradeScale: z.array(grade).max(20).readonly().default(DEFAULT_SETTINGS.gradeScale),
  requireAllAnswered: z.boolean().default(DEFAULT_SETTINGS.requireAllAnswered),
  roundingMode: z.enum(['printed', 'exact']).default(DEFAULT_SETTINGS.roundingMode),
};

/** Settings as stored: unknown keys dropped, missing keys defaulted. */
export const storedSettingsSchema = z.object(shape);

/** Settings as the chair sends them: no unknown key, missing keys defaulted. */
export const settingsInputSchema = z.strictObject({
  ...shape,
  groupWeights: groupWeights.strict().default(DEFAULT_SETTINGS.groupWeights),
  gradeScale: z.array(grade.strict()).max(20).readonly().default(DEFAULT_SETTINGS.gradeScale),
});

const points = z.object({ self: z.number(), social: z.number() });

/**
 * A round's settings as stored (rounds.settings_json): unknown keys dropped, missing keys
 * defaulted. Stored settings of meetings from before component points moved to the round still
 * carry componentPoints; storedSettingsSchema drops it (migration i15 copied it to the round).
 */
export const storedRoundSettingsSchema: z.ZodType<RoundSettings> = z.object({
  componentPoints: points.default(DEFAULT_ROUND_SETTINGS.componentPoints),
});

/** A round's settings as the chair sends them. */
export const roundSettingsInputSchema = z.strictObject({
  componentPoints: points.strict().default(DEFAULT_ROUND_SETTINGS.componentPoints),
});

/** Parses stored settings (a parsed JSON value); a shape that does not fit is a corrupted row and throws. */
export function parseStoredSettings(value: unknown): MeetingSettings {
  const parsed = storedSettingsSchema.safeParse(value);
  if (!parsed.success) throw new Error(`stored meeting settings do not parse: ${parsed.error.message}`);
  return parsed.data;
}
