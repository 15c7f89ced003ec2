import { randomBytes } from 'node:crypto';
import type { SlipCode } from '../../../shared/api/chair/printing';
import type { Core } from '../core';

/** How long an untaken hand-off lives: long enough to open a preview, short enough to forget. */
export const HANDOFF_TTL_MS = 10 * 60 * 1000;
/** At most this many hand-offs wait at once; the oldest is dropped first. */
const MAX_PENDING = 16;

interface Pending {
  readonly meetingId: string;
  readonly codes: readonly SlipCode[];
  readonly expires: number;
}

// Codes exist in the core only in this process's memory, between the console handing them over
// and the print route taking them: never on disk, never in a log (the database keeps hashes).
const pendingByCore = new WeakMap<Core, Map<string, Pending>>();

function pendingOf(core: Core): Map<string, Pending> {
  let pending = pendingByCore.get(core);
  if (!pending) {
    pending = new Map();
    pendingByCore.set(core, pending);
  }
  return pending;
}

function sweep(pending: Map<string, Pending>, now: number): void {
  for (const [id, entry] of pending) if (entry.expires <= now) pending.delete(id);
  while (pending.size >= MAX_PENDING) {
    const oldest = pending.keys().next();
    if (oldest.done === true) break;
    pending.delete(oldest.value);
  }
}

/** Keeps codes for one print of the slips; returns the one-time id the print route takes them with. */
export function stashSlips(core: Core, meetingId: string, codes: readonly SlipCode[], now = Date.now()): string {
  const pending = pendingOf(core);
  sweep(pending, now);
  const id = randomBytes(16).toString('base64url');
  pending.set(id, { meetingId, codes: codes.map((c) => ({ group: c.group, code: c.code, url: c.url })), expires: now + HANDOFF_TTL_MS });
  return id;
}

/** Takes (and forgets) a hand-off: a second take of the same id finds nothing. */
export function takeSlips(core: Core, id: string, now = Date.now()): { meetingId: string; codes: readonly SlipCode[] } | null {
  const pending = pendingOf(core);
  const entry = pending.get(id);
  pending.delete(id);
  if (!entry || entry.expires <= now) return null;
  return { meetingId: entry.meetingId, codes: entry.codes };
}

/** How many hand-offs wait (tests check that taking forgets). */
export function pendingHandoffs(core: Core): number {
  return pendingOf(core).size;
}
