/**
 * Per-object explanations: the formula steps with that object's own numbers, structured so a
 * screen can lay them out and formatted as one line so anyone in the room can check by hand.
 * Intermediate figures are printed rounded to 2 decimals while the tally itself computes
 * exactly, so recomputing from the printed figures may differ by 0.01 at most per step.
 */
import type { MeetingKind, VoterGroup } from '../domain/model';
import { groupNames } from '../domain/voter-groups';
import { assertNever } from '../domain/result';
import { div, fromInt, fromNumber, toExactDecimal, toFixed2 } from './exact-number';

/** Why a group's figures are not shown: it is small itself, or its figures would reveal a small group's. */
export type HiddenReason = 'small' | 'complement';

/** Why a component of the total is missing. */
export type MissingReason = 'not-held' | 'not-evaluated' | 'incomplete';

/** One weighted term of a meeting score (or of a combined nomination rate). */
export interface GroupTerm {
  readonly group: VoterGroup;
  /** Percent weight of the group (30 for 30 %). */
  readonly weight: number;
  /** The group's rounded figure, null when the group has no answers or is hidden. */
  readonly figure: string | null;
  readonly hidden: boolean;
}

/** One step of an explanation. */
export type ExplanationStep =
  | {
      readonly kind: 'indicator-mean';
      readonly group: VoterGroup;
      readonly indicatorId: string;
      readonly indicatorName: string;
      /** Exact sum of points, as a decimal. */
      readonly sumPoints: string;
      readonly answered: number;
      readonly abstentions: number;
      readonly mean: string;
    }
  | {
      readonly kind: 'group-score';
      readonly group: VoterGroup;
      readonly terms: readonly { readonly indicatorId: string; readonly weight: number; readonly mean: string }[];
      readonly weightSum: number;
      readonly result: string;
    }
  | { readonly kind: 'group-missing'; readonly group: VoterGroup }
  | { readonly kind: 'group-hidden'; readonly group: VoterGroup; readonly reason: HiddenReason; readonly smallGroupK: number }
  | { readonly kind: 'meeting-score'; readonly meeting: MeetingKind; readonly terms: readonly GroupTerm[]; readonly result: string | null }
  | { readonly kind: 'component-points'; readonly component: MeetingKind; readonly points: number; readonly score: string; readonly result: string }
  | {
      readonly kind: 'component-missing';
      readonly component: MeetingKind;
      readonly reason: MissingReason;
      readonly missingGroups: readonly VoterGroup[];
    }
  | { readonly kind: 'total'; readonly terms: readonly (string | null)[]; readonly result: string | null }
  | {
      readonly kind: 'nomination-rate';
      readonly group: VoterGroup;
      readonly nominations: number;
      readonly ballots: number;
      readonly rate: string | null;
    }
  | { readonly kind: 'combined-rate'; readonly terms: readonly GroupTerm[]; readonly result: string | null }
  | { readonly kind: 'veto'; readonly reason: string };

/** The steps that lead to one object's figure, in reading order. */
export interface Explanation {
  readonly steps: readonly ExplanationStep[];
}

/** Languages explanations are written in. */
export type ExplanationLocale = 'zh' | 'en';

/**
 * The voter groups' short names in formulas, notes and exported tables (the console's longer
 * names, e.g. 人大代表、政协委员、分管领导, head the tables; these fit inside a formula line).
 */
export const GROUP_LABELS: Record<ExplanationLocale, Record<VoterGroup, string>> = {
  zh: groupNames('zh', 'formulaName'),
  en: groupNames('en', 'formulaName'),
};

const MEETING_LABELS: Record<ExplanationLocale, Record<MeetingKind, string>> = {
  zh: { social: '社会测评', self: '单位自评' },
  en: { social: 'social', self: 'self' },
};

/** A percent weight as the fraction it multiplies by: 30 → "0.30", 33.5 → "0.335". */
function weightFraction(percent: number): string {
  const exact = toExactDecimal(div(fromNumber(percent), fromInt(100)));
  // Always terminates (a decimal divided by 100); pad to 2 places so 30 % reads 0.30, not 0.3.
  const text = exact ?? toFixed2(div(fromNumber(percent), fromInt(100)));
  const [whole = '0', fraction = ''] = text.split('.');
  return `${whole}.${fraction.padEnd(2, '0')}`;
}

function groupTerms(terms: readonly GroupTerm[], locale: ExplanationLocale, suffix: string): string {
  // A missing term of a meeting score is a group without answers; of a nomination rate, a group without ballots.
  const missing = suffix === '' ? (locale === 'zh' ? '（无评分）' : '(no answers)') : locale === 'zh' ? '（无票）' : '(no ballots)';
  const hidden = locale === 'zh' ? '（不公开）' : '(hidden)';
  return terms
    .map((t) => `${weightFraction(t.weight)}×${t.hidden ? hidden : t.figure === null ? missing : `${t.figure}${suffix}`}`)
    .join(' + ');
}

