/**
 * Every message a tablet sends, as zod schemas, and the types of what it gets back.
 * The server parses each request with these before it touches anything; the tablet page
 * imports the types only (`import type`), so zod never reaches its tiny bundle.
 */
import { z } from 'zod';
import type { VoterGroup } from '../domain/model';
import type { Failure, Result } from '../domain/result';
import type { BallotIssueCode, BallotIssueParams } from '../domain/ballot-rules';

const id = z.string().min(1).max(64);

export const codeInput = z.string().min(1).max(64);

export const gradedBallotSchema = z.strictObject({
  type: z.literal('graded'),
  answers: z.record(id, z.record(id, z.number().int().min(0).max(20).nullable())),
});

export const worstBallotSchema = z.strictObject({
  type: z.literal('worst'),
  picks: z.array(z.strictObject({ objectId: id, tags: z.array(id).max(20) })).max(500),
});

export const ballotSchema = z.discriminatedUnion('type', [gradedBallotSchema, worstBallotSchema]);

/**
 * Made by the tablet once per (code, ballot): 16 random bytes, base64url without padding
 * (22 characters). The server keeps only its hash, sealed in the code's retry link; the same
 * key gets the same receipt again, any other key gets 已使用 (docs/protocol.md).
 */
export const SUBMISSION_KEY_PATTERN = /^[A-Za-z0-9_-]{22,64}$/;
export const submissionKeySchema = z.string().regex(SUBMISSION_KEY_PATTERN);

export const sessionRequestSchema = z.strictObject({ code: codeInput, submissionKey: submissionKeySchema.optional() });
export type SessionRequest = z.infer<typeof sessionRequestSchema>;

export const submitRequestSchema = z.strictObject({ code: codeInput, submissionKey: submissionKeySchema, ballot: ballotSchema });
export type SubmitRequest = z.infer<typeof submitRequestSchema>;

/** What a tablet needs to show the ballot of its code's meeting and group. */
export interface BallotDefinition {
  readonly meeting: {
    readonly id: string;
    readonly title: string;
    readonly kind: 'social' | 'self';
    readonly ballotType: 'graded' | 'worst';
  };
  readonly group: VoterGroup;
  readonly objects: readonly { readonly id: string; readonly name: string; readonly department: string; readonly indicatorSetId: string }[];
  readonly indicatorSets: readonly {
    readonly id: string;
    readonly name: string;
    readonly indicators: readonly { readonly id: string; readonly name: string; readonly description: string }[];
  }[];
  readonly gradeScale: readonly { readonly label: string; readonly points: number }[];
  readonly worstK: number;
  /** When true the tablet insists on an answer for every item; otherwise a blank counts as 弃权. */
  readonly requireAllAnswered?: boolean;
  /** A rehearsal (演练 / 试投): the tablet shows the banner the whole time (i17r). */
  readonly rehearsal?: boolean;
}

/** The session's answer: the definition, and for a used code sent with its own submission key, its receipt. */
export type SessionResponse = BallotDefinition & { readonly receipt?: string };

export interface SubmitResponse {
  readonly receipt: string;
}

/** Every error code a tablet can receive, with the HTTP status it comes with. */
export const TABLET_ERRORS = {
  bad_request: 400,
  payload_too_large: 413,
  forbidden: 403,
  malformed_code: 400,
  unknown_code: 404,
  voided_code: 410,
  code_used: 409,
  voting_not_open: 409,
  voting_paused: 409,
  voting_closed: 410,
  /** No longer sent (a retry is recognised by its submission key): kept so older tablets still parse. */
  ballot_conflict: 409,
  invalid_ballot: 422,
  too_many_attempts: 429,
  storage_failed: 503,
  not_found: 404,
} as const;

export type TabletErrorCode = keyof typeof TABLET_ERRORS;

/**
 * What a refusal is about, beyond its code: which body was malformed, and for an invalid ballot
 * the problem shared/domain/ballot-rules.ts found (its code and the object/indicator it names).
 */
export interface TabletErrorParams extends BallotIssueParams {
  readonly what?: 'ballot';
  readonly issue?: BallotIssueCode;
}

/**
 * A tablet-facing failure: a documented tablet code, its params, and as `message` the Chinese
 * wording of both (shared/i18n/tablet-words.ts); the tablet words the code in its own language.
 */
export interface TabletError {
  readonly code: TabletErrorCode;
  readonly params?: TabletErrorParams;
  readonly message: string;
}

/** A tablet-facing answer: shared/domain/result.ts's one Result shape with a TabletError. */
export type TabletResult<T> = Result<T, TabletError>;

/** The body of a failed tablet answer on the wire. */
export type TabletErrorBody = Failure<TabletError>;
