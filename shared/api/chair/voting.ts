/** Codes and the voting window. */
import { z } from 'zod';
import type { VoterGroup } from '../../domain/model';
import type { MeetingView } from './meetings';
import { id, meetingRef } from './common';

export const votingInputs = {
  generateCodes: z.strictObject({ meetingId: id, spares: z.number().int().min(0).max(500) }),
  openVoting: meetingRef,
  pauseVoting: meetingRef,
  closeVoting: meetingRef,
} as const;

export interface IssuedCode {
  readonly group: VoterGroup;
  /** The printed form, e.g. ABCD-EFGH-JKMNP. Shown once: only its hash is stored. */
  readonly code: string;
  /** Join URL with the code in its fragment, for the QR on the slip. */
  readonly url: string;
}

export interface VotingOutputs {
  generateCodes: readonly IssuedCode[];
  openVoting: MeetingView;
  pauseVoting: MeetingView;
  closeVoting: MeetingView;
}
