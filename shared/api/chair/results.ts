/** Results after close. */
import type { MeetingStatus } from '../../domain/model';
import { meetingRef } from './common';

export const resultsInputs = {
  results: meetingRef,
} as const;

export interface ResultRow {
  readonly rank: number | null;
  readonly objectId: string;
  readonly name: string;
  readonly department: string;
  /** Exactly rounded score on 0–100, or null when incomplete. */
  readonly score: string | null;
  readonly incomplete: boolean;
  readonly note: string;
}

export interface MeetingResults {
  readonly meetingId: string;
  readonly status: MeetingStatus;
  readonly ballots: number;
  readonly rows: readonly ResultRow[];
}

export interface ResultsOutputs {
  results: MeetingResults;
}
