/**
 * The voter-group catalogue: every voter group once, with its names, the meeting kind it votes
 * in, the roster categories it gathers and its default weight. Labels, enums, lists and default
 * weights derive from here, so a third group is one entry (plus its roster category, if new,
 * in the category catalogue below: its label, the words an import reads as it, where it is offered).
 *
 * Plain data, no zod: the tablet bundle may import it.
 */
import type { MeetingKind } from './model';

/**
 * The roster categories (代表类别): the label the product prints and the console shows, the words
 * an imported roster may use for it besides the label, and its place in the console's category
 * list per meeting kind (absent: not offered there).
 */
export interface RepresentativeCategoryEntry {
  readonly id: string;
  readonly label: { readonly zh: string; readonly en: string };
  readonly synonyms: RegExp;
  readonly offered: Readonly<Partial<Record<MeetingKind, number>>>;
}

export const REPRESENTATIVE_CATEGORIES = [
  { id: 'npc', label: { zh: '人大代表', en: 'NPC deputy' }, synonyms: /^(全国|省|市|州|区|县|镇|乡)?人大(代表)?$/, offered: { social: 1, self: 3 } },
  { id: 'cppcc', label: { zh: '政协委员', en: 'CPPCC member' }, synonyms: /^(全国|省|市|州|区|县)?政协(委员)?$/, offered: { social: 2, self: 4 } },
  { id: 'leader', label: { zh: '分管领导', en: 'Leader in charge' }, synonyms: /^(分管)?(区|县|市)?领导$/, offered: { social: 3, self: 2 } },
  {
    id: 'recipient',
    label: { zh: '服务对象', en: 'Service recipient' },
    synonyms: /^(服务对象(代表)?|企业(代表)?|群众(代表)?|企业家代表|市民代表|居民代表|村民代表|个体工商户(代表)?)$/,
    offered: { social: 4, self: 5 },
  },
  { id: 'staff', label: { zh: '本单位干部', en: 'Staff of the unit' }, synonyms: /^(本单位)?(干部|职工|干部职工)$|^机关干部$/, offered: { self: 1 } },
] as const satisfies readonly RepresentativeCategoryEntry[];

/** Roster categories: 人大代表, 政协委员, 分管领导 are officials; 服务对象 are recipients; 本单位干部 vote in self-evaluation. */
export type RepresentativeCategory = (typeof REPRESENTATIVE_CATEGORIES)[number]['id'];

/** Every category id, in catalogue order (the zod enums and the stored-row check derive from it). */
export const REPRESENTATIVE_CATEGORY_IDS = REPRESENTATIVE_CATEGORIES.map((c) => c.id) as [RepresentativeCategory, ...RepresentativeCategory[]];

/** The categories the console offers for a roster of a meeting of `kind`, in its order. */
export function categoriesOffered(kind: MeetingKind): RepresentativeCategory[] {
  const offered = (c: RepresentativeCategoryEntry): number | undefined => c.offered[kind];
  return [...REPRESENTATIVE_CATEGORIES]
    .filter((c) => offered(c) !== undefined)
    .sort((a, b) => (offered(a) ?? 0) - (offered(b) ?? 0))
    .map((c) => c.id);
}

/** `{ <id>: label }` for every category, in the given language. */
export function categoryLabels(lang: 'zh' | 'en'): Record<RepresentativeCategory, string> {
  return Object.fromEntries(REPRESENTATIVE_CATEGORIES.map((c) => [c.id, c.label[lang]])) as Record<RepresentativeCategory, string>;
}

/** `{ <prefix><id>: label }` message entries for an i18n table, in the given language. */
export function categoryMessages<P extends string>(lang: 'zh' | 'en', prefix: P): Record<`${P}${RepresentativeCategory}`, string> {
  return Object.fromEntries(REPRESENTATIVE_CATEGORIES.map((c) => [`${prefix}${c.id}`, c.label[lang]])) as Record<`${P}${RepresentativeCategory}`, string>;
}

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
