/**
 * What voting seals under the meeting key, and how: one place for the associated data (which
 * binds each ciphertext to its meeting and purpose, so rows cannot be swapped) and the padding
 * bucket (every ballot of a meeting seals to the same length, whatever it says).
 */
import type { MeetingDefinition } from '../../../shared/domain/ballot-rules';
import { canonicalJson, canonicalKeyOrder } from '../../../shared/domain/canonical-json';
import { canonicalBallot } from '../../../shared/domain/canonical-ballot';
import type { BallotContent } from '../../../shared/domain/model';
import { sha256 } from '../ids';

/** The sealed link of a used code: the receipt and a hash of the tablet's submission key. */
export interface LinkContent {
  readonly receipt: string;
  readonly keyHash: string;
}

/** Links are tiny and all the same shape: one small bucket. */
export const LINK_BUCKET = 128;

const BUCKET_STEP = 1024;

export function ballotAad(meetingId: string): string {
  return `pingyi-ballot:${meetingId}`;
}

export function linkAad(meetingId: string, codeHash: string): string {
  return `pingyi-link:${meetingId}:${codeHash}`;
}

/** sha256 of the submission key: the key itself is never stored, not even sealed. */
export function submissionKeyHash(submissionKey: string): string {
  return sha256(`pingyi-submission-key:${submissionKey}`);
}

/**
 * The stored text of a ballot: canonical JSON of its canonical form. For a graded ballot the
 * canonical form only reorders object keys, which canonicalJson sorts anyway; picks and tags of
 * a worst-list ballot are arrays, whose order canonicalBallot fixes.
 */
export function storedBallotText(definition: MeetingDefinition, ballot: BallotContent): string {
  return canonicalJson(ballot.type === 'graded' ? ballot : canonicalBallot(definition, ballot));
}

/** Writes the stored text of a ballot that fits the definition it was made for. */
export type BallotTextWriter = (ballot: BallotContent) => string;

/**
 * storedBallotText for one meeting, with the work that depends only on its frozen definition
 * done once: for a graded meeting the objects' and indicators' keys in canonicalJson's order,
 * JSON-escaped. Writing a 500-answer ballot then appends precomputed pieces instead of copying
 * and sorting 101 objects (about 2.5 × faster; the same text, held to canonicalJson by a test).
 * Only for ballots ballotProblem accepted, whose keys are exactly the definition's; anything
 * missing falls back to storedBallotText.
 */
export function ballotTextWriter(definition: MeetingDefinition): BallotTextWriter {
  if (definition.ballotType !== 'graded') return (ballot) => storedBallotText(definition, ballot);
  const sets = new Map(definition.indicatorSets.map((set) => [set.id, set]));
  const setOf = new Map(definition.objects.map((o) => [o.id, o.indicatorSetId]));
  const plan = canonicalKeyOrder(definition.objects.map((o) => o.id)).map((objectId, n) => ({
    objectId,
    open: `${n === 0 ? '' : ','}${JSON.stringify(objectId)}:{`,
    indicators: canonicalKeyOrder((sets.get(setOf.get(objectId) ?? '')?.indicators ?? []).map((i) => i.id)).map((id, m) => ({
      id,
      prefix: `${m === 0 ? '' : ','}${JSON.stringify(id)}:`,
    })),
  }));
  return (ballot) => {
    if (ballot.type !== 'graded') return storedBallotText(definition, ballot);
    let text = '{"answers":{';
    for (const object of plan) {
      const row = ballot.answers[object.objectId];
      if (row === undefined) return storedBallotText(definition, ballot);
      text += object.open;
      for (const indicator of object.indicators) {
        const grade = row[indicator.id];
        if (grade === undefined || (grade !== null && !Number.isInteger(grade))) return storedBallotText(definition, ballot);
        text += indicator.prefix + (grade === null ? 'null' : String(grade));
      }
      text += '}';
    }
    return `${text}},"type":"graded"}`;
  };
}

function longestFirst(ids: readonly string[]): string[] {
  return [...ids].sort((a, b) => b.length - a.length);
}

/**
 * The padded size of every sealed ballot of this meeting: the canonical JSON of the longest
 * ballot the definition allows (a graded ballot all 弃权, since `null` is longer than any grade;
 * a worst-list ballot naming K of the longest ids with every tag), rounded up to 1 KiB.
 */
export function ballotBucket(definition: MeetingDefinition): number {
  let longest: unknown;
  if (definition.ballotType === 'graded') {
    const sets = new Map(definition.indicatorSets.map((set) => [set.id, set]));
    longest = {
      type: 'graded',
      answers: Object.fromEntries(
        definition.objects.map((o) => [o.id, Object.fromEntries((sets.get(o.indicatorSetId)?.indicators ?? []).map((i) => [i.id, null]))]),
      ),
    };
  } else {
    const tags = (definition.tagSet?.indicators ?? []).map((t) => t.id);
    const objects = longestFirst(definition.objects.map((o) => o.id)).slice(0, Math.max(0, definition.settings.worstK));
    longest = { type: 'worst', picks: objects.map((objectId) => ({ objectId, tags })) };
  }
  const size = Buffer.byteLength(canonicalJson(longest), 'utf8') + 4;
  return Math.max(BUCKET_STEP, Math.ceil(size / BUCKET_STEP) * BUCKET_STEP);
}
