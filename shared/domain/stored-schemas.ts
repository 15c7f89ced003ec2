/**
 * Schemas of the JSON the store keeps in columns (indicator lists, the round's category mapping,
 * the definition frozen when voting opens). The store parses every JSON column with one of these
 * at its boundary, so a corrupted row fails loudly where it is read instead of as a wrong number
 * three layers later. Lenient objects (unknown keys dropped) so an older or newer row still reads.
 */
import { z } from 'zod';
import { storedSettingsSchema } from './settings';
import type { MeetingDefinition } from './ballot-rules';
import type { Indicator, IndicatorSet } from './model';

export const storedIndicatorSchema = z.object({ id: z.string(), name: z.string(), description: z.string(), weight: z.number() });

/** indicator_sets.indicators_json */
export const storedIndicatorsSchema: z.ZodType<readonly Indicator[]> = z.array(storedIndicatorSchema).readonly();

/** rounds.category_sets_json: object category → indicator set id. */
export const storedCategorySetsSchema: z.ZodType<Readonly<Record<string, string>>> = z.record(z.string(), z.string());

const storedIndicatorSetSchema: z.ZodType<IndicatorSet> = z.object({ id: z.string(), name: z.string(), indicators: storedIndicatorsSchema });

/** meetings.frozen_json: the definition as it was when voting opened; settings take today's defaults. */
export const storedDefinitionSchema: z.ZodType<MeetingDefinition> = z.object({
  ballotType: z.enum(['graded', 'worst']),
  objects: z
    .array(z.object({ id: z.string(), name: z.string(), department: z.string(), category: z.string(), indicatorSetId: z.string() }))
    .readonly(),
  indicatorSets: z.array(storedIndicatorSetSchema).readonly(),
  tagSet: storedIndicatorSetSchema.nullable(),
  settings: storedSettingsSchema,
});

/** audit.detail: counts and names, never a code or a ballot id. */
export const storedAuditDetailSchema = z.record(z.string(), z.union([z.string(), z.number()]));
