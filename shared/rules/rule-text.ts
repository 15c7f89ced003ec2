/**
 * The 计分办法 printed under a sheet, written from the meeting's own settings: group weights,
 * component points, grade points, the rounding mode, K, the small-group threshold and the
 * incomplete rule. A layout never states a rule itself, so a 40/60 meeting can never print 30/70
 * next to a 0.40× formula. One function per sheet basis; every number comes from the input.
 */
import type { ComponentPoints, MeetingSettings, RoundingMode, VoterGroup } from '../domain/model';
import { GROUP_NAMES_ZH } from './group-names';
import { publishedNamesMissingGroups } from '../tally/incomplete-row-check';
import { DEFAULT_ROUND_SETTINGS } from '../domain/defaults';
import { WEIGHTED_GROUPS } from '../domain/voter-groups';

/** Which ranking a sheet prints: the round's combined totals, one graded meeting's scores, or a worst-list. */
export type RuleBasis = 'round' | 'social' | 'self' | 'worst';

export interface RuleTextInput {
  readonly basis: RuleBasis;
  readonly settings: Pick<MeetingSettings, 'groupWeights' | 'gradeScale' | 'smallGroupK' | 'worstK' | 'roundingMode'>;
  /** Round: the round's split of the total (its RoundSettings), printed in the first line. */
  readonly componentPoints?: ComponentPoints;
  /** Worst-list: how many places are published. */
  readonly topN?: number;
  /** Graded: which end gets rank 1 (the vetoed take the other end). */
  readonly order?: 'best-first' | 'worst-first';
}

/** "30" or "33.5": weights and points as the chair typed them, without trailing zeros. */
function n(value: number): string {
  return String(Number(value.toFixed(2)));
}

/** Every weighted group of the catalogue with its weight, so a third group is stated too. */
function weightsLine(settings: RuleTextInput['settings'], what: string): string {
  const parts = WEIGHTED_GROUPS.map((g) => `${GROUP_NAMES_ZH[g]}占${n(settings.groupWeights[g])}%`);
  return `${what}中${parts.join('，')}，不论到会人数多少均按此比例计算。`;
}

function gradesLine(settings: RuleTextInput['settings']): string {
  const grades = settings.gradeScale.map((g) => `${g.label}${n(g.points)}分`).join('、');
  return `评分等级：${grades}；弃权不计入平均分。各项指标按指标体系的权重加权平均，某组无人作答的指标不计入该组得分。`;
}

/** The rounding sentence for graded sheets: what the reader can check with a pen. */
export function roundingLine(mode: RoundingMode, basis: 'round' | 'social' | 'self'): string {
  if (mode === 'printed') {
    const chain =
      basis === 'round'
        ? '各组得分、测评得分、折算分（得分 × 分值 ÷ 100）依次四舍五入保留两位小数，下一步用保留后的数值计算；总分为两项折算分之和'
        : '各项平均分、各组得分、测评得分依次四舍五入保留两位小数，下一步用保留后的数值计算';
    return `${chain}；按表中所列${basis === 'round' ? '总分' : '得分'}排序，相同者名次并列。`;
  }
  return `按精确值计算，只对${basis === 'round' ? '总分' : '得分'}四舍五入保留两位小数，按保留后的数值排序，相同者名次并列。`;
}

/** The footnote an exact-mode sheet carries; null in printed mode, where the parts add up as printed. */
export function roundingFootnote(mode: RoundingMode): string | null {
  if (mode === 'printed') return null;
  return '注：本次评议设置为“一次取舍”（精确计算）：分项保留四位小数，总分由精确值四舍五入得出，可能与两位小数分项之和相差 0.01。';
}

function smallGroupLine(settings: RuleTextInput['settings']): string {
  return `某组选票少于${settings.smallGroupK}张时，不公布该组及其他组的分组数据，以免推算出该组的评价。`;
}

function vetoLine(order: 'best-first' | 'worst-first'): string {
  return order === 'best-first' ? '经查实的一票否决对象列于最后，并注明理由。' : '经查实的一票否决对象列于最前，并注明理由。';
}

/** The rule text of a sheet, one sentence a line, from the meeting's settings. */
export function ruleText(input: RuleTextInput): readonly string[] {
  const { basis, settings } = input;
  const mode = settings.roundingMode ?? 'printed';
  if (basis === 'worst') {
    const rates = WEIGHTED_GROUPS.map((g) => `${GROUP_NAMES_ZH[g]}提名率 × ${n(settings.groupWeights[g])}%`).join(' + ');
    return [
      `每位代表最多提名${settings.worstK}个最难办事的评议对象，并可勾选所见问题。`,
      `综合提名率 = ${rates}（提名率 = 提名票数 ÷ 该组选票数），${mode === 'printed' ? '各率四舍五入保留两位小数后再合计' : '按精确值合计后四舍五入保留两位小数'}，从高到低排列，公布前${input.topN ?? 10}名。`,
      '某组无人投票的，综合提名率记为“数据不完整”，不排名，不把该组权重转给其他组。',
      smallGroupLine(settings),
      '经查实“吃拿卡要”的一票否决，直接列为第一，并注明理由。',
    ];
  }
  const lines: string[] = [];
  if (basis === 'round') {
    const points = input.componentPoints ?? DEFAULT_ROUND_SETTINGS.componentPoints;
    lines.push(`单位自评和社会测评分别折算为${n(points.self)}分、${n(points.social)}分，两项合计为评议得分（总分）。`);
    lines.push(weightsLine(settings, '社会测评'));
  } else if (basis === 'social') {
    lines.push(weightsLine(settings, '本场社会测评'));
  } else {
    lines.push('单位自评按本单位干部职工的评分计算，百分制。');
  }
  lines.push(gradesLine(settings));
  lines.push(roundingLine(mode, basis));
  lines.push(
    basis === 'round'
      ? '任一项测评中某组对该对象全部未作答，或该对象未参加某项测评的，记为“数据不完整”，不折算总分、不排名，不把该组权重转给其他组。'
      : '某组对该对象全部未作答的，记为“数据不完整”，不排名，不把该组权重转给其他组。',
  );
  lines.push(smallGroupLine(settings));
  lines.push(vetoLine(input.order ?? 'best-first'));
  return lines;
}

