/**
 * The ballot in progress lives in this tablet's storage until a receipt arrives, so a reload or
 * a dropped Wi-Fi loses nothing. It is erased the moment the receipt is shown.
 */
import type { BallotDefinition } from '../../shared/api/tablet-schemas';
import type { BallotContent } from '../../shared/domain/model';

const KEY = 'pingyi.ballot-in-progress';

export interface SavedBallot {
  code: string;
  definition: BallotDefinition;
  ballot: BallotContent;
  stage: 'ballot' | 'review' | 'sending';
}

export function loadSaved(): SavedBallot | null {
  try {
    const raw = localStorage.getItem(KEY);
    return raw ? (JSON.parse(raw) as SavedBallot) : null;
  } catch {
    return null;
  }
}

export function save(saved: SavedBallot): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(saved));
  } catch {
    // Storage full or disabled: the ballot still lives in memory.
  }
}

export function forget(): void {
  try {
    localStorage.removeItem(KEY);
  } catch {
    // nothing to forget
  }
}
