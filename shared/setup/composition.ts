/**
 * The 30 % / 70 % rule on a roster (DOMAIN.md): at least 30 representatives, of whom officials
 * (人大代表, 政协委员, 分管领导) are round(0.3·N) within one person. When the roster breaks it,
 * the advice is the smallest number of people to add, never to send anyone home.
 */

/** Fewest representatives a social-evaluation meeting may have. */
export const MIN_REPRESENTATIVES = 30;
/** Officials may differ from round(0.3·N) by at most this many people. */
export const OFFICIALS_TOLERANCE = 1;

export interface CompositionProblem {
  readonly code: 'too_few_representatives' | 'too_few_officials' | 'too_many_officials';
  readonly message: string;
  readonly messageEn: string;
}

export interface CompositionCheck {
  readonly ok: boolean;
  readonly total: number;
  readonly officials: number;
  readonly recipients: number;
  /** round(0.3·total), half up. */
  readonly requiredOfficials: number;
  readonly problems: readonly CompositionProblem[];
  /** The smallest additions that make the roster valid (both 0 when it is valid). */
  readonly add: { readonly officials: number; readonly recipients: number };
  /** Exact advice in Chinese, e.g. "再增加 2 名服务对象代表"; empty when the roster is valid. */
  readonly fix: string;
  readonly fixEn: string;
}

/** round(0.3·n) half up, computed on integers: (3n + 5) div 10. */
export function requiredOfficials(total: number): number {
  return Math.floor((3 * total + 5) / 10);
}

/** Whether a roster of these counts keeps the rule. */
export function isCompositionValid(officials: number, recipients: number): boolean {
  const total = officials + recipients;
  return total >= MIN_REPRESENTATIVES && Math.abs(officials - requiredOfficials(total)) <= OFFICIALS_TOLERANCE;
}

/**
 * The fewest additions (a officials, b recipients) that make the roster valid. Among equally few,
 * the one that brings officials closest to round(0.3·N'). Searches N' upwards from max(N, 30): for a
 * given N' the additions total N' − N, so the first N' with a feasible officials count is minimal.
 */
export function minimalAdditions(officials: number, recipients: number): { officials: number; recipients: number } {
  const total = officials + recipients;
  for (let target = Math.max(total, MIN_REPRESENTATIVES); ; target++) {
    const required = requiredOfficials(target);
    const low = Math.max(officials, required - OFFICIALS_TOLERANCE);
    const high = Math.min(required + OFFICIALS_TOLERANCE, target - recipients);
    if (low <= high) {
      const best = Math.min(Math.max(required, low), high);
      return { officials: best - officials, recipients: target - best - recipients };
    }
  }
}

const OFFICIALS_ZH = '官员类代表（人大代表、政协委员或分管领导）';
const OFFICIALS_EN = (n: number): string =>
  `${n} more official representative${n === 1 ? '' : 's'} (NPC deputies, CPPCC members or leaders in charge)`;
const RECIPIENTS_EN = (n: number): string => `${n} more service-recipient representative${n === 1 ? '' : 's'}`;

/**
 * Whom the counts are of: the roster (名单, 应到) before the meeting, or the people checked in
 * (实到) when voting opens; the messages say which, so a chair never reads 共 13 人 for 实到 13 人.
 */
export type CompositionBasis = 'roster' | 'present';

/** Checks a roster's composition and, when it is wrong, says exactly whom to add. Counts must be non-negative integers. */
export function checkComposition(counts: { readonly officials: number; readonly recipients: number }, basis: CompositionBasis = 'roster'): CompositionCheck {
  const { officials, recipients } = counts;
  if (![officials, recipients].every((n) => Number.isInteger(n) && n >= 0)) {
    throw new Error(`checkComposition: counts must be non-negative integers, got ${officials} and ${recipients}`);
  }
  const total = officials + recipients;
  const required = requiredOfficials(total);
  const low = Math.max(0, required - OFFICIALS_TOLERANCE);
  const high = required + OFFICIALS_TOLERANCE;
  const problems: CompositionProblem[] = [];
  if (total < MIN_REPRESENTATIVES) {
    problems.push({
      code: 'too_few_representatives',
      message: basis === 'present' ? `实到评议代表 ${total} 人，不足 ${MIN_REPRESENTATIVES} 人` : `评议代表共 ${total} 人，不足 ${MIN_REPRESENTATIVES} 人`,
      messageEn: basis === 'present' ? `${total} representatives present, fewer than ${MIN_REPRESENTATIVES}` : `${total} representatives, fewer than ${MIN_REPRESENTATIVES}`,
    });
  }
  const range = low === high ? `${low}` : `${low}–${high}`;
  const of = basis === 'present' ? `实到 ${total} 人中` : `${total} 人中`;
  const ofEn = basis === 'present' ? `of ${total} present` : `of ${total}`;
  if (officials < low) {
    problems.push({
      code: 'too_few_officials',
      message: `官员类代表（人大代表、政协委员、分管领导）${officials} 人，少于 30%：${of}应为 ${required} 人（允许 ${range} 人）`,
      messageEn: `${officials} officials (NPC, CPPCC, leaders in charge), fewer than 30 %: ${required} ${ofEn} expected (${range} allowed)`,
    });
  } else if (officials > high) {
    problems.push({
      code: 'too_many_officials',
      message: `官员类代表（人大代表、政协委员、分管领导）${officials} 人，多于 30%：${of}应为 ${required} 人（允许 ${range} 人）`,
      messageEn: `${officials} officials (NPC, CPPCC, leaders in charge), more than 30 %: ${required} ${ofEn} expected (${range} allowed)`,
    });
  }
  const add = problems.length === 0 ? { officials: 0, recipients: 0 } : minimalAdditions(officials, recipients);
  const partsZh: string[] = [];
  const partsEn: string[] = [];
  if (add.officials > 0) {
    partsZh.push(`${add.officials} 名${OFFICIALS_ZH}`);
    partsEn.push(OFFICIALS_EN(add.officials));
  }
  if (add.recipients > 0) {
    partsZh.push(`${add.recipients} 名服务对象代表`);
    partsEn.push(RECIPIENTS_EN(add.recipients));
  }
  return {
    ok: isCompositionValid(officials, recipients),
    total,
    officials,
    recipients,
    requiredOfficials: required,
    problems,
    add,
    fix: partsZh.length === 0 ? '' : `再增加 ${partsZh.join('和 ')}`,
    fixEn: partsEn.length === 0 ? '' : `Add ${partsEn.join(' and ')}`,
  };
}
