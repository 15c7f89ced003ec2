/**
 * Issue 17, parts 2 and 3 (i17r): rehearsals (演练 / 试投) and the audit trail. Its own module so
 * that the lanes' contracts merge without touching each other's files.
 */
import { z } from 'zod';
import type { TreeMeeting } from './setup';
import type { DownloadFile } from './results';
import { id, meetingRef } from './common';

const auditFilter = {
  /** Lines about one meeting only. */
  meetingId: id.optional(),
  /** Lines of one action only, e.g. open_voting. */
  action: z.string().regex(/^[a-z_]{1,64}$/).optional(),
};

export const rehearsalAuditInputs = {
  /** A rehearsal copy of a real meeting in one click (its own round with a copy of the objects). */
  createRehearsal: meetingRef,
  /** Removes every trace of a rehearsal but one audit line; voting still open is closed first. */
  wipeRehearsal: z.strictObject({ meetingId: id, confirm: z.literal(true) }),
  auditTrail: z.strictObject(auditFilter),
  exportAudit: z.strictObject({ ...auditFilter, format: z.enum(['csv', 'xlsx']) }),
} as const;

/** One line of the audit trail as the console shows it. */
export interface AuditLine {
  readonly seq: number;
  readonly at: string;
  readonly meetingId: string | null;
  /** The meeting's title where it still exists, else null. */
  readonly meetingTitle: string | null;
  readonly action: string;
  readonly detail: Readonly<Record<string, string | number>>;
  /** The line's hash (docs/audit-chain.md); null on a line nobody chained. */
  readonly hash: string | null;
}

/** Whether the chain holds now, as the verify tool would say. */
export interface AuditChainState {
  readonly ok: boolean;
  readonly lines: number;
  /** The main chain's last hash: printed on the appendix, checked with verify-audit --expect. */
  readonly head: string;
  readonly problems: readonly { readonly kind: string; readonly seq: number }[];
}

export interface AuditTrail {
  readonly lines: readonly AuditLine[];
  /** Every action in the trail, for the filter. */
  readonly actions: readonly string[];
  /** Every meeting that has lines, for the filter. */
  readonly meetings: readonly { readonly id: string; readonly title: string }[];
  readonly chain: AuditChainState;
}

export interface RehearsalAuditOutputs {
  createRehearsal: TreeMeeting;
  wipeRehearsal: { readonly wiped: string; readonly realMeetingId: string };
  auditTrail: AuditTrail;
  exportAudit: DownloadFile;
}
