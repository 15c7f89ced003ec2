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
 * The facts a ballot problem is worded from, in the representative's terms: the object's number
 * on the ballot and its name (with its department), the indicator's name, the picks and the limit.
 * Ids never appear: they mean nothing to a person.
 */
export interface BallotIssueParams {
  /** 1-based number of the object on the ballot; absent for an object not in the meeting. */
  readonly position?: number;
  /** The object's name, with its department in brackets: 征收科（区税务局）. */
  readonly object?: string;
  readonly indicator?: string;
  readonly count?: number;
  readonly max?: number;
}

/**
 * A problem with a ballot: a stable code, the params it is worded from, and its wording in
 * Chinese and English (ballotIssueText, the one wording: the tablet, the paper panel and a
 * re-tallied file's error all use it). The sentences say what is wrong; the caller adds what to
 * do, which differs between a tablet and a re-tallied file.
 */
export interface BallotIssue {
  readonly code: BallotIssueCode;
  readonly params: BallotIssueParams;
  readonly zh: string;
  readonly en: string;
}

/** How a representative recognises an object: its number and name, or that it is not in the meeting. */
function objectWords(p: BallotIssueParams): { zh: string; en: string } {
  if (p.position === undefined) return { zh: '一个不在本场会议中的评议对象', en: 'An object that is not in this meeting' };
  const name = p.object ?? '';
  return { zh: `第 ${p.position} 个评议对象“${name}”`, en: `Object ${p.position} "${name}"` };
}

const ISSUE_WORDS: Record<BallotIssueCode, (p: BallotIssueParams, o: { zh: string; en: string }) => { zh: string; en: string }> = {
  wrong_type: () => ({ zh: '选票类型与本场会议不符。', en: 'The ballot is not of this meeting\'s kind.' }),
  objects_mismatch: () => ({ zh: '选票上的评议对象与本场会议不一致。', en: 'The ballot\'s objects differ from this meeting\'s.' }),
  object_unanswered: (_p, o) => ({ zh: `${o.zh}还没有评价。`, en: `${o.en} is not answered.` }),
  indicator_set_missing: (_p, o) => ({ zh: `${o.zh}缺少评议内容（会议设置有误）。`, en: `${o.en} has no indicators (the meeting's setup is wrong).` }),
  indicators_mismatch: (_p, o) => ({ zh: `${o.zh}的评议项目与本场会议不一致。`, en: `${o.en}'s items differ from this meeting's.` }),
  indicator_unanswered: (p, o) => ({ zh: `${o.zh}的“${p.indicator ?? ''}”还没有评价。`, en: `${o.en}: "${p.indicator ?? ''}" is not answered.` }),
  grade_off_scale: (p, o) => ({ zh: `${o.zh}的“${p.indicator ?? ''}”所选等次不在评分等次中。`, en: `${o.en}: the grade for "${p.indicator ?? ''}" is not on the scale.` }),
  too_many_picks: (p) => ({ zh: `选了 ${p.count ?? ''} 个评议对象，最多只能选 ${p.max ?? ''} 个。`, en: `${p.count ?? ''} objects are named; at most ${p.max ?? ''} may be.` }),
  unknown_object: () => ({ zh: '选票中有不在本场会议中的评议对象。', en: 'The ballot names an object that is not in this meeting.' }),
  object_twice: (_p, o) => ({ zh: `${o.zh}被选了两次。`, en: `${o.en} is named twice.` }),
  tag_twice: (_p, o) => ({ zh: `${o.zh}的同一个问题被勾选了两次。`, en: `${o.en}: a problem is ticked twice.` }),
  unknown_tag: (_p, o) => ({ zh: `${o.zh}勾选了本场会议没有的问题。`, en: `${o.en}: a ticked problem is not in this meeting's list.` }),
};

/** The sentence of a ballot problem in `language`, from its code and params. */
export function ballotIssueText(code: BallotIssueCode, params: BallotIssueParams, language: 'zh' | 'en'): string {
  return ISSUE_WORDS[code](params, objectWords(params))[language];
}

/** True when `code` is one of the ballot problems (a re-tallied file's error names it as a param). */
export function isBallotIssueCode(code: string): code is BallotIssueCode {
  return Object.hasOwn(ISSUE_WORDS, code);
}

function issue(code: BallotIssueCode, params: BallotIssueParams = {}): BallotIssue {
  const words = ISSUE_WORDS[code](params, objectWords(params));
  return { code, params, zh: words.zh, en: words.en };
}

/** The params that name an object: its number on the ballot and its name, or nothing when it is not in the meeting. */
function objectParams(definition: MeetingDefinition, objectId: string): BallotIssueParams {
  const index = definition.objects.findIndex((o) => o.id === objectId);
  const object = definition.objects[index];
  if (object === undefined) return {};
  return { position: index + 1, object: object.department === '' ? object.name : `${object.name}（${object.department}）` };
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
    return issue('wrong_type');
  }
  if (ballot.type === 'graded') {
    const sets = new Map(definition.indicatorSets.map((set) => [set.id, set]));
    const grades = definition.settings.gradeScale.length;
    if (ownKeyCount(ballot.answers) !== definition.objects.length) {
      return issue('objects_mismatch');
    }
    // The label is worked out only when a problem is reported (no closure per object either):
    // on the ballot path nearly every ballot is valid.
    const label = (objectId: string): BallotIssueParams => objectParams(definition, objectId);
    for (const object of definition.objects) {
      const answers = ballot.answers[object.id];
      if (!answers) return issue('object_unanswered', label(object.id));
      const set = sets.get(object.indicatorSetId);
      if (!set) return issue('indicator_set_missing', label(object.id));
      if (ownKeyCount(answers) !== set.indicators.length) {
        return issue('indicators_mismatch', label(object.id));
      }
      for (const indicator of set.indicators) {
        const grade = answers[indicator.id];
        if (grade === undefined) {
          return issue('indicator_unanswered', { ...label(object.id), indicator: indicator.name });
        }
        if (grade !== null && (!Number.isInteger(grade) || grade < 0 || grade >= grades)) {
          return issue('grade_off_scale', { ...label(object.id), indicator: indicator.name });
        }
      }
    }
    return null;
  }
  const known = new Set(definition.objects.map((object) => object.id));
  const tags = new Set((definition.tagSet?.indicators ?? []).map((tag) => tag.id));
  const k = definition.settings.worstK;
  if (ballot.picks.length > k) return issue('too_many_picks', { count: ballot.picks.length, max: k });
  const seen = new Set<string>();
  for (const pick of ballot.picks) {
    const label = (): BallotIssueParams => objectParams(definition, pick.objectId);
    if (!known.has(pick.objectId)) return issue('unknown_object');
    if (seen.has(pick.objectId)) return issue('object_twice', label());
    seen.add(pick.objectId);
    if (new Set(pick.tags).size !== pick.tags.length) return issue('tag_twice', label());
    for (const tag of pick.tags) {
      if (!tags.has(tag)) return issue('unknown_tag', label());
    }
  }
  return null;
}

/** The first problem of a ballot as one Chinese sentence (what the tablet and the re-tally show), or null. */
export function ballotProblem(definition: MeetingDefinition, ballot: BallotContent): string | null {
  return ballotIssue(definition, ballot)?.zh ?? null;
}
