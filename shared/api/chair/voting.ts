/** Codes, check-in (签到), attendance, the tablet address and the voting window. */
import { z } from 'zod';
import { VOTER_GROUP_IDS } from '../../domain/voter-groups';
import type { RepresentativeCategory, VoterGroup } from '../../domain/model';
import type { GroupTurnout, MeetingView, ServerInfo } from './meetings';
import { id, meetingRef } from './common';

const voterGroup = z.enum(VOTER_GROUP_IDS);

/** Which unused codes to void: all of the meeting, all of one group, or one typed code. */
export const voidTargetSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('all') }),
  z.strictObject({ kind: z.literal('group'), group: voterGroup }),
  z.strictObject({ kind: z.literal('code'), code: z.string().min(1).max(64) }),
]);
export type VoidTarget = z.infer<typeof voidTargetSchema>;

export const votingInputs = {
  generateCodes: z.strictObject({ meetingId: id, spares: z.number().int().min(0).max(500) }),
  voidCodes: z.strictObject({ meetingId: id, target: voidTargetSchema }),
  checkInList: meetingRef,
  setCheckedIn: z.strictObject({ meetingId: id, representativeId: id, present: z.boolean() }),
  attendanceCheck: meetingRef,
  /** `override` is the chair's written reason for opening although attendance breaks the rule. */
  openVoting: z.strictObject({
    meetingId: id,
    override: z.string().trim().min(4).max(500).optional(),
    /** i17r: the chair confirmed opening although a rehearsal of this meeting still votes (answer to rehearsal_open). */
    despiteRehearsal: z.literal(true).optional(),
  }),
  pauseVoting: meetingRef,
  closeVoting: meetingRef,
  setTabletAddress: z.strictObject({ address: z.string().min(1).max(64) }),
} as const;

export interface IssuedCode {
  readonly group: VoterGroup;
  /** The printed form, e.g. ABCD-EFGH-JKMNP. Shown once: only its hash is stored. */
  readonly code: string;
  /** Join URL with the code in its fragment, for the QR on the slip. */
  readonly url: string;
}

/** One roster line as the check-in desk sees it. */
export interface CheckInEntry {
  readonly id: string;
  readonly name: string;
  readonly unit: string;
  readonly category: RepresentativeCategory;
  readonly group: VoterGroup;
  readonly present: boolean;
}

/** Whether the people checked in keep the 30-person and 30 % rule (social evaluation only). */
export interface AttendanceCheck {
  /** False for self-evaluation: all cadres vote, the rule does not apply. */
  readonly applies: boolean;
  readonly ok: boolean;
  readonly officials: number;
  readonly recipients: number;
  /** Each broken rule, in Chinese and English. */
  readonly problems: readonly { readonly message: string; readonly messageEn: string }[];
  /** Who would have to come for the rule to hold, e.g. "再增加 2 名服务对象代表". */
  readonly fix: string;
  readonly fixEn: string;
  /** The written reason the chair gave when opening anyway, once given. */
  readonly override: string | null;
}

export interface VoidResult {
  /** How many codes this call voided (used codes are never voided). */
  readonly voided: number;
  readonly turnout: readonly GroupTurnout[];
}

export interface VotingOutputs {
  generateCodes: readonly IssuedCode[];
  voidCodes: VoidResult;
  checkInList: readonly CheckInEntry[];
  setCheckedIn: CheckInEntry;
  attendanceCheck: AttendanceCheck;
  openVoting: MeetingView;
  pauseVoting: MeetingView;
  closeVoting: MeetingView;
  setTabletAddress: ServerInfo;
}
