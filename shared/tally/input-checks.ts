/**
 * Checks of tally inputs. The tally functions throw on a broken input because ballot intake
 * and settings validation should have made it impossible; services that want the problem as
 * a value (to show the chair) call these checks first, they answer the same problem as a Result.
 */
import type { EvalObject, Grade, IndicatorSet, MeetingKind, TallyBallot, VoterGroup } from '../domain/model';
import type { TallyCheck } from '../domain/errors';
import { fail as failWith, ok, type Result } from '../domain/result';
import { compare, fromInt, fromNumber, sum } from './exact-number';
import type { Veto } from './ranking';

/** Percent weight per voter group: {officials: 30, recipients: 70} or {all: 100}. */
export type GroupWeights = Readonly<Partial<Record<VoterGroup, number>>>;

/** The meeting kind a list of groups implies: ['all'] is a self-evaluation, officials/recipients a social one. */
export function meetingKindOf(groups: readonly VoterGroup[]): MeetingKind {
  return groups.includes('all') ? 'self' : 'social';
}

/**
 * A broken tally input: the check's code and, as its `detail` param, what is wrong in English for
 * technical support (these cannot happen through the console; core shows them as tally_input).
 */
export function tallyFail(code: TallyCheck, detail: string, details?: unknown): Result<true> {
  return failWith<true>(`tally.${code}`, { detail }, details);
}

const fail = tallyFail;

/** Groups, their weights and the small-group threshold, shared by both kinds of tally. */
export function checkGroups({
  groups,
  groupWeights,
  smallGroupK,
}: {
  readonly groups: readonly VoterGroup[];
  readonly groupWeights: GroupWeights;
  readonly smallGroupK: number;
}): Result<true> {
  if (groups.length === 0) return fail('groups', 'The meeting has no voter groups; set its kind again.');
  if (new Set(groups).size !== groups.length) return fail('groups', 'A voter group is listed twice.', { groups });
  if (groups.includes('all') && groups.length > 1) {
    return fail('groups', 'The group "all" (self-evaluation) cannot be mixed with other groups.', { groups });
  }
  for (const group of groups) {
    const weight = groupWeights[group];
    if (weight === undefined || !Number.isFinite(weight) || weight <= 0) {
      return fail('weights', `The voter group "${group}" needs a positive weight.`, { group, weight });
    }
  }
  const total = sum(groups.map((g) => fromNumber(groupWeights[g] ?? 0)));
  if (compare(total, fromInt(100)) !== 0) {
    return fail('weights', 'Voter group weights must total 100 %; fix them in the meeting settings.', { groupWeights });
  }
  if (!Number.isSafeInteger(smallGroupK) || smallGroupK < 0) {
    return fail('settings', 'The small-group threshold must be a whole number, 0 or more.', { smallGroupK });
  }
  return ok(true);
}

/** Object ids are unique. */
export function checkObjects(objects: readonly EvalObject[]): Result<true> {
  const seen = new Set<string>();
  for (const object of objects) {
    if (seen.has(object.id)) return fail('objects', `The object id "${object.id}" appears twice.`, { objectId: object.id });
    seen.add(object.id);
  }
  return ok(true);
}

/** Vetoes name known objects and say why. */
export function checkVetoes({
  objects,
  vetoes,
}: {
  readonly objects: readonly EvalObject[];
  readonly vetoes: readonly Veto[];
}): Result<true> {
  const ids = new Set(objects.map((o) => o.id));
  for (const veto of vetoes) {
    if (!ids.has(veto.objectId)) return fail('veto', `A veto names an unknown object "${veto.objectId}".`, { veto });
    if (veto.reason.trim() === '') return fail('veto', 'A veto must say why (the sheet prints the reason).', { veto });
  }
  return ok(true);
}

function checkIndicatorSets(sets: readonly IndicatorSet[]): Result<true> {
  const ids = new Set<string>();
  for (const set of sets) {
    if (ids.has(set.id)) return fail('indicators', `The indicator set id "${set.id}" appears twice.`, { setId: set.id });
    ids.add(set.id);
    const indicatorIds = new Set<string>();
    for (const indicator of set.indicators) {
      if (indicatorIds.has(indicator.id)) {
        return fail('indicators', `The indicator "${indicator.id}" appears twice in "${set.name}".`, { setId: set.id });
      }
      indicatorIds.add(indicator.id);
      // A zero weight would let a group's weight sum be zero, and a score divided by it.
      if (!Number.isFinite(indicator.weight) || indicator.weight <= 0) {
        return fail('indicators', `The indicator "${indicator.name}" needs a positive weight.`, { setId: set.id, indicator: indicator.id });
      }
    }
  }
  return ok(true);
}

