/**
 * The tablet's rules, free of Vue and of the DOM so they can be unit-tested on their own:
 * what a blank means, what a one-tap shortcut writes, what the page does with a saved ballot
 * when a code arrives, which server refusals end a ballot, and how long to wait between retries.
 */
import type { BallotDefinition, TabletErrorCode } from '../../shared/api/tablet-schemas';
import type { BallotContent } from '../../shared/domain/model';

export type Stage = 'code' | 'ballot' | 'review' | 'sending' | 'receipt' | 'elsewhere';

/** Answers being filled in: a missing indicator is a blank; `null` is an explicit 弃权. */
export type Answers = Record<string, Record<string, number | null>>;

type Definition = Pick<BallotDefinition, 'objects' | 'indicatorSets'> & { readonly requireAllAnswered?: boolean };

export function indicatorsOf(definition: Pick<BallotDefinition, 'indicatorSets'>, setId: string): BallotDefinition['indicatorSets'][number]['indicators'] {
  return definition.indicatorSets.find((set) => set.id === setId)?.indicators ?? [];
}

/** Blanks on a graded ballot (unanswered indicators; an explicit 弃权 is not a blank). */
export function countBlanks(definition: Definition, answers: Answers): number {
  let blanks = 0;
  for (const object of definition.objects) {
    const row = answers[object.id];
    for (const indicator of indicatorsOf(definition, object.indicatorSetId)) if (row?.[indicator.id] === undefined) blanks += 1;
  }
  return blanks;
}

export function countItems(definition: Definition): number {
  return definition.objects.reduce((n, object) => n + indicatorsOf(definition, object.indicatorSetId).length, 0);
}

/** True when every indicator of the object has a grade or 弃权. */
export function objectDone(definition: Definition, objectId: string, setId: string, answers: Answers): boolean {
  const row = answers[objectId];
  return indicatorsOf(definition, setId).every((indicator) => row?.[indicator.id] !== undefined);
}

/** One tap: every indicator of the object gets `grade` (null = 不了解, the whole object abstains). */
export function wholeObject(indicators: readonly { readonly id: string }[], grade: number | null): Record<string, number | null> {
  return Object.fromEntries(indicators.map((indicator) => [indicator.id, grade]));
}

/**
 * The ballot as sent: every indicator of every object, a blank counted as 弃权 (null), as paper
 * practice does — unless the meeting requires every item, which `mayReview` enforces first.
 */
export function completeGraded(definition: Definition, answers: Answers): BallotContent {
  const out: Answers = {};
  for (const object of definition.objects) {
    const row = answers[object.id];
    out[object.id] = Object.fromEntries(indicatorsOf(definition, object.indicatorSetId).map((i) => [i.id, row?.[i.id] ?? null]));
  }
  return { type: 'graded', answers: out };
}

/** What 检查并提交 does: go on, ask once about blanks, or refuse (requireAllAnswered). */
export function reviewGate(definition: Definition, answers: Answers, blanksConfirmed: boolean): 'go' | 'confirm-blanks' | 'refuse' {
  const blanks = countBlanks(definition, answers);
  if (blanks === 0) return 'go';
  if (definition.requireAllAnswered === true) return 'refuse';
  return blanksConfirmed ? 'go' : 'confirm-blanks';
}

/** What the page does when it starts or a code arrives and a ballot is saved on this tablet. */
export function onArrival(saved: { code: string } | null, arrivedCode: string | null): 'resume' | 'discard-and-open' | 'open' | 'nothing' {
  if (arrivedCode === null) return saved ? 'resume' : 'nothing';
  if (!saved) return 'open';
  return saved.code === arrivedCode ? 'resume' : 'discard-and-open';
}

/** Refusals after which this code's ballot can never be sent: the tablet frees itself. */
const FINAL: ReadonlySet<TabletErrorCode> = new Set(['code_used', 'voided_code', 'voting_closed', 'unknown_code', 'malformed_code']);
/** Refusals that pass by themselves: keep the ballot and retry. */
const PASSING: ReadonlySet<TabletErrorCode | 'offline' | 'timeout'> = new Set(['offline', 'timeout', 'storage_failed', 'voting_paused', 'too_many_attempts']);

export function refusalKind(code: TabletErrorCode | 'offline' | 'timeout'): 'final' | 'retry' | 'fix' {
  if (PASSING.has(code)) return 'retry';
  if (code !== 'offline' && code !== 'timeout' && FINAL.has(code)) return 'final';
  return 'fix';
}

/** Pause before retry `attempt` (1-based): 0.5 s doubling to a ceiling of 8 s, with ±20 % jitter
 *  so a room of tablets that lost the Wi-Fi together does not come back in one burst. */
export function backoffMs(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(500 * 2 ** Math.max(0, attempt - 1), 8000);
  return Math.round(base * (0.8 + 0.4 * random()));
}

/** 16 random bytes as base64url without padding (22 characters): the submission key. */
export function newSubmissionKey(random: (bytes: Uint8Array<ArrayBuffer>) => void = (b) => crypto.getRandomValues(b)): string {
  const bytes = new Uint8Array(16);
  random(bytes);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The code a URL fragment carries (`#CODE` from the slip's QR), or null. */
export function codeFromHash(hash: string): string | null {
  const value = hash.replace(/^#/, '').trim();
  return value === '' ? null : value;
}
