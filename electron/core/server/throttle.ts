/**
 * Counts failed code attempts per client, in memory only (client keys are never stored or
 * logged). Past `limit` failures within `windowMs`, the client is refused until the window
 * has passed; the first refusal raises an alarm for the chair.
 */
export class FailureThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly limit = 10,
    private readonly windowMs = 5 * 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  private recent(client: string): number[] {
    const since = this.now() - this.windowMs;
    const list = (this.failures.get(client) ?? []).filter((t) => t > since);
    if (list.length === 0) this.failures.delete(client);
    else this.failures.set(client, list);
    return list;
  }

  /** True while this client has used up its failed attempts. */
  blocked(client: string): boolean {
    return this.recent(client).length >= this.limit;
  }

  /** Records a failure; returns true exactly when this failure makes the client blocked. */
  fail(client: string): boolean {
    const list = this.recent(client);
    list.push(this.now());
    this.failures.set(client, list);
    return list.length === this.limit;
  }
}
