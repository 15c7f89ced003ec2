/**
 * The domain vocabulary of Pingyi (see ../shared/DOMAIN.md): plain types and constants only,
 * no zod here, so the tablet bundle can import them without pulling a schema library in.
 */

import { groupOfCategoryIn, groupsOfKind, type GroupWeightsSetting, type RepresentativeCategory, type VoterGroupId } from './voter-groups';

/** Who casts a ballot: an id of the voter-group catalogue (./voter-groups.ts). */
export type VoterGroup = VoterGroupId;

/** 社会测评 (representatives, two groups) or 单位自评 (the unit's own cadres, one group). */
export type MeetingKind = 'social' | 'self';

/** 每项打分 (grade every object on every indicator) or 评差 (name up to K worst objects). */
export type BallotType = 'graded' | 'worst';

/** Lifecycle of one meeting. The definition is frozen from `open` on; `official` freezes everything. */
export type MeetingStatus = 'draft' | 'open' | 'paused' | 'closed' | 'official';

/** Roster categories: 人大代表, 政协委员, 分管领导 are officials; 服务对象 are recipients; 本单位干部 vote in self-evaluation. */
export type { RepresentativeCategory } from './voter-groups';

/** Object categories as written on the sources' rosters: 科室, 科长, 二级单位; free text is allowed. */
export type ObjectCategory = string;

/** The voter groups a meeting of a given kind has, in display order. */
export function groupsOf(kind: MeetingKind): readonly VoterGroup[] {
  return groupsOfKind(kind);
}

/** The voter group a roster category belongs to in a meeting of the given kind. */
export function groupOfCategory(kind: MeetingKind, category: RepresentativeCategory): VoterGroup {
  return groupOfCategoryIn(kind, category);
}

/** One grade of the scale, e.g. 满意 = 100 points. */
export interface Grade {
  readonly label: string;
  readonly points: number;
}

/** One indicator of an indicator set; `weight` is a percentage, all weights of a set total 100. */
export interface Indicator {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly weight: number;
}

export interface IndicatorSet {
  readonly id: string;
  readonly name: string;
  readonly indicators: readonly Indicator[];
}

/** An evaluation object (评议对象): a section, a section chief or a secondary unit. */
export interface EvalObject {
  readonly id: string;
  readonly name: string;
  readonly department: string;
  readonly category: ObjectCategory;
  /** The indicator set used to grade this object (分类差异化考核). */
  readonly indicatorSetId: string;
}

/** How printed figures relate: every printed figure from printed figures, or exact fractions throughout. */
export type RoundingMode = 'printed' | 'exact';

/** Points each component of a round is worth in its total: self 50 + social 50. */
export interface ComponentPoints {
  readonly self: number;
  readonly social: number;
}

/**
 * Per-round settings (rounds.settings_json): what combines the round's meetings. The split of the
 * total is the round's, not a meeting's: a round has one 本轮综合排序表.
 */
export interface RoundSettings {
  readonly componentPoints: ComponentPoints;
}

/** Per-meeting settings; every number has a documented default (DEFAULT_SETTINGS, parsed by ./settings.ts). */
export interface MeetingSettings {
  /** Percent weight of each group in the social score: officials 30, recipients 70. */
  readonly groupWeights: GroupWeightsSetting;
  /** Worst-list ballots name at most this many objects. */
  readonly worstK: number;
  /** Per-group figures are hidden where a group has fewer ballots than this. */
  readonly smallGroupK: number;
  /** Grades offered on graded ballots, best first. Abstaining is always possible besides. */
  readonly gradeScale: readonly Grade[];
  /** The tablet insists on an answer (a grade or 弃权) for every indicator before submitting. */
  readonly requireAllAnswered: boolean;
  /** Which arithmetic the sheets print (lane i13 uses it); 'printed' by default. */
  readonly roundingMode: RoundingMode;
}

/** A graded ballot: for each object, for each indicator, a grade index into the scale or null (弃权). */
export interface GradedBallot {
  readonly type: 'graded';
  readonly answers: Readonly<Record<string, Readonly<Record<string, number | null>>>>;
}

/** A worst-list ballot: up to K objects, each with the problems (indicator ids of the worst set) ticked. */
export interface WorstBallot {
  readonly type: 'worst';
  readonly picks: readonly { readonly objectId: string; readonly tags: readonly string[] }[];
}

export type BallotContent = GradedBallot | WorstBallot;

/** A stored ballot as the tally sees it: its group and its content, nothing about who or when. */
export interface TallyBallot {
  readonly group: VoterGroup;
  readonly content: BallotContent;
}
