/**
 * Paper ballots (issue 17 part 1): clerks key each returned paper ballot twice, as two
 * independent entries; a pair that agrees becomes a ballot (or a 无效票 with its reason), a pair
 * that differs is shown field by field and settled by choosing, per field, what the paper shows.
 * And the reconciliation per group: electronic + paper + not returned = 实到.
 */
import { z } from 'zod';
import { VOTER_GROUP_IDS } from '../../domain/voter-groups';
import type { BallotType, MeetingStatus, VoterGroup } from '../../domain/model';
import type { BallotIssueCode } from '../../domain/ballot-rules';
import type { PaperDifference } from '../../domain/paper-entry';
import { OFF_SCALE_GRADE, WHOLE_INVALID_REASONS, type WholeInvalidCode } from '../../domain/paper-entry';
import { id, meetingRef } from './common';

const voterGroup = z.enum(VOTER_GROUP_IDS);
const clerk = z.string().trim().min(1).max(40);

/**
 * A paper ballot as keyed: like a tablet ballot, but a grade may be OFF_SCALE_GRADE (a mark that
 * is no grade of the scale) and a worst-list ballot may name more than K objects: the paper says
 * what it says, and the rules then decide that it is a 无效票.
 */
export const paperBallotSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('graded'), answers: z.record(id, z.record(id, z.number().int().min(OFF_SCALE_GRADE).max(20).nullable())) }),
  z.strictObject({ type: z.literal('worst'), picks: z.array(z.strictObject({ objectId: id, tags: z.array(id).max(20) })).max(500) }),
]);

/** The whole paper keyed as a 无效票 (无法辨认 / 其他); the ballot's marks are then not kept. */
const wholeInvalid = z.enum(WHOLE_INVALID_REASONS).optional();

export const paperInputs = {
  paperEntry: meetingRef,
  /** The first entry of a paper ballot, with the group printed on it. */
  paperFirstEntry: z.strictObject({ meetingId: id, group: voterGroup, clerk, ballot: paperBallotSchema, wholeInvalid }),
  /** The second, independent entry of the same paper (the form does not show the first). */
  paperSecondEntry: z.strictObject({ meetingId: id, entryId: id, clerk, ballot: paperBallotSchema, wholeInvalid }),
  /** Settles a pair that differs: for every differing field, which entry the paper agrees with. */
  paperResolve: z.strictObject({ meetingId: id, entryId: id, choices: z.record(z.string().max(200), z.enum(['first', 'second'])) }),
  /** Drops a pending entry (keyed under the wrong group, say), so the paper can be keyed afresh. */
  paperDiscard: z.strictObject({ meetingId: id, entryId: id, confirm: z.literal(true) }),
} as const;

/** What the entry form needs to lay out the meeting's paper ballot. */
export interface PaperForm {
  readonly ballotType: BallotType;
  readonly objects: readonly { readonly id: string; readonly name: string; readonly department: string; readonly indicatorSetId: string }[];
  readonly indicatorSets: readonly { readonly id: string; readonly name: string; readonly indicators: readonly { readonly id: string; readonly name: string }[] }[];
  /** Worst-list: the problems a pick may tick (冷懒推乱贪). */
  readonly tags: readonly { readonly id: string; readonly name: string }[];
  /** Graded: the grade labels, best first (index = the grade keyed). */
  readonly grades: readonly string[];
  readonly worstK: number;
  readonly groups: readonly VoterGroup[];
}

/** A paper ballot whose pair is not settled yet. Its first entry's content is never shown before the second is keyed. */
export interface PendingPaper {
  readonly id: string;
  readonly label: number;
  readonly group: VoterGroup;
  readonly stage: 'awaiting-second' | 'conflict';
  readonly firstClerk: string;
  readonly secondClerk: string | null;
  /** Conflict: the fields the two entries keyed differently; empty while awaiting the second entry. */
  readonly differences: readonly PaperDifference[];
}

/** One group's paper pile reconciled with the room. */
export interface PaperReconciliationRow {
  readonly group: VoterGroup;
  /** 实到: checked in. */
  readonly present: number;
  /** Ballots from tablets (codes used). */
  readonly electronic: number;
  /** Paper ballots counted (valid, blank included). */
  readonly paperValid: number;
  /** Paper ballots kept as 无效票. */
  readonly paperInvalid: number;
  /** Paper ballots keyed once or in conflict: not counted yet. */
  readonly paperPending: number;
  /** 实到 − electronic − paper (pending counted as paper); negative means more ballots than people. */
  readonly notReturned: number;
  /** electronic + paper + not returned = 实到 with not returned ≥ 0. */
  readonly balanced: boolean;
}

/** A kept 无效票: its group and the rule it breaks, in both languages. */
export interface InvalidPaperBallot {
  readonly group: VoterGroup;
  readonly reason: BallotIssueCode | WholeInvalidCode;
  readonly zh: string;
  readonly en: string;
}

export interface PaperView {
  readonly meetingId: string;
  readonly status: MeetingStatus;
  /** Closed and not official: entries may be keyed now. */
  readonly mayEnter: boolean;
  readonly form: PaperForm;
  readonly pending: readonly PendingPaper[];
  readonly reconciliation: readonly PaperReconciliationRow[];
  readonly invalid: readonly InvalidPaperBallot[];
}

/** What became of a pair: counted, kept as 无效票, or differing (to be settled). */
export type PaperOutcome = 'accepted' | 'invalid' | 'conflict';

export interface PaperOutputs {
  paperEntry: PaperView;
  paperFirstEntry: { readonly entryId: string; readonly label: number; readonly view: PaperView };
  paperSecondEntry: { readonly outcome: PaperOutcome; readonly view: PaperView };
  paperResolve: { readonly outcome: Exclude<PaperOutcome, 'conflict'>; readonly view: PaperView };
  paperDiscard: PaperView;
}
