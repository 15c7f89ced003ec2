/**
 * The throttle on its own, with an injected clock: sources (IPv4 address, IPv6 /64), the room
 * tier, the bounded memory, one alarm per source, and the window letting a source go.
 */
import { describe, expect, it } from 'vitest';
import { FailureThrottle, sourceKey } from '../../../../electron/core/server/throttle';

function clock(start = 1_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe('sourceKey', () => {
  it('keeps IPv4 addresses, unwraps IPv4-mapped IPv6 and cuts IPv6 to its /64', () => {
    expect(sourceKey('192.168.1.23')).toBe('192.168.1.23');
    expect(sourceKey('::ffff:192.168.1.23')).toBe('192.168.1.23');
    expect(sourceKey('2001:db8:1:2:aaaa:bbbb:cccc:dddd')).toBe('2001:db8:1:2::/64');
    expect(sourceKey('2001:0db8:0001:0002::1')).toBe('2001:db8:1:2::/64');
    expect(sourceKey('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(sourceKey('2001:db8::')).toBe('2001:db8:0:0::/64');
    expect(sourceKey('::1')).toBe('0:0:0:0::/64');
  });
});

describe('FailureThrottle', () => {
  it('counts 200 addresses of one IPv6 /64 as one source, with one alarm', () => {
    const c = clock();
    const throttle = new FailureThrottle({ limit: 10, roomLimit: 10_000, now: c.now });
    const alarms: number[] = [];
    for (let i = 0; i < 200; i += 1) {
      const address = `2001:db8:1:2:${(i * 7919).toString(16)}:${i.toString(16)}:1:${(i + 1).toString(16)}`;
      if (throttle.fail(address).source) alarms.push(i);
      c.advance(10);
    }
    expect(alarms).toEqual([9]);
    expect(throttle.throttled('2001:db8:1:2::99')).toBe(true);
    expect(throttle.throttled('2001:db8:1:3::99')).toBe(false);
    expect(throttle.trackedSources).toBe(1);
  });

  it('throttles the whole room when many addresses together pass its limit, with one room alarm', () => {
    const c = clock();
    const throttle = new FailureThrottle({ limit: 10, roomLimit: 60, now: c.now });
    let roomAlarms = 0;
    let sourceAlarms = 0;
    for (let a = 0; a < 60; a += 1) {
      for (let g = 0; g < 9; g += 1) {
        const raised = throttle.fail(`10.0.${a}.7`);
        roomAlarms += raised.room ? 1 : 0;
        sourceAlarms += raised.source ? 1 : 0;
      }
    }
    expect([roomAlarms, sourceAlarms]).toEqual([1, 0]);
    expect(throttle.throttled('10.9.9.9')).toBe(true);
    const admission = throttle.admit('10.9.9.9');
    expect(admission.kind).toBe('after');
  });

  it('slows a throttled source instead of refusing it, and refuses only past its waiting cap', () => {
    const c = clock();
    const throttle = new FailureThrottle({ limit: 3, maxWaiting: 2, delayMs: 500, now: c.now });
    expect(throttle.admit('10.0.0.1')).toEqual({ kind: 'now' });
    for (let i = 0; i < 3; i += 1) throttle.fail('10.0.0.1');
    const first = throttle.admit('10.0.0.1');
    const second = throttle.admit('10.0.0.1');
    expect([first.kind, second.kind, throttle.admit('10.0.0.1').kind]).toEqual(['after', 'after', 'refused']);
    if (first.kind === 'after') {
      expect(first.ms).toBe(500);
      first.done();
    }
    expect(throttle.admit('10.0.0.1').kind).toBe('after');
    expect(throttle.admit('10.0.0.2')).toEqual({ kind: 'now' });
  });

  it('lets a source go once the window has passed, and may alarm again after that', () => {
    const c = clock();
    const throttle = new FailureThrottle({ limit: 10, windowMs: 5 * 60_000, now: c.now });
    const raised = Array.from({ length: 12 }, () => throttle.fail('192.168.0.9').source);
    expect(raised.filter(Boolean)).toHaveLength(1);
    expect(throttle.throttled('192.168.0.9')).toBe(true);
    c.advance(5 * 60_000 - 1);
    expect(throttle.throttled('192.168.0.9')).toBe(true);
    c.advance(2);
    expect(throttle.throttled('192.168.0.9')).toBe(false);
    expect(throttle.admit('192.168.0.9')).toEqual({ kind: 'now' });
    const again = Array.from({ length: 10 }, () => throttle.fail('192.168.0.9').source);
    expect(again.filter(Boolean)).toHaveLength(1);
  });

  it('keeps memory bounded: 20,000 addresses leave at most maxSources tracked, the oldest forgotten first', () => {
    const c = clock();
    const throttle = new FailureThrottle({ limit: 10, roomLimit: 1_000_000, maxSources: 10_000, now: c.now });
    for (let i = 0; i < 20_000; i += 1) throttle.fail(`10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`);
    expect(throttle.trackedSources).toBe(10_000);
    // The first addresses were forgotten, the last ones are still counted.
    for (let i = 0; i < 9; i += 1) throttle.fail('10.0.78.31'); // address 19,999
    expect(throttle.throttled('10.0.78.31')).toBe(true);
    for (let i = 0; i < 9; i += 1) throttle.fail('10.0.0.0');
    expect(throttle.throttled('10.0.0.0')).toBe(false);
  });
});
