/**
 * Whether any tablet has reached the tablet server since the app started. A laptop whose
 * firewall blocks the LAN (Windows ticks only "Private networks" at the first prompt, and venue
 * networks are often Public) sees no request at all: the voting tab tells the chair so a minute
 * after voting opens, instead of tablets timing out with no message. Only a flag: no address,
 * no time, no count is kept (nothing that could tell who voted when).
 */
import type { Core } from '../core';

const seen = new WeakSet<Core>();

export function markTabletContact(core: Core): void {
  seen.add(core);
}

export function tabletContacted(core: Core): boolean {
  return seen.has(core);
}
