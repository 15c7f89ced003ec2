/**
 * What a blank paper ballot tells the representative (issue 17), written from the meeting's
 * settings: how to mark it, and what makes it a 无效票. The same rules decide on entry
 * (shared/domain/ballot-rules.ts ballotIssue): a sentence here that the rules did not enforce
 * would be a promise the count breaks.
 */
import type { BallotType, MeetingSettings } from '../domain/model';

/** The sheet's instructions, one sentence a line (printed sheets stay Chinese). */
export function paperBallotInstructions(ballotType: BallotType, settings: Pick<MeetingSettings, 'worstK' | 'gradeScale'>): string[] {
  const common = ['本表不记名、不编号，请勿在表上书写姓名或作任何记号。填好后折叠投入票箱。'];
  if (ballotType === 'graded') {
    const grades = settings.gradeScale.map((g) => g.label).join('、');
    return [
      `请对每个评议对象的每个评议项目，在“${grades}”中选一个等次，在对应方框内打“✓”。`,
      '某一项不打“✓”视为弃权；对不了解的评议对象可整行不填。',
      '同一项目勾选两个及以上等次，或涂改无法辨认的，整张评议表为无效票，不计入任何得分。',
      ...common,
    ];
  }
  return [
    `请在您认为最难办事的评议对象前的方框内打“✓”，最多选 ${settings.worstK} 个；可不选或少选。`,
    '对所选对象，可在右侧勾选存在的主要问题（可多选）；未选的对象勾选问题无效。',
    `选出超过 ${settings.worstK} 个评议对象的，整张评议表为无效票，不计入任何得分。`,
    ...common,
  ];
}

/** Printed on the reconciliation sheet: how the paper pile is handled before it is keyed in. */
export const PAPER_PILE_NOTE =
  '纸质评议表开箱后先当众清点、混合，再逐张双人录入：两次录入一致方计入；不一致的，对照原件逐项确认。系统不保存录入顺序、时间和录入人。';
