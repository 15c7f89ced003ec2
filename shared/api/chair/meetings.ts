/** The console shell: server info, the list of meetings, one meeting's overview, the demo. */
import type { MeetingKind, BallotType, MeetingStatus, VoterGroup } from '../../domain/model';
import { empty, meetingRef } from './common';

export const meetingInputs = {
  serverInfo: empty,
  listMeetings: empty,
  getMeeting: meetingRef,
  createDemo: empty,
} as const;

export interface ServerInfo {
  /** What tablets open, e.g. http://192.168.1.20:8787/ */
  readonly tabletUrl: string;
  /** Candidate LAN addresses of this laptop, for the chair to pick from. */
  readonly lanAddresses: readonly string[];
  readonly mode: 'electron' | 'browser';
  /** True once any tablet has reached the tablet server since start (false: check the network / firewall). */
  readonly tabletsSeen: boolean;
}

export interface MeetingSummary {
  readonly id: string;
  readonly title: string;
  readonly campaign: string;
  readonly round: string;
  readonly kind: MeetingKind;
  readonly ballotType: BallotType;
  readonly status: MeetingStatus;
  /** A rehearsal (演练): the real meeting's id; null for a real meeting. The console shows the banner. */
  readonly rehearsalOf: string | null;
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

export interface MeetingOutputs {
  serverInfo: ServerInfo;
  listMeetings: readonly MeetingSummary[];
  getMeeting: MeetingView;
  createDemo: MeetingSummary;
}
