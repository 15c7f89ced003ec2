/**
 * Counts failed code attempts (unknown, voided or malformed codes, and conflicts on used codes)
 * per source and for the whole room, in memory only: source keys are never stored or logged.
 *
 * - A source is one IPv4 address or one IPv6 /64 (a device rotating through its /64's privacy
 *   addresses is still one source); IPv4-mapped IPv6 counts as the IPv4 address.
 * - Past `limit` failures within `windowMs` the source is throttled; past `roomLimit` failures
 *   from all sources together (a guesser spreading over many addresses), every source is.
 * - Throttled is slowed down, not locked out: each request waits `delayMs` first and then is
 *   answered, so a real code from behind a shared NAT still gets through, while a guesser gets
 *   at most `maxWaiting` tries per `delayMs` against 2^60 codes. Failures while throttled are
 *   answered 429, so they say nothing about the code.
 * - Memory is bounded: at most `maxSources` sources are tracked, the least recently seen one is
 *   forgotten first (the room tier still counts what a flood of addresses does).
 * - One alarm per source (and one for the room) until the window lets it go.
 */
export interface ThrottleOptions {
  readonly limit?: number;
  readonly roomLimit?: number;
  readonly windowMs?: number;
  readonly delayMs?: number;
  readonly maxWaiting?: number;
  readonly maxSources?: number;
  readonly now?: () => number;
}

interface SourceState {
  /** Failure times, oldest first; never longer than the limit. */
  failures: number[];
  alarmed: boolean;
  waiting: number;
}

const IPV4 = /^\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}$/;

/** The throttle's key for a client address: IPv4 as is, IPv6 by its /64. */
export function sourceKey(address: string): string {
  // A plain IPv4 address, what nearly every tablet has: as is, without the work below (called
  // for every connection and every ballot).
  if (IPV4.test(address)) return address;
  const bare = address.replace(/^\[|\]$/g, '').split('%')[0] ?? '';
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(bare);
  if (mapped?.[1]) return mapped[1];
  if (!bare.includes(':')) return bare;
  const [head = '', tail = ''] = bare.toLowerCase().split('::');
  const left = head === '' ? [] : head.split(':');
  const right = tail === '' ? [] : tail.split(':');
  const groups = bare.includes('::') ? [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right] : left;
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

export type Admission = { readonly kind: 'now' } | { readonly kind: 'after'; readonly ms: number; readonly done: () => void } | { readonly kind: 'refused' };

export class FailureThrottle {
  private readonly sources = new Map<string, SourceState>();
  private room: number[] = [];
  private roomAlarmed = false;
  private readonly limit: number;
  private readonly roomLimit: number;
  private readonly windowMs: number;
  private readonly delayMs: number;
  private readonly maxWaiting: number;
  private readonly maxSources: number;
  private readonly now: () => number;

  constructor(options: ThrottleOptions = {}) {
    this.limit = options.limit ?? 10;
    this.roomLimit = options.roomLimit ?? 60;
    this.windowMs = options.windowMs ?? 5 * 60_000;
    this.delayMs = options.delayMs ?? 1000;
    this.maxWaiting = options.maxWaiting ?? 32;
    this.maxSources = options.maxSources ?? 10_000;
    this.now = options.now ?? Date.now;
  }

  /** How many sources are tracked now (for the memory bound's test). */
  get trackedSources(): number {
    return this.sources.size;
  }

  private prune(list: number[]): number[] {
    const since = this.now() - this.windowMs;
    let drop = 0;
    while (drop < list.length && (list[drop] ?? 0) <= since) drop += 1;
    return drop === 0 ? list : list.slice(drop);
  }

  private state(source: string, create: boolean): SourceState | null {
    let state = this.sources.get(source);
    if (state) {
      state.failures = this.prune(state.failures);
      if (state.failures.length === 0 && state.waiting === 0) state.alarmed = false;
      // Most recently seen last: the first entry is the one forgotten when full.
      this.sources.delete(source);
      this.sources.set(source, state);
      return state;
    }
    if (!create) return null;
    state = { failures: [], alarmed: false, waiting: 0 };
    this.sources.set(source, state);
    for (const [oldest, old] of this.sources) {
      if (this.sources.size <= this.maxSources) break;
      if (old.waiting > 0) continue;
      this.sources.delete(oldest);
    }
    return state;
  }

  private roomThrottled(): boolean {
    this.room = this.prune(this.room);
    if (this.room.length === 0) this.roomAlarmed = false;
    return this.room.length >= this.roomLimit;
  }

  /** True while this client's source (or the whole room) has used up its failed attempts. */
  throttled(address: string): boolean {
    const state = this.state(sourceKey(address), false);
    return this.roomThrottled() || (state !== null && state.failures.length >= this.limit);
  }

  /**
   * Whether a request may be answered now, after a wait (call `done` once it is answered), or
   * not at all (too many of this source's requests already waiting).
   */
  admit(address: string): Admission {
    if (!this.throttled(address)) return { kind: 'now' };
    const state = this.state(sourceKey(address), true);
    if (!state || state.waiting >= this.maxWaiting) return { kind: 'refused' };
    state.waiting += 1;
    let released = false;
    return {
      kind: 'after',
      ms: this.delayMs,
      done: () => {
        if (released) return;
        released = true;
        state.waiting -= 1;
      },
    };
  }

  /**
   * Records a failure. Returns which alarms to raise now: 'source' the first time this source is
   * throttled, 'room' the first time the room is; at most one of each until the window passes.
   */
  fail(address: string): { source: boolean; room: boolean } {
    const state = this.state(sourceKey(address), true);
    const now = this.now();
    let source = false;
    if (state) {
      state.failures.push(now);
      if (state.failures.length > this.limit) state.failures.shift();
      if (state.failures.length >= this.limit && !state.alarmed) {
        state.alarmed = true;
        source = true;
      }
    }
    this.room.push(now);
    if (this.room.length > this.roomLimit) this.room.shift();
    let room = false;
    if (this.roomThrottled() && !this.roomAlarmed) {
      this.roomAlarmed = true;
      room = true;
    }
    return { source, room };
  }
}
