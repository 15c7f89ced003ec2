/**
 * From MeetingData to what the console, the sheets and the exports show: the pure tally
 * (shared/tally), redacted for small groups, ranked (per category when asked), with each
 * object's formula written out in both languages.
 */
import type {
  FormulaLines,
  MeetingPublication,
  MeetingResults,
  ResultGroup,
  ResultGroupSummary,
  ResultRow,
} from '../../../../shared/api/chair/results';
import { groupsOf, type MeetingKind, type MeetingSettings } from '../../../../shared/domain/model';
import { groupWeightsFor } from '../../../../shared/domain/voter-groups';
import { fail, ok, type Result } from '../../../../shared/domain/result';
import {
  checkGradedInput,
  checkWorstInput,
  DEFAULT_ROUNDING_MODE,
  DEFAULT_TOP_N,
  formatExplanation,
  redactSmallGroups,
  tallyWorstMeeting,
  type Explanation,
  type ExplanationStep,
  type GradedGroupResult,
  type GroupSummary,
  type GroupWeights,
  type RankOrder,
  type WorstGroupResult,
  checkVetoes,
  GROUP_LABELS,
  hundredthsOf,
  partitionByCategory,
  rankObjects,
  tallyFail,
} from '../../../../shared/tally';
import type { MeetingData } from './meeting-data';
import { oncePerBallotSet, tallyGradedOnce } from './tally-memo';
import { gradedPublication, worstPublication } from './publication';
import { incompleteNote } from '../../../../shared/rules/rule-text';

/** How the chair wants a ranking laid out. */
export interface ResultsView {
  readonly order?: RankOrder;
  readonly byCategory?: boolean;
}

const GROUP_NAMES = GROUP_LABELS.zh;

/** Percent weight per group: the settings' 30/70 for a social meeting, 100 for the one group of a self-evaluation. */
export function groupWeightsOf(kind: MeetingKind, settings: MeetingSettings): GroupWeights {
  return groupWeightsFor(kind, settings.groupWeights);
}

/** Each step as its own line, in the words of formatExplanation (without the closing stop). */
export function formulaLines(steps: readonly ExplanationStep[]): FormulaLines {
  const line = (step: ExplanationStep, locale: 'zh' | 'en'): string => formatExplanation({ steps: [step] }, locale).replace(/[。.]$/u, '');
  return { zh: steps.map((s) => line(s, 'zh')), en: steps.map((s) => line(s, 'en')) };
}

/**
 * Answers a broken tally input as a Result the chair can pass on, instead of a thrown exception.
 * A closed meeting's answer is kept with its ballot set (tally-memo.ts): the check walks every
 * answer of every ballot, and the results views and sheets of one meeting all ask for it.
 */
export function checkMeetingData(data: MeetingData): Result<true> {
  const key = `check:${data.kind}:${JSON.stringify(data.definition)}:${JSON.stringify(data.vetoes)}`;
  return oncePerBallotSet(data.ballotSetVersion, key, () => checkMeetingDataNow(data));
}

function checkMeetingDataNow(data: MeetingData): Result<true> {
  const { definition, kind } = data;
  const common = {
    objects: definition.objects,
    groups: groupsOf(kind),
    groupWeights: groupWeightsOf(kind, definition.settings),
    smallGroupK: definition.settings.smallGroupK,
    ballots: data.ballots,
  };
  const checked =
    definition.ballotType === 'graded'
      ? checkGradedInput({ ...common, indicatorSets: definition.indicatorSets, gradeScale: definition.settings.gradeScale })
      : definition.tagSet === null
        ? tallyFail('indicators', 'the worst-list meeting has no problem set')
        : checkWorstInput({ ...common, tags: definition.tagSet, topN: DEFAULT_TOP_N, vetoes: data.vetoes });
  const vetoes = checked.ok ? checkVetoes({ objects: definition.objects, vetoes: data.vetoes }) : checked;
  if (vetoes.ok) return vetoes;
  return fail('tally_input', { scope: 'meeting', check: vetoes.error.code, detail: vetoes.error.params?.['detail'] ?? vetoes.error.code }, vetoes.error.details);
}


function summaryOf(g: GroupSummary): ResultGroupSummary {
  return { group: g.group, weight: g.weight, ballots: g.ballots, hidden: g.hidden, hiddenReason: g.hiddenReason };
}

function gradedGroup(g: GradedGroupResult): ResultGroup {
  if (g.redacted) return { ...summaryOf(g), figure: null, count: null, indicators: [], tags: [] };
  return {
    ...summaryOf(g),
    figure: g.score?.rounded ?? null,
    count: g.answeredBallots,
    indicators: g.indicators.map((i) => ({
      indicatorId: i.indicatorId,
      name: i.name,
      weight: i.weight,
      answered: i.answered,
      abstentions: i.abstentions,
      mean: i.mean?.rounded ?? null,
      gradeCounts: i.gradeCounts,
    })),
    tags: [],
  };
}

function worstGroup(g: WorstGroupResult): ResultGroup {
  if (g.redacted) return { ...summaryOf(g), figure: null, count: null, indicators: [], tags: [] };
  return { ...summaryOf(g), figure: g.rate?.rounded ?? null, count: g.nominations, indicators: [], tags: g.tagCounts };
}

type Unranked = Omit<ResultRow, 'rank'> & { readonly key: bigint | null };


