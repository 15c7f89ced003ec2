/**
 * The voter-group catalogue: every voter group once, with its names, the meeting kind it votes
 * in, the roster categories it gathers and its default weight. Labels, enums, lists and default
 * weights derive from here, so a third group is one entry (plus its roster category, if new).
 *
 * Plain data, no zod: the tablet bundle may import it.
 */
import type { MeetingKind, RepresentativeCategory } from './model';

export interface VoterGroupEntry {
  readonly id: string;
  /** The meeting kind whose ballots this group casts. */
  readonly kind: MeetingKind;
  /** The console's name (代表类别 column, turnout table). */
  readonly name: { readonly zh: string; readonly en: string };
  /** The shorter name on printed sheets and in the weight settings. */
  readonly shortName: { readonly zh: string; readonly en: string };
  /**
   * The name inside a formula line, an exported table or a note: in Chinese the same as shortName
   * (one name per group on every sheet and screen; the officials' group had three).
   */
  readonly formulaName: { readonly zh: string; readonly en: string };
  /** Percent weight in its meeting's score by default (the groups of one kind total 100). */
  readonly defaultWeight: number;
  /** Roster categories counted in this group, in a meeting of this group's kind. */
  readonly categories: readonly RepresentativeCategory[];
}

export const VOTER_GROUPS = [
  {
    id: 'officials',
    kind: 'social',
    name: { zh: '人大代表、政协委员、分管领导', en: 'Deputies, CPPCC members, leaders' },
    shortName: { zh: '人大代表、政协委员、分管领导', en: 'Deputies, CPPCC members, leaders' },
    formulaName: { zh: '人大代表、政协委员、分管领导', en: 'officials' },
    defaultWeight: 30,
    categories: ['npc', 'cppcc', 'leader'],
  },
  {
    id: 'recipients',
    kind: 'social',
    name: { zh: '服务对象代表', en: 'Service recipients' },
    shortName: { zh: '服务对象', en: 'Service recipients' },
    formulaName: { zh: '服务对象', en: 'recipients' },
    defaultWeight: 70,
    // 本单位干部 listed on a social roster are counted with the recipients (the import warns).
    categories: ['recipient', 'staff'],
  },
  {
    id: 'all',
    kind: 'self',
    name: { zh: '本单位干部职工', en: 'Staff of the unit' },
    shortName: { zh: '本单位干部职工', en: 'Staff of the unit' },
    formulaName: { zh: '本单位干部职工', en: 'all voters' },
    defaultWeight: 100,
    categories: ['npc', 'cppcc', 'leader', 'recipient', 'staff'],
  },
] as const satisfies readonly VoterGroupEntry[];

export type VoterGroupId = (typeof VOTER_GROUPS)[number]['id'];

/** Every group id, in display order (the zod enums of the wire derive from it). */
export const VOTER_GROUP_IDS = VOTER_GROUPS.map((g) => g.id) as [VoterGroupId, ...VoterGroupId[]];

/** The groups whose weights the chair sets: those of the social meeting, the only one with several. */
export type WeightedGroup = Extract<(typeof VOTER_GROUPS)[number], { kind: 'social' }>['id'];
export const WEIGHTED_GROUPS = VOTER_GROUPS.filter((g) => g.kind === 'social').map((g) => g.id) as [WeightedGroup, ...WeightedGroup[]];

/** Group weights, keyed by group id. */
export type GroupWeightsSetting = { readonly [G in WeightedGroup]: number };

/** True when `text` is a group id of the catalogue. */
export function isVoterGroup(text: string): text is VoterGroupId {
  return (VOTER_GROUP_IDS as readonly string[]).includes(text);
}

/** The catalogue entry of a group id. */
export function voterGroup(id: VoterGroupId): VoterGroupEntry {
  const entry = VOTER_GROUPS.find((g) => g.id === id);
  if (entry === undefined) throw new Error(`unknown voter group ${id}`);
  return entry;
}

/** The groups of a meeting of the given kind, in display order. */
export function groupsOfKind(kind: MeetingKind): readonly VoterGroupId[] {
  return VOTER_GROUPS.filter((g) => g.kind === kind).map((g) => g.id);
}

/** The group a roster category belongs to in a meeting of the given kind. */
export function groupOfCategoryIn(kind: MeetingKind, category: RepresentativeCategory): VoterGroupId {
  const entry = VOTER_GROUPS.find((g) => g.kind === kind && (g.categories as readonly string[]).includes(category));
  if (entry === undefined) throw new Error(`no ${kind} group gathers ${category}`);
  return entry.id;
}

/** Percent weight per group of a meeting of `kind`: the settings' weights, or 100 where the kind has one group. */
export function groupWeightsFor(kind: MeetingKind, weights: GroupWeightsSetting): Readonly<Partial<Record<VoterGroupId, number>>> {
  const groups = groupsOfKind(kind);
  if (groups.length === 1) return Object.fromEntries(groups.map((g) => [g, 100]));
  return Object.fromEntries(groups.map((g) => [g, weights[g as WeightedGroup]]));
}

/** The default weights of the weighted groups. */
export const DEFAULT_GROUP_WEIGHTS = Object.fromEntries(
  VOTER_GROUPS.filter((g) => g.kind === 'social').map((g) => [g.id, g.defaultWeight]),
) as GroupWeightsSetting;

/** `{ <id>: name }` for every group, in the given language and wording. */
export function groupNames(lang: 'zh' | 'en', which: 'name' | 'shortName' | 'formulaName'): Record<VoterGroupId, string> {
  return Object.fromEntries(VOTER_GROUPS.map((g) => [g.id, g[which][lang]])) as Record<VoterGroupId, string>;
}

/** `{ group_<id>: name }` message entries for an i18n table, in the given language. */
export function groupMessages(lang: 'zh' | 'en', which: 'name' | 'shortName' = 'name'): Record<`group_${VoterGroupId}`, string> {
  return Object.fromEntries(VOTER_GROUPS.map((g) => [`group_${g.id}`, g[which][lang]])) as Record<`group_${VoterGroupId}`, string>;
}