/** Everything tallyGradedMeeting relies on: sets, scale, groups, and every ballot answer. */
export function checkGradedInput({
  objects,
  indicatorSets,
  gradeScale,
  groups,
  groupWeights,
  smallGroupK,
  ballots,
}: {
  readonly objects: readonly EvalObject[];
  readonly indicatorSets: readonly IndicatorSet[];
  readonly gradeScale: readonly Grade[];
  readonly groups: readonly VoterGroup[];
  readonly groupWeights: GroupWeights;
  readonly smallGroupK: number;
  readonly ballots: readonly TallyBallot[];
}): Result<true> {
  const checks = [checkGroups({ groups, groupWeights, smallGroupK }), checkObjects(objects), checkIndicatorSets(indicatorSets)];
  for (const check of checks) if (!check.ok) return check;
  if (gradeScale.length === 0) return fail('grades', 'The grade scale is empty.');
  for (const grade of gradeScale) {
    if (!Number.isFinite(grade.points)) return fail('grades', `The grade "${grade.label}" has no valid points.`, { grade });
  }
  const setsById = new Map(indicatorSets.map((s) => [s.id, s]));
  const indicatorsByObject = new Map<string, ReadonlySet<string>>();
  for (const object of objects) {
    const set = setsById.get(object.indicatorSetId);
    if (set === undefined) {
      return fail('indicators', `The object "${object.name}" uses an unknown indicator set.`, { objectId: object.id });
    }
    indicatorsByObject.set(object.id, new Set(set.indicators.map((i) => i.id)));
  }
  for (const [index, ballot] of ballots.entries()) {
    if (ballot.content.type !== 'graded') {
      return fail('ballot', 'A worst-list ballot was found in a graded meeting.', { ballot: index });
    }
    if (!groups.includes(ballot.group)) {
      return fail('ballot', `A ballot belongs to the group "${ballot.group}", which this meeting does not have.`, { ballot: index });
    }
    // for...in rather than Object.entries: this runs once per answer (500,000 for 1,000 ballots
    // of 100 objects × 5 indicators), and the arrays Object.entries builds cost 2-5× the check.
    const answersByObject = ballot.content.answers;
    for (const objectId in answersByObject) {
      const answers = answersByObject[objectId] ?? {};
      const indicators = indicatorsByObject.get(objectId);
      if (indicators === undefined) return fail('ballot', `A ballot grades an unknown object "${objectId}".`, { ballot: index });
      for (const indicatorId in answers) {
        const grade = answers[indicatorId];
        if (!indicators.has(indicatorId)) {
          return fail('ballot', `A ballot answers an unknown indicator "${indicatorId}".`, { ballot: index, objectId });
        }
        if (grade !== null && !(grade !== undefined && Number.isSafeInteger(grade) && grade >= 0 && grade < gradeScale.length)) {
          return fail('ballot', `A ballot has an invalid grade ${String(grade)}.`, { ballot: index, objectId, indicatorId });
        }
      }
    }
  }
  return ok(true);
}

/** Everything tallyWorstMeeting relies on: tags, groups, top-N, vetoes, and every pick. */
export function checkWorstInput({
  objects,
  tags,
  groups,
  groupWeights,
  smallGroupK,
  topN,
  vetoes,
  ballots,
}: {
  readonly objects: readonly EvalObject[];
  readonly tags: IndicatorSet;
  readonly groups: readonly VoterGroup[];
  readonly groupWeights: GroupWeights;
  readonly smallGroupK: number;
  readonly topN: number;
  readonly vetoes: readonly Veto[];
  readonly ballots: readonly TallyBallot[];
}): Result<true> {
  const checks = [checkGroups({ groups, groupWeights, smallGroupK }), checkObjects(objects), checkVetoes({ objects, vetoes })];
  for (const check of checks) if (!check.ok) return check;
  if (!Number.isSafeInteger(topN) || topN < 1) return fail('settings', 'The published list needs at least one place.', { topN });
  const tagIds = new Set(tags.indicators.map((t) => t.id));
  if (tagIds.size !== tags.indicators.length) return fail('indicators', 'A problem tag appears twice.', { setId: tags.id });
  const objectIds = new Set(objects.map((o) => o.id));
  for (const [index, ballot] of ballots.entries()) {
    if (ballot.content.type !== 'worst') return fail('ballot', 'A graded ballot was found in a worst-list meeting.', { ballot: index });
    if (!groups.includes(ballot.group)) {
      return fail('ballot', `A ballot belongs to the group "${ballot.group}", which this meeting does not have.`, { ballot: index });
    }
    const picked = new Set<string>();
    for (const pick of ballot.content.picks) {
      if (!objectIds.has(pick.objectId)) return fail('ballot', `A ballot names an unknown object "${pick.objectId}".`, { ballot: index });
      // A representative nominates an object once; a repeat would be counted as a second nomination.
      if (picked.has(pick.objectId)) return fail('ballot', 'A ballot names the same object twice.', { ballot: index, objectId: pick.objectId });
      picked.add(pick.objectId);
      if (new Set(pick.tags).size !== pick.tags.length) return fail('ballot', 'A ballot ticks the same problem twice.', { ballot: index });
      for (const tag of pick.tags) {
        if (!tagIds.has(tag)) return fail('ballot', `A ballot ticks an unknown problem "${tag}".`, { ballot: index });
      }
    }
  }
  return ok(true);
}
