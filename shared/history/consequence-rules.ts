/**
 * The consequence-rules table (结果运用): what the office's rules say a result leads to. The
 * chair edits it per campaign; the product shows, per object and round, the rules it meets and
 * why (the consecutive count with the rounds named). It suggests, never decides: every sheet and
 * view of it says 建议.
 */
import { z } from 'zod';
import type { HistoryEntry, HistoryMeasure } from './model';
import { inGradedBottom, inWorstTop, placeFromBottom, streakEndingAt, type HistoryRound, type ObjectEntries } from './consecutive';

/** The word every view and sheet of met rules carries: a suggestion for the leadership. */
export const SUGGESTION_MARK = '建议（供领导决策参考，不是处理决定）';

const base = {
  id: z.string().min(1).max(40),
  consequence: z.string().trim().min(1).max(200),
  enabled: z.boolean(),
};
const places = z.number().int().min(1).max(500);
const consecutive = z.number().int().min(1).max(50);

export const consequenceRuleSchema = z.discriminatedUnion('condition', [
  /** Worst list: position ≤ places in `consecutive` consecutive worst-list rounds. */
  z.strictObject({ ...base, condition: z.literal('worst-top'), places, consecutive }),
  /** Graded: among the last `places` of the ranking in `consecutive` consecutive graded rounds. */
  z.strictObject({ ...base, condition: z.literal('graded-bottom'), places, consecutive }),
  /** Graded: a round total below `threshold` points. */
  z.strictObject({ ...base, condition: z.literal('graded-below'), threshold: z.number().min(0).max(100) }),
  /** Worst list: annual-score deduction by position (amounts[0] for position 1, …). */
  z.strictObject({ ...base, condition: z.literal('worst-deduction'), amounts: z.array(z.number().min(0).max(1000)).min(1).max(50) }),
  /** Assigned by a committee (e.g. 蜗牛奖 per half-year): met where a 委员会评定 entry is recorded. */
  z.strictObject({ ...base, condition: z.literal('committee') }),
]);
export type ConsequenceRule = z.infer<typeof consequenceRuleSchema>;

export const consequenceRulesSchema = z.array(consequenceRuleSchema).max(50).refine((rules) => new Set(rules.map((r) => r.id)).size === rules.length, { message: 'rule ids must be unique' });

/** The defaults, from the sources (DOMAIN.md "What results lead to"); every one is the chair's to change. */
export const DEFAULT_CONSEQUENCE_RULES: readonly ConsequenceRule[] = [
  { id: 'worst-top10', condition: 'worst-top', places: 10, consecutive: 1, consequence: '分管领导谈话提醒；科室负责人3个月内不得提拔；位次及主要问题在媒体公布', enabled: true },
  { id: 'worst-top3', condition: 'worst-top', places: 3, consecutive: 1, consequence: '约谈科室负责人', enabled: true },
  { id: 'worst-top3x2', condition: 'worst-top', places: 3, consecutive: 2, consequence: '免去科室负责人职务', enabled: true },
  { id: 'worst-top3x3', condition: 'worst-top', places: 3, consecutive: 3, consequence: '免去分管领导职务', enabled: true },
  { id: 'graded-below70', condition: 'graded-below', threshold: 70, consequence: '引咎辞职（公开承诺制）', enabled: true },
  { id: 'worst-deduction', condition: 'worst-deduction', amounts: [10, 9, 8, 7, 6, 5, 4, 3, 2, 1], consequence: '年度绩效考核扣分', enabled: true },
  { id: 'graded-last', condition: 'graded-bottom', places: 1, consecutive: 1, consequence: '查找原因、限期整改，整改不力的按规定进行组织处理', enabled: true },
  { id: 'committee-snail', condition: 'committee', consequence: '蜗牛奖（评审委员会每半年评定）', enabled: true },
];

/** One rule an object meets in a round, with the reason in words (printed as it is). */
export interface MetRule {
  readonly ruleId: string;
  readonly consequence: string;
  readonly reason: string;
  /** The consecutive count behind the reason (1 for a single round). */
  readonly count: number;
  /** The rounds the reason names, oldest first. */
  readonly rounds: readonly string[];
}

