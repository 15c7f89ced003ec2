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
 *
 * A paper may also be keyed as a 无效票 as a whole (WHOLE_INVALID_REASONS): both entries must say
 * so, with the same reason; if only one does, the pair differs in the one field `whole`. A paper
 * with nothing marked is NOT one of these: DOMAIN.md counts a blank as 弃权 "as on paper", so a
 * blank paper is a valid ballot of 弃权 (graded) or of no pick (worst-list).
 */
import type { BallotContent, BallotType, GradedBallot, WorstBallot } from './model';
import type { MeetingDefinition } from './ballot-rules';
import { canonicalBallot } from './canonical-ballot';
import { canonicalJson } from './canonical-json';

/** The grade index a clerk keys for a mark that is not one grade of the scale (无法辨认 / 多选). */
export const OFF_SCALE_GRADE = -1;

/** Why a whole paper is a 无效票 (a blank paper is not: it is a valid ballot of 弃权). */
export const WHOLE_INVALID_REASONS = ['unreadable', 'other'] as const;
export type WholeInvalidReason = (typeof WHOLE_INVALID_REASONS)[number];
/** The invalid_ballots reason a whole-invalid paper is kept under. */
export type WholeInvalidCode = `whole_${WholeInvalidReason}`;
export const WHOLE_INVALID_CODES = WHOLE_INVALID_REASONS.map((r) => `whole_${r}` as const) satisfies readonly WholeInvalidCode[];

/** A paper keyed as a 无效票 as a whole: nothing of its marks is kept. */
export interface WholeInvalidEntry {
  readonly type: BallotType;
  readonly wholeInvalid: WholeInvalidReason;
}

/** What one entry says: a ballot, or a paper that is a 无效票 as a whole. */
export type PaperEntryContent = BallotContent | WholeInvalidEntry;

/** The field two entries differ in when one keyed the paper as a whole 无效票 and the other did not. */
export const WHOLE_FIELD_KEY = 'whole';

export function isWholeInvalid(content: PaperEntryContent): content is WholeInvalidEntry {
  return 'wholeInvalid' in content;
}

/** The rule a whole-invalid paper breaks, as printed and shown (zh, en). */
export function wholeInvalidRule(reason: WholeInvalidReason): { readonly code: WholeInvalidCode; readonly zh: string; readonly en: string } {
  return reason === 'unreadable'
    ? { code: 'whole_unreadable', zh: '整张评议表无法辨认（污损、涂改或字迹不清，看不出填写人的意思），作无效票。', en: 'The whole paper cannot be read (soiled, altered or illegible: its intent cannot be made out); kept as an invalid ballot.' }
    : { code: 'whole_other', zh: '整张评议表因其他原因作废（如不是本场会议的评议表、被撕毁），作无效票。', en: 'The whole paper is void for another reason (not this meeting\'s paper, torn up); kept as an invalid ballot.' };
}

/** A field's value; the `whole` field's is the reason, or null for a paper keyed as a ballot. */
export type PaperFieldValue = number | boolean | null | WholeInvalidReason;

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

/** An entry's text: the whole-invalid mark (its marks dropped), or the normalised ballot's. */
export function paperEntryText(definition: MeetingDefinition, ballot: BallotContent, wholeInvalid: WholeInvalidReason | null): string {
  if (wholeInvalid === null) return paperBallotText(definition, ballot);
  const entry: WholeInvalidEntry = { type: definition.ballotType, wholeInvalid };
  return canonicalJson(entry);
}

/** The fields two entries keyed differently, in the paper's order; empty when they agree. */
export function paperDifferences(definition: MeetingDefinition, first: PaperEntryContent, second: PaperEntryContent): PaperDifference[] {
  if (isWholeInvalid(first) || isWholeInvalid(second)) {
    const a = isWholeInvalid(first) ? first.wholeInvalid : null;
    const b = isWholeInvalid(second) ? second.wholeInvalid : null;
    return a === b ? [] : [{ key: WHOLE_FIELD_KEY, objectId: '', partId: null, first: a, second: b }];
  }
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
  first: PaperEntryContent,
  second: PaperEntryContent,
  choices: Readonly<Record<string, 'first' | 'second'>>,
): PaperEntryContent | null {
  // One entry says the whole paper is a 无效票: the paper is either that, or the other entry's ballot whole.
  if (isWholeInvalid(first) || isWholeInvalid(second)) {
    if (paperDifferences(definition, first, second).length === 0) return first;
    const choice = choices[WHOLE_FIELD_KEY];
    if (choice === undefined) return null;
    const chosen = choice === 'first' ? first : second;
    return isWholeInvalid(chosen) ? chosen : normalisePaperBallot(definition, chosen);
  }
  const differing = new Set(paperDifferences(definition, first, second).map((d) => d.key));
  for (const key of differing) if (choices[key] === undefined) return null;
  const secondValues = new Map(paperFields(definition, second).map((f) => [f.key, f.value]));
  const fields = paperFields(definition, first).map((field) =>
    differing.has(field.key) && choices[field.key] === 'second' ? { ...field, value: secondValues.get(field.key) ?? null } : field,
  );
  return ballotFromFields(definition, fields);
}
