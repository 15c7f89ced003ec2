/** How one round's stored result of an object is written on sheets and in the console (Chinese: printed wording). */
import type { HistoryEntry } from './model';

/** "85.20 分 第3名" / "评差第2名（冷、推）"; vetoes say so. Empty when the round has no result for the object. */
export function entryText(graded: HistoryEntry | null, worst: HistoryEntry | null): string {
  const parts: string[] = [];
  if (graded !== null) {
    const total = graded.total === null ? '数据不完整' : `${graded.total} 分`;
    parts.push(graded.rank === null ? total : `${total} 第${graded.rank}名`);
    if (graded.vetoed) parts.push('一票否决');
  }
  if (worst !== null && worst.rank !== null) {
    parts.push(`评差第${worst.rank}名${worst.mainProblems.length > 0 ? `（${worst.mainProblems.join('、')}）` : ''}`);
    if (worst.vetoed && graded?.vetoed !== true) parts.push('一票否决');
  }
  return parts.join(' ');
}

/** Current streaks in words: 连续3次评差前3名 · 连续2次测评倒数3名; empty when none. */
export function streaksText(streaks: { worstTop3: number; worstTop10: number; gradedBottom: number }, bottomPlaces: number): string {
  const parts: string[] = [];
  if (streaks.worstTop3 >= 2) parts.push(`连续${streaks.worstTop3}次评差前3名`);
  else if (streaks.worstTop10 >= 2) parts.push(`连续${streaks.worstTop10}次评差前10名`);
  if (streaks.gradedBottom >= 2) parts.push(`连续${streaks.gradedBottom}次测评倒数${bottomPlaces}名`);
  return parts.join(' · ');
}