/** What evaluating one object in one round needs. */
export interface RuleContext {
  readonly roundId: string;
  /** Rounds with a graded / a worst-list entry, in campaign order. */
  readonly measureRounds: Readonly<Record<HistoryMeasure, readonly HistoryRound[]>>;
  readonly entries: ObjectEntries;
  /** Texts of the committee labels (委员会评定) recorded for this object and round. */
  readonly labels: readonly string[];
}

/** A rule's condition in words, for the rules table. */
export function ruleConditionText(rule: ConsequenceRule): string {
  switch (rule.condition) {
    case 'worst-top':
      return rule.consecutive === 1 ? `评差前${rule.places}名` : `连续${rule.consecutive}次评差前${rule.places}名`;
    case 'graded-bottom':
      return `${rule.consecutive === 1 ? '' : `连续${rule.consecutive}次`}${rule.places === 1 ? '测评排名末位' : `测评排名倒数${rule.places}名`}`;
    case 'graded-below':
      return `测评总分低于${rule.threshold}分`;
    case 'worst-deduction':
      return `评差第1至${rule.amounts.length}名（扣 ${rule.amounts.join('、')} 分）`;
    case 'committee':
      return '评审委员会评定';
  }
}

function streakRule(
  ctx: RuleContext,
  measure: HistoryMeasure,
  hit: (entry: HistoryEntry) => boolean,
  consecutiveNeeded: number,
  single: (entry: HistoryEntry) => string,
  many: (count: number, names: string) => string,
): Omit<MetRule, 'ruleId' | 'consequence'> | null {
  const entry = ctx.entries.get(ctx.roundId)?.[measure];
  if (entry === undefined || !hit(entry)) return null;
  const streak = streakEndingAt(ctx.measureRounds[measure], ctx.entries, measure, ctx.roundId, hit);
  if (streak.length < consecutiveNeeded) return null;
  const names = streak.map((r) => r.name);
  if (consecutiveNeeded === 1) return { reason: single(entry), count: streak.length, rounds: names.slice(-1) };
  return { reason: many(streak.length, names.join('、')), count: streak.length, rounds: names };
}

/** Whether one rule is met for the object in ctx.roundId, and why; null when not (or disabled). */
export function evaluateRule(rule: ConsequenceRule, ctx: RuleContext): MetRule | null {
  if (!rule.enabled) return null;
  const met = ((): Omit<MetRule, 'ruleId' | 'consequence'> | null => {
    const round = ctx.entries.get(ctx.roundId);
    switch (rule.condition) {
      case 'worst-top':
        return streakRule(
          ctx,
          'worst',
          inWorstTop(rule.places),
          rule.consecutive,
          (e) => `评差第${e.rank ?? ''}名（前${rule.places}名）${e.vetoed ? '，一票否决' : ''}`,
          (count, names) => `连续${count}次前${rule.places}名（${names}）`,
        );
      case 'graded-bottom':
        return streakRule(
          ctx,
          'graded',
          inGradedBottom(rule.places),
          rule.consecutive,
          (e) => `测评第${e.rank ?? ''}名（共${e.ranked}名，倒数第${placeFromBottom(e) ?? ''}名）${e.vetoed ? '，一票否决' : ''}`,
          (count, names) => `连续${count}次倒数${rule.places}名（${names}）`,
        );
      case 'graded-below': {
        const entry = round?.graded;
        if (entry === undefined || entry.total === null || !(Number(entry.total) < rule.threshold)) return null;
        return { reason: `总分 ${entry.total} 分，低于 ${rule.threshold} 分`, count: 1, rounds: [] };
      }
      case 'worst-deduction': {
        const entry = round?.worst;
        if (entry === undefined || entry.rank === null) return null;
        const amount = rule.amounts[entry.rank - 1];
        if (amount === undefined) return null;
        return { reason: `评差第${entry.rank}名：扣 ${amount} 分`, count: 1, rounds: [] };
      }
      case 'committee':
        return ctx.labels.length === 0 ? null : { reason: `评审委员会评定：${ctx.labels.join('；')}`, count: 1, rounds: [] };
    }
  })();
  return met === null ? null : { ruleId: rule.id, consequence: rule.consequence, ...met };
}

/** Every enabled rule the object meets in ctx.roundId, in the table's order. */
export function rulesMet(rules: readonly ConsequenceRule[], ctx: RuleContext): MetRule[] {
  return rules.flatMap((rule) => {
    const met = evaluateRule(rule, ctx);
    return met === null ? [] : [met];
  });
}
