/**
 * The ballot in progress lives in this tablet's storage until a receipt arrives, so a reload or
 * a dropped Wi-Fi loses nothing. It is erased the moment the receipt is shown, and when another
 * code arrives (the next person must never see it).
 *
 * Two keys: the head (code, submission key, stage, definition, owning tab) is written when the
 * stage changes; the answers are written at most every 400 ms and when the page is hidden, so a
 * tap does not serialise 13 KB (the old page rewrote everything on every tap).
 */
import type { BallotDefinition } from '../../shared/api/tablet-schemas';
import type { WorstBallot } from '../../shared/domain/model';
import type { Answers } from './stage';

const HEAD = 'pingyi.ballot-in-progress';
const ANSWERS = 'pingyi.ballot-answers';
const WRITE_DELAY_MS = 400;

export interface SavedHead {
  code: string;
  submissionKey: string;
  definition: BallotDefinition;
  stage: 'ballot' | 'review' | 'sending';
  /** The tab that holds this ballot: another tab that sees a different owner lets go. */
  owner: string;
}

export type SavedContent = { type: 'graded'; answers: Answers } | WorstBallot;

export interface SavedBallot extends SavedHead {
  content: SavedContent;
}

/** False when this browser will not keep anything (private mode, storage disabled or full). */
export function storageWorks(): boolean {
  try {
    const probe = 'pingyi.probe';
    localStorage.setItem(probe, '1');
    localStorage.removeItem(probe);
    return true;
  } catch {
    return false;
  }
}

export function loadSaved(): SavedBallot | null {
  try {
    const head = localStorage.getItem(HEAD);
    if (!head) return null;
    const parsed = JSON.parse(head) as SavedHead;
    const content = JSON.parse(localStorage.getItem(ANSWERS) ?? 'null') as SavedContent | null;
    const empty: SavedContent = parsed.definition.meeting.ballotType === 'graded' ? { type: 'graded', answers: {} } : { type: 'worst', picks: [] };
    return { ...parsed, content: content ?? empty };
  } catch {
    return null;
  }
}

/** The tab that currently owns the saved ballot, or null. */
export function savedOwner(): string | null {
  try {
    const head = localStorage.getItem(HEAD);
    return head ? (JSON.parse(head) as SavedHead).owner : null;
  } catch {
    return null;
  }
}

export function isHeadKey(key: string | null): boolean {
  return key === HEAD;
}

export function isContentKey(key: string | null): boolean {
  return key === ANSWERS;
}

/** Answers as another tab wrote them (a storage event's newValue). */
export function parseContent(raw: string): SavedContent | null {
  try {
    return JSON.parse(raw) as SavedContent;
  } catch {
    return null;
  }
}

function write(key: string, value: unknown): void {
  try {
    localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // Storage full or disabled: the ballot still lives in memory (the page warns once).
  }
}

let pending: (() => SavedContent) | null = null;
let timer: ReturnType<typeof setTimeout> | undefined;

export function saveHead(head: SavedHead): void {
  write(HEAD, head);
}

/** Schedules a write of the answers; `read` is called only when the write happens. */
export function saveContentSoon(read: () => SavedContent): void {
  pending = read;
  if (timer === undefined) timer = setTimeout(flush, WRITE_DELAY_MS);
}

/** Writes scheduled answers now (stage changes, page hidden). */
export function flush(): void {
  if (timer !== undefined) clearTimeout(timer);
  timer = undefined;
  const read = pending;
  pending = null;
  if (read) write(ANSWERS, read());
}

export function forget(): void {
  if (timer !== undefined) clearTimeout(timer);
  timer = undefined;
  pending = null;
  try {
    localStorage.removeItem(HEAD);
    localStorage.removeItem(ANSWERS);
  } catch {
    // nothing to forget
  }
}