function formatStep(step: ExplanationStep, locale: ExplanationLocale): string {
  const zh = locale === 'zh';
  const group = (g: VoterGroup): string => GROUP_LABELS[locale][g];
  const meeting = (m: MeetingKind): string => MEETING_LABELS[locale][m];
  switch (step.kind) {
    case 'indicator-mean': {
      const abstained =
        step.abstentions === 0 ? '' : zh ? `（弃权${step.abstentions}）` : ` (${step.abstentions} abstained)`;
      return `${group(step.group)}·${step.indicatorName} ${step.sumPoints}÷${step.answered} = ${step.mean}${abstained}`;
    }
    case 'group-score': {
      const terms = step.terms.map((t) => `${t.mean}×${t.weight}`).join(' + ');
      return `${group(step.group)} (${terms})÷${step.weightSum} = ${step.result}`;
    }
    case 'group-missing':
      return zh ? `${group(step.group)}无人评分` : `${group(step.group)}: no answers`;
    case 'group-hidden':
      if (step.reason === 'small') {
        return zh
          ? `${group(step.group)}不足${step.smallGroupK}票，分组数据不公开`
          : `${group(step.group)}: fewer than ${step.smallGroupK} ballots, figures hidden`;
      }
      return zh
        ? `${group(step.group)}分组数据不公开（以免推算出小组结果）`
        : `${group(step.group)}: figures hidden (they would reveal a small group's)`;
    case 'meeting-score': {
      const formula = `${meeting(step.meeting)} = ${groupTerms(step.terms, locale, '')}`;
      if (step.result !== null) return `${formula} = ${step.result}`;
      return zh ? `${formula}：结果不完整，不折算` : `${formula}: incomplete, not re-weighted`;
    }
    case 'component-points':
      return zh
        ? `${meeting(step.component)}得分 = ${step.points}×${step.score}÷100 = ${step.result}`
        : `${meeting(step.component)} points = ${step.points}×${step.score}/100 = ${step.result}`;
    case 'component-missing': {
      const missingGroups = step.missingGroups.map(group).join(zh ? '、' : ', ');
      const reason = step.reason;
      switch (reason) {
        case 'not-held':
          return zh ? `${meeting(step.component)}未举行` : `${meeting(step.component)} evaluation not held`;
        case 'not-evaluated':
          return zh ? `${meeting(step.component)}未评议该对象` : `${meeting(step.component)} evaluation did not include this object`;
        case 'incomplete':
          // No group named where a hidden group is the cause (redactRoundSteps).
          if (step.missingGroups.length === 0) return zh ? `${meeting(step.component)}结果不完整` : `${meeting(step.component)} result incomplete`;
          return zh
            ? `${meeting(step.component)}结果不完整（${missingGroups}无评分）`
            : `${meeting(step.component)} result incomplete (no answers from ${missingGroups})`;
        default:
          return assertNever(reason, 'missing reason');
      }
    }
    case 'total': {
      if (step.result === null) return zh ? '总分不完整，不推算' : 'total incomplete, not estimated';
      const terms = step.terms.map((t) => t ?? '?').join(' + ');
      return zh ? `总分 = ${terms} = ${step.result}` : `total = ${terms} = ${step.result}`;
    }
    case 'nomination-rate':
      if (step.rate === null) return zh ? `${group(step.group)}无人投票` : `${group(step.group)}: no ballots cast`;
      return zh
        ? `${group(step.group)}提名率 ${step.nominations}÷${step.ballots} = ${step.rate}%`
        : `${group(step.group)} nomination rate ${step.nominations}/${step.ballots} = ${step.rate}%`;
    case 'combined-rate': {
      const formula = `${zh ? '综合提名率' : 'combined rate'} = ${groupTerms(step.terms, locale, '%')}`;
      if (step.result !== null) return `${formula} = ${step.result}%`;
      return zh ? `${formula}：结果不完整，不折算` : `${formula}: incomplete, not re-weighted`;
    }
    case 'veto':
      return zh ? `一票否决：${step.reason}` : `veto: ${step.reason}`;
    default:
      return assertNever(step, 'explanation step');
  }
}

/** Writes an explanation as one readable paragraph in Chinese or English. */
export function formatExplanation(explanation: Explanation, locale: ExplanationLocale): string {
  if (explanation.steps.length === 0) return '';
  const parts = explanation.steps.map((step) => formatStep(step, locale));
  return locale === 'zh' ? `${parts.join('；')}。` : `${parts.join('; ')}.`;
}