/** Computes a meeting's results. Call checkMeetingData first: the tally throws on a broken input. */
export function computeMeetingResults(data: MeetingData, view: ResultsView = {}): MeetingResults {
  const { definition, kind } = data;
  const settings = definition.settings;
  const common = {
    objects: definition.objects,
    groups: groupsOf(kind),
    groupWeights: groupWeightsOf(kind, settings),
    smallGroupK: settings.smallGroupK,
    ballots: data.ballots,
    roundingMode: settings.roundingMode ?? DEFAULT_ROUNDING_MODE,
  };
  const vetoReasons = new Map<string, string>();
  for (const veto of data.vetoes) vetoReasons.set(veto.objectId, veto.reason);
  const withVeto = (explanation: Explanation, objectId: string, tallied: boolean): FormulaLines => {
    const reason = vetoReasons.get(objectId);
    // The worst-list tally writes its own veto step; a graded meeting's tally knows no vetoes.
    const steps = reason !== undefined && !tallied ? [...explanation.steps, { kind: 'veto' as const, reason }] : explanation.steps;
    return formulaLines(steps);
  };

  let unranked: Unranked[];
  let groups: readonly GroupSummary[];
  let topIds: readonly { readonly objectId: string; readonly rank: number }[] = [];
  let publication: MeetingPublication;
  let topN: number | null = null;
  let order: RankOrder;
  if (definition.ballotType === 'graded') {
    const tally = redactSmallGroups(tallyGradedOnce({ ...common, indicatorSets: definition.indicatorSets, gradeScale: settings.gradeScale }, data.ballotSetVersion));
    groups = tally.groups;
    order = view.order ?? 'best-first';
    unranked = tally.objects.map((o) => {
      const vetoReason = vetoReasons.get(o.objectId) ?? null;
      return {
        objectId: o.objectId,
        name: o.name,
        department: o.department,
        category: o.category,
        score: o.score?.rounded ?? null,
        exact: o.score?.exact ?? null,
        key: o.score === null ? null : hundredthsOf(o.score),
        incomplete: o.incomplete,
        missingGroups: o.missingGroups,
        vetoed: vetoReason !== null,
        vetoReason,
        nominations: null,
        mainProblems: [],
        note: vetoReason !== null ? `一票否决：${vetoReason}` : o.incomplete ? incompleteNote(o.missingGroups) : '',
        groups: o.groups.map(gradedGroup),
        formula: withVeto(o.explanation, o.objectId, false),
      };
    });
    publication = gradedPublication(definition, tally.groups, unranked, common.roundingMode, data.ballotSetVersion);
  } else {
    if (definition.tagSet === null) throw new Error('worst-list meeting without its problem set');
    const tally = redactSmallGroups(tallyWorstMeeting({ ...common, tags: definition.tagSet, vetoes: data.vetoes }));
    groups = tally.groups;
    // A worst-list ranking has one direction: the most nominated is the hardest to deal with.
    order = 'worst-first';
    topIds = tally.top;
    topN = tally.topN;
    unranked = tally.objects.map((o) => ({
      objectId: o.objectId,
      name: o.name,
      department: o.department,
      category: o.category,
      score: o.rate?.rounded ?? null,
      exact: o.rate?.exact ?? null,
      key: o.rate === null ? null : hundredthsOf(o.rate),
      incomplete: o.incomplete,
      missingGroups: o.missingGroups,
      vetoed: o.vetoed,
      vetoReason: o.vetoReason,
      nominations: o.nominations,
      mainProblems: o.mainProblems,
      note: o.vetoed
        ? `一票否决：${o.vetoReason ?? ''}`
        : o.incomplete
          ? `数据不完整：${o.missingGroups.map((g) => GROUP_NAMES[g]).join('、')}无人投票`
          : o.mainProblems.map((p) => `${p.name}${p.count}`).join('、'),
      groups: o.groups.map(worstGroup),
      formula: withVeto(o.explanation, o.objectId, true),
    }));
    publication = worstPublication(tally.groups, unranked.map((row) => row.score), settings.smallGroupK, common.roundingMode);
  }

  const byCategory = view.byCategory ?? false;
  const mode = definition.ballotType === 'worst' ? 'worst-list' : order;
  const rankings = partitionByCategory(unranked, byCategory).map(({ category, rows }) => ({
    category,
    rows: rankObjects(rows, (row) => row.key, mode).map(({ key: _key, rank, ...rest }): ResultRow => ({ rank, ...rest })),
  }));
  const allRows = rankings.flatMap((r) => r.rows);
  const rowsById = new Map(allRows.map((row) => [row.objectId, row]));
  const top: ResultRow[] = [];
  for (const entry of topIds) {
    const row = rowsById.get(entry.objectId);
    if (row !== undefined) top.push({ ...row, rank: entry.rank });
  }
  return {
    meetingId: data.meetingId,
    title: data.title,
    kind,
    ballotType: definition.ballotType,
    status: data.status,
    ballots: data.ballots.length,
    order,
    byCategory,
    smallGroupK: settings.smallGroupK,
    roundingMode: settings.roundingMode ?? DEFAULT_ROUNDING_MODE,
    groups: groups.map(summaryOf),
    gradeLabels: settings.gradeScale.map((g) => g.label),
    rankings,
    rows: allRows,
    top,
    topN,
    publication,
  };
}

/** Loads nothing: checks, then computes; the tally's invariants come back as a Result. */
export function meetingResultsOf(data: MeetingData, view: ResultsView = {}): Result<MeetingResults> {
  const checked = checkMeetingData(data);
  if (!checked.ok) return checked;
  return ok(computeMeetingResults(data, view));
}
