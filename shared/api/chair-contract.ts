/**
 * The chair console's API: one contract for both transports (IPC in Electron, loopback HTTP
 * with a per-run token in browser mode). Inputs are zod schemas parsed by the core before any
 * handler runs; outputs are plain types. Add a method here, then its handler in
 * electron/core/chair-api.ts; the type checker points at whatever is missing.
 */
import { z } from 'zod';
import type { MeetingKind, BallotType, MeetingStatus, VoterGroup } from '../domain/model';

const id = z.string().min(1).max(64);
const meetingRef = z.strictObject({ meetingId: id });

export const chairInputs = {
  serverInfo: z.strictObject({}),
  listMeetings: z.strictObject({}),
  getMeeting: meetingRef,
  createDemo: z.strictObject({}),
  generateCodes: z.strictObject({ meetingId: id, spares: z.number().int().min(0).max(500) }),
  openVoting: meetingRef,
  pauseVoting: meetingRef,
  closeVoting: meetingRef,
  results: meetingRef,
} as const;

export type ChairMethod = keyof typeof chairInputs;
export type ChairInput<M extends ChairMethod> = z.input<(typeof chairInputs)[M]>;

export interface ServerInfo {
  /** What tablets open, e.g. http://192.168.1.20:8787/ */
  readonly tabletUrl: string;
  /** Candidate LAN addresses of this laptop, for the chair to pick from. */
  readonly lanAddresses: readonly string[];
  readonly mode: 'electron' | 'browser';
}

export interface MeetingSummary {
  readonly id: string;
  readonly title: string;
  readonly campaign: string;
  readonly round: string;
  readonly kind: MeetingKind;
  readonly ballotType: BallotType;
  readonly status: MeetingStatus;
}

export interface GroupTurnout {
  readonly group: VoterGroup;
  /** Roster size (应到). */
  readonly expected: number;
  /** Checked in (实到). */
  readonly present: number;
  readonly codesIssued: number;
  readonly codesUsed: number;
  readonly codesVoided: number;
  readonly ballots: number;
}

export interface MeetingView extends MeetingSummary {
  readonly heldOn: string;
  readonly place: string;
  readonly objectCount: number;
  readonly indicatorCount: number;
  readonly turnout: readonly GroupTurnout[];
}

export interface IssuedCode {
  readonly group: VoterGroup;
  /** The printed form, e.g. ABCD-EFGH-JKMNP. Shown once: only its hash is stored. */
  readonly code: string;
  /** Join URL with the code in its fragment, for the QR on the slip. */
  readonly url: string;
}

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

export interface ChairOutputs {
  serverInfo: ServerInfo;
  listMeetings: readonly MeetingSummary[];
  getMeeting: MeetingView;
  createDemo: MeetingSummary;
  generateCodes: readonly IssuedCode[];
  openVoting: MeetingView;
  pauseVoting: MeetingView;
  closeVoting: MeetingView;
  results: MeetingResults;
}

/** Pushed to the chair console (WebSocket in browser mode, IPC events in Electron); never polled. */
export type ChairEvent =
  | { readonly type: 'turnout'; readonly meetingId: string; readonly turnout: readonly GroupTurnout[] }
  | { readonly type: 'status'; readonly meetingId: string; readonly status: MeetingStatus }
  | { readonly type: 'alarm'; readonly kind: 'bad-codes' | 'storage'; readonly message: string };
