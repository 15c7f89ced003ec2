/**
 * Double entry of paper ballots (issue 17): the rules that decide whether two clerks keyed the
 * same paper ballot alike, which fields differ, and what a resolved pair says. A ballot is
 * compared as a flat list of fields so that a difference can be shown and settled one field at
 * a time:
 *   graded      `grade:<object>:<indicator>` → grade index, null (弃权) or -1 (not on the scale:
 *               two grades ticked, or illegible);
 *   worst-list  `pick:<object>` → named or not, `tag:<object>:<tag>` → ticked or not.
 * Every field of the meeting is always present, so two entries have the same fields and differ
 * only in values. Pure and plain (no zod): the console uses the same functions to show a pair.
 */
import type { BallotContent, GradedBallot, WorstBallot } from './model';
import type { MeetingDefinition } from './ballot-rules';
import { canonicalBallot } from './canonical-ballot';
import { canonicalJson } from './canonical-json';

/** The grade index a clerk keys for a mark that is not one grade of the scale (无法辨认 / 多选). */
export const OFF_SCALE_GRADE = -1;

export type PaperFieldValue = number | boolean | null;

/** One field of a paper ballot as the clerks key it. */
export interface PaperField {
  readonly key: string;
  readonly objectId: string;
  /** The indicator (graded) or problem tag (worst-list); null for a worst-list pick itself. */
  readonly partId: string | null;
  readonly value: PaperFieldValue;
}

/** A field the two entries keyed differently. */
export interface PaperDifference {
  readonly key: string;
  readonly objectId: string;
  readonly partId: string | null;
  readonly first: PaperFieldValue;
  readonly second: PaperFieldValue;
}

function gradedFields(definition: MeetingDefinition, ballot: GradedBallot): PaperField[] {
  const sets = new Map(definition.indicatorSets.map((set) => [set.id, set]));
  const fields: PaperField[] = [];
  for (const object of definition.objects) {
    for (const indicator of sets.get(object.indicatorSetId)?.indicators ?? []) {
      const value = ballot.answers[object.id]?.[indicator.id] ?? null;
      fields.push({ key: `grade:${object.id}:${indicator.id}`, objectId: object.id, partId: indicator.id, value });
    }
  }
  return fields;
}

function worstFields(definition: MeetingDefinition, ballot: WorstBallot): PaperField[] {
  const picks = new Map(ballot.picks.map((pick) => [pick.objectId, new Set(pick.tags)]));
  const fields: PaperField[] = [];
  for (const object of definition.objects) {
    const tags = picks.get(object.id);
    fields.push({ key: `pick:${object.id}`, objectId: object.id, partId: null, value: tags !== undefined });
    for (const tag of definition.tagSet?.indicators ?? []) {
      fields.push({ key: `tag:${object.id}:${tag.id}`, objectId: object.id, partId: tag.id, value: tags?.has(tag.id) ?? false });
    }
  }
  return fields;
}

/** The ballot as the flat list of the meeting's fields, in the order the paper prints them. */
export function paperFields(definition: MeetingDefinition, ballot: BallotContent): PaperField[] {
  return ballot.type === 'graded' ? gradedFields(definition, ballot) : worstFields(definition, ballot);
}

/** Rebuilds a ballot from its fields (tags of an object that is not named are dropped: they mark nothing). */
export function ballotFromFields(definition: MeetingDefinition, fields: readonly PaperField[]): BallotContent {
  if (definition.ballotType === 'graded') {
    const answers: Record<string, Record<string, number | null>> = {};
    for (const field of fields) {
      if (field.partId === null) continue;
      const row = (answers[field.objectId] ??= {});
      row[field.partId] = typeof field.value === 'number' ? field.value : null;
    }
    return canonicalBallot(definition, { type: 'graded', answers });
  }
  const named = new Set(fields.filter((f) => f.partId === null && f.value === true).map((f) => f.objectId));
  const picks = [...named].map((objectId) => ({
    objectId,
    tags: fields.filter((f) => f.objectId === objectId && f.partId !== null && f.value === true).map((f) => f.partId as string),
  }));
  return canonicalBallot(definition, { type: 'worst', picks });
}

/**
 * What a clerk's entry says, in the meeting's terms: every object and indicator present (a
 * graded paper with nothing marked for an item is 弃权), choices in canonical order. Ids the
 * meeting does not have are dropped: the console's form cannot produce them.
 */
export function normalisePaperBallot(definition: MeetingDefinition, ballot: BallotContent): BallotContent {
  return ballotFromFields(definition, paperFields(definition, ballot));
}

/** The text two entries are compared by: the canonical JSON of the normalised ballot. */
export function paperBallotText(definition: MeetingDefinition, ballot: BallotContent): string {
  return canonicalJson(normalisePaperBallot(definition, ballot));
}

/** The fields two entries keyed differently, in the paper's order; empty when they agree. */
export function paperDifferences(definition: MeetingDefinition, first: BallotContent, second: BallotContent): PaperDifference[] {
  const a = paperFields(definition, first);
  const b = new Map(paperFields(definition, second).map((f) => [f.key, f.value]));
  return a
    .filter((field) => b.get(field.key) !== field.value)
    .map((field) => ({ key: field.key, objectId: field.objectId, partId: field.partId, first: field.value, second: b.get(field.key) ?? null }));
}

/**
 * Settles a pair: where the entries differ, `choices` says which one the paper shows (every
 * differing field must be chosen); where they agree, that value stands. Null when a differing
 * field has no choice.
 */
export function resolvePaperPair(
  definition: MeetingDefinition,
  first: BallotContent,
  second: BallotContent,
  choices: Readonly<Record<string, 'first' | 'second'>>,
): BallotContent | null {
  const differing = new Set(paperDifferences(definition, first, second).map((d) => d.key));
  for (const key of differing) if (choices[key] === undefined) return null;
  const secondValues = new Map(paperFields(definition, second).map((f) => [f.key, f.value]));
  const fields = paperFields(definition, first).map((field) =>
    differing.has(field.key) && choices[field.key] === 'second' ? { ...field, value: secondValues.get(field.key) ?? null } : field,
  );
  return ballotFromFields(definition, fields);
}