/** The group names as rules and sheets print them (re-exported for callers of the rules). */
export function groupNameZh(group: VoterGroup): string {
  return GROUP_NAMES_ZH[group];
}

/** Why a meeting's figures stay off the published outputs (as MeetingPublication says it). */
export type WithholdReason = 'single-group' | 'determined' | 'unproven' | 'answered' | null;

/** A graded row's note when a group gave no answer for the object: names the groups (the signed sheet, the console). */
export function incompleteNote(missing: readonly VoterGroup[]): string {
  return `数据不完整：${missing.map((g) => GROUP_NAMES_ZH[g]).join('、')}无评分，不折算`;
}

/**
 * What a published output says of an incomplete graded row: the groups are named only where no
 * group is small, since "the 3 officials gave no answer" is their count
 * (shared/tally/incomplete-row-check.ts proves the unnamed form safe).
 */
export function publishedIncompleteNote(groups: readonly { readonly ballots: number }[], smallGroupK: number, missing: readonly VoterGroup[]): string {
  return publishedNamesMissingGroups(groups, smallGroupK) ? incompleteNote(missing) : INCOMPLETE_UNNAMED;
}

/** An incomplete row on a published output where a group is small: no group named. */
export const INCOMPLETE_UNNAMED = '数据不完整，不折算';

/**
 * What a meeting with a small group leaves out of what is published, and why: said on the
 * internal signed sheet and with the results export. Null when no group is small. Graded
 * meetings withhold their scores where the check (shared/tally/graded-small-group-check.ts)
 * cannot show two different small-group scores behind every published score; worst-list
 * meetings their combined rates where one fits a single count (small-group-check.ts).
 */
export function withheldNote(input: {
  readonly ballotType: 'graded' | 'worst';
  readonly groups: readonly { readonly group: VoterGroup; readonly ballots: number }[];
  readonly smallGroupK: number;
  readonly figuresWithheld: boolean;
  readonly reason: WithholdReason;
  /** i13: how many objects are incomplete (a group gave no answer); their published rows name no group. */
  readonly incompleteObjects?: number;
}): string | null {
  const { groups, smallGroupK } = input;
  const small = groups.filter((g) => g.ballots > 0 && g.ballots < smallGroupK);
  if (small.length === 0) return null;
  const who = small.map((g) => `${GROUP_NAMES_ZH[g.group]}只有 ${g.ballots} 张选票`).join('，');
  const incomplete =
    input.ballotType === 'graded' && (input.incompleteObjects ?? 0) > 0
      ? `有 ${input.incompleteObjects ?? 0} 个对象数据不完整：公布时只写“${INCOMPLETE_UNNAMED}”，不写是哪一组无评分（写出来就等于说出该组全部选票都未评该对象），签字的排序表写明。`
      : '';
  if (input.ballotType === 'worst') {
    const what = input.figuresWithheld
      ? '综合提名率与各组票数一起可以推算出该组的提名票数，因此结果导出文件不列综合提名率和各组数据'
      : '结果导出文件不列各组数据（经逐一核算，综合提名率推算不出该组的提名票数）';
    return `${who}（少于 ${smallGroupK} 张）：${what}；公布表只列位次及主要问题。`;
  }
  const published = '结果导出文件、本轮综合排序导出和投影公布只列名次，不列得分和各组数据；本表所列得分只供签字核验，不得公开';
  const why =
    input.reason === 'single-group'
      ? '本场只有这一组代表，得分就是该组的评分'
      : input.reason === 'determined'
        ? '经逐一核算，有对象的得分与各组票数一起只能对应该组的一种评分'
        : input.reason === 'answered'
          ? '该组只有一张选票，对象有无该组评分就说明了这张选票是否评了该对象'
          : '逐一核算未能证明每个对象的得分都推算不出该组的评分';
  return input.figuresWithheld
    ? `${who}（少于 ${smallGroupK} 张）：${why}，因此${published}。${incomplete}`
    : `${who}（少于 ${smallGroupK} 张）：结果导出文件不列各组数据（经逐一核算，每个对象的得分都至少对应该组两种不同的评分，推算不出该组的评分）。${incomplete}`;
}
