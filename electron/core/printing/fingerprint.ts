import { createHash } from 'node:crypto';
import type { TallyBallot } from '../../../shared/domain/model';
import { canonicalJson } from '../../../shared/domain/canonical-json';

/** The ballots of one meeting, as they enter a fingerprint. */
export interface FingerprintInput {
  readonly meetingId: string;
  readonly ballots: readonly TallyBallot[];
}

/**
 * SHA-256 (hex) of the ballot set: per meeting (sorted by id) the canonical JSON of each ballot
 * ({group, content}), the texts sorted. Nothing about arrival order or ballot ids enters it, so
 * anyone holding an export of the ballots can recompute it and match a printed sheet.
 */
export function ballotSetDigest(meetings: readonly FingerprintInput[]): string {
  const payload = [...meetings]
    .sort((a, b) => (a.meetingId < b.meetingId ? -1 : a.meetingId > b.meetingId ? 1 : 0))
    .map((m) => ({ meetingId: m.meetingId, ballots: m.ballots.map((b) => canonicalJson({ group: b.group, content: b.content })).sort() }));
  return createHash('sha256').update(canonicalJson(payload), 'utf8').digest('hex');
}

/** The printed form: the first 80 bits of the digest as five groups of four upper-case hex digits. */
export function shortFingerprint(digest: string): string {
  return (digest.slice(0, 20).toUpperCase().match(/.{4}/g) ?? []).join(' ');
}
