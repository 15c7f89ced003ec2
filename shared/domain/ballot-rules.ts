import type { BallotContent, EvalObject, IndicatorSet, MeetingSettings, BallotType } from './model';

/** The frozen definition of a meeting: what its ballots must answer. */
export interface MeetingDefinition {
  readonly ballotType: BallotType;
  readonly objects: readonly EvalObject[];
  readonly indicatorSets: readonly IndicatorSet[];
  /** The problems a worst-list ballot may tick (冷懒推乱贪), empty for graded meetings. */
  readonly tagSet: IndicatorSet | null;
  readonly settings: MeetingSettings;
}

/**
 * Checks a ballot against its meeting: a graded ballot answers every indicator of every object
 * (a grade index or an explicit null for 弃权); a worst-list ballot names at most K distinct
 * objects of the meeting with known problems. Returns the first problem found, or null.
 */
export function ballotProblem(definition: MeetingDefinition, ballot: BallotContent): string | null {
  if (ballot.type !== definition.ballotType) return `ballot type ${ballot.type} does not match the meeting (${definition.ballotType})`;
  if (ballot.type === 'graded') {
    const sets = new Map(definition.indicatorSets.map((set) => [set.id, set]));
    const grades = definition.settings.gradeScale.length;
    const objectIds = Object.keys(ballot.answers);
    if (objectIds.length !== definition.objects.length) return 'the ballot does not answer exactly the meeting\'s objects';
    for (const object of definition.objects) {
      const answers = ballot.answers[object.id];
      if (!answers) return `object ${object.id} is not answered`;
      const set = sets.get(object.indicatorSetId);
      if (!set) return `indicator set ${object.indicatorSetId} is missing`;
      if (Object.keys(answers).length !== set.indicators.length) return `object ${object.id} must answer exactly its indicators`;
      for (const indicator of set.indicators) {
        const grade = answers[indicator.id];
        if (grade === undefined) return `indicator ${indicator.id} of object ${object.id} is not answered`;
        if (grade !== null && (!Number.isInteger(grade) || grade < 0 || grade >= grades)) return `grade ${grade} is not on the scale`;
      }
    }
    return null;
  }
  const known = new Set(definition.objects.map((object) => object.id));
  const tags = new Set((definition.tagSet?.indicators ?? []).map((tag) => tag.id));
  if (ballot.picks.length > definition.settings.worstK) return `at most ${definition.settings.worstK} objects may be named`;
  const seen = new Set<string>();
  for (const pick of ballot.picks) {
    if (!known.has(pick.objectId)) return `object ${pick.objectId} is not in this meeting`;
    if (seen.has(pick.objectId)) return `object ${pick.objectId} is named twice`;
    seen.add(pick.objectId);
    if (new Set(pick.tags).size !== pick.tags.length) return 'a problem is ticked twice';
    for (const tag of pick.tags) if (!tags.has(tag)) return `problem ${tag} is unknown`;
  }
  return null;
}
