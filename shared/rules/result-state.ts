/**
 * Draft or official, as every sheet, title and export file name says it. A sheet printed before
 * 确认为正式结果 must never pass for the signed one: it carries 初步结果（未确认） in its title and
 * as a watermark; after confirmation it says 正式结果 and when it was confirmed.
 */
import type { MeetingStatus } from '../domain/model';

export const DRAFT_MARK = '初步结果（未确认）';
export const OFFICIAL_MARK = '正式结果';

/**
 * A rehearsal (演练 / 试投) must never be mistaken for the meeting: every sheet of it carries
 * REHEARSAL_MARK as a watermark and REHEARSAL_NOTICE under its title, every export's and PDF's
 * file name starts with REHEARSAL_MARK, and the console, tablets and projector show the notice
 * as a banner. Its results are never official (shared/domain/lifecycle.ts mayConfirmResults).
 */
export const REHEARSAL_MARK = '演练';
export const REHEARSAL_NOTICE = '演练（试投）：不是正式评议，结果不作数';

/** The start of a file name: `演练-` for a rehearsal's file, nothing for a real meeting's. */
export function rehearsalFilePrefix(rehearsal: boolean): string {
  return rehearsal ? `${REHEARSAL_MARK}-` : '';
}

/** A rehearsal's sheet title carries the mark in front: 演练 · 评议结果排序表. */
export function rehearsalTitle(title: string, rehearsal: boolean): string {
  return rehearsal ? `${REHEARSAL_MARK} · ${title}` : title;
}

/** Whether results are official, and since when (ISO 8601, from the audit record). */
export interface ResultState {
  readonly official: boolean;
  /** When 确认为正式结果 was recorded; null for a draft (or an official meeting without the record). */
  readonly confirmedAt: string | null;
}

/** A meeting's state from its status and its confirmation time. */
export function meetingResultState(status: MeetingStatus, confirmedAt: string | null): ResultState {
  return status === 'official' ? { official: true, confirmedAt } : { official: false, confirmedAt: null };
}

/** Several meetings behind one sheet (a round): official only when every one is, since the last confirmation. */
export function combinedResultState(states: readonly ResultState[]): ResultState {
  if (states.length === 0 || states.some((s) => !s.official)) return { official: false, confirmedAt: null };
  const times = states.map((s) => s.confirmedAt).filter((t): t is string => t !== null).sort();
  return { official: true, confirmedAt: times.at(-1) ?? null };
}

/**
 * The words a title carries: 初步结果（未确认）, or 正式结果（<time> 确认） where `formatTime`
 * writes the confirmation time in the reader's local time.
 */
export function resultStateTitle(state: ResultState, formatTime: (iso: string) => string): string {
  if (!state.official) return DRAFT_MARK;
  return state.confirmedAt === null ? OFFICIAL_MARK : `${OFFICIAL_MARK}（${formatTime(state.confirmedAt)} 确认）`;
}

/** The words a file name carries: no time (file names stay short), no characters a file system refuses. */
export function resultStateFileTag(state: ResultState): string {
  return state.official ? OFFICIAL_MARK : DRAFT_MARK;
}
