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

/** Why a ballot does not fit its meeting. */
export type BallotIssueCode =
  | 'wrong_type'
  | 'objects_mismatch'
  | 'object_unanswered'
  | 'indicator_set_missing'
  | 'indicators_mismatch'
  | 'indicator_unanswered'
  | 'grade_off_scale'
  | 'too_many_picks'
  | 'unknown_object'
  | 'object_twice'
  | 'tag_twice'
  | 'unknown_tag';

/**
 * A problem with a ballot: a stable code and the same sentence in Chinese and English. The
 * sentences say what is wrong in the representative's terms (object number, name, indicator);
 * the caller adds what to do, which differs between a tablet and a re-tallied file.
 */
export interface BallotIssue {
  readonly code: BallotIssueCode;
  readonly zh: string;
  readonly en: string;
}

function issue(code: BallotIssueCode, zh: string, en: string): BallotIssue {
  return { code, zh, en };
}

/** How a representative recognises an object: its name and department, never its id. */
function objectLabel(definition: MeetingDefinition, objectId: string): { zh: string; en: string } {
  const index = definition.objects.findIndex((o) => o.id === objectId);
  const object = definition.objects[index];
  if (object === undefined) return { zh: '一个不在本场会议中的评议对象', en: 'An object that is not in this meeting' };
  const name = object.department === '' ? object.name : `${object.name}（${object.department}）`;
  return { zh: `第 ${index + 1} 个评议对象“${name}”`, en: `Object ${index + 1} "${name}"` };
}

const hasOwn = Object.prototype.hasOwnProperty;

/** Object.keys(record).length without building the array (a ballot has 101 records to count). */
function ownKeyCount(record: object): number {
  let count = 0;
  for (const key in record) if (hasOwn.call(record, key)) count += 1;
  return count;
}

/**
 * Checks a ballot against its meeting: a graded ballot answers every indicator of every object
 * (a grade index or an explicit null for 弃权); a worst-list ballot names at most K distinct
 * objects of the meeting with known problems. Returns the first problem found, or null.
 */
export function ballotIssue(definition: MeetingDefinition, ballot: BallotContent): BallotIssue | null {
  if (ballot.type !== definition.ballotType) {
    return issue('wrong_type', '选票类型与本场会议不符。', 'The ballot is not of this meeting\'s kind.');
  }
  if (ballot.type === 'graded') {
    const sets = new Map(definition.indicatorSets.map((set) => [set.id, set]));
    const grades = definition.settings.gradeScale.length;
    if (ownKeyCount(ballot.answers) !== definition.objects.length) {
      return issue('objects_mismatch', '选票上的评议对象与本场会议不一致。', 'The ballot\'s objects differ from this meeting\'s.');
    }
    // The label is worked out only when a problem is reported (no closure per object either):
    // on the ballot path nearly every ballot is valid.
    const label = (objectId: string): { zh: string; en: string } => objectLabel(definition, objectId);
    for (const object of definition.objects) {
      const answers = ballot.answers[object.id];
      if (!answers) return issue('object_unanswered', `${label(object.id).zh}还没有评价。`, `${label(object.id).en} is not answered.`);
      const set = sets.get(object.indicatorSetId);
      if (!set) return issue('indicator_set_missing', `${label(object.id).zh}缺少评议内容（会议设置有误）。`, `${label(object.id).en} has no indicators (the meeting's setup is wrong).`);
      if (ownKeyCount(answers) !== set.indicators.length) {
        return issue('indicators_mismatch', `${label(object.id).zh}的评议项目与本场会议不一致。`, `${label(object.id).en}'s items differ from this meeting's.`);
      }
      for (const indicator of set.indicators) {
        const grade = answers[indicator.id];
        if (grade === undefined) {
          return issue('indicator_unanswered', `${label(object.id).zh}的“${indicator.name}”还没有评价。`, `${label(object.id).en}: "${indicator.name}" is not answered.`);
        }
        if (grade !== null && (!Number.isInteger(grade) || grade < 0 || grade >= grades)) {
          return issue('grade_off_scale', `${label(object.id).zh}的“${indicator.name}”所选等次不在评分等次中。`, `${label(object.id).en}: the grade for "${indicator.name}" is not on the scale.`);
        }
      }
    }
    return null;
  }
  const known = new Set(definition.objects.map((object) => object.id));
  const tags = new Set((definition.tagSet?.indicators ?? []).map((tag) => tag.id));
  const k = definition.settings.worstK;
  if (ballot.picks.length > k) return issue('too_many_picks', `选了 ${ballot.picks.length} 个评议对象，最多只能选 ${k} 个。`, `${ballot.picks.length} objects are named; at most ${k} may be.`);
  const seen = new Set<string>();
  for (const pick of ballot.picks) {
    const label = (): { zh: string; en: string } => objectLabel(definition, pick.objectId);
    if (!known.has(pick.objectId)) return issue('unknown_object', '选票中有不在本场会议中的评议对象。', 'The ballot names an object that is not in this meeting.');
    if (seen.has(pick.objectId)) return issue('object_twice', `${label().zh}被选了两次。`, `${label().en} is named twice.`);
    seen.add(pick.objectId);
    if (new Set(pick.tags).size !== pick.tags.length) return issue('tag_twice', `${label().zh}的同一个问题被勾选了两次。`, `${label().en}: a problem is ticked twice.`);
    for (const tag of pick.tags) {
      if (!tags.has(tag)) return issue('unknown_tag', `${label().zh}勾选了本场会议没有的问题。`, `${label().en}: a ticked problem is not in this meeting's list.`);
    }
  }
  return null;
}

/** The first problem of a ballot as one Chinese sentence (what the tablet and the re-tally show), or null. */
export function ballotProblem(definition: MeetingDefinition, ballot: BallotContent): string | null {
  return ballotIssue(definition, ballot)?.zh ?? null;
}
