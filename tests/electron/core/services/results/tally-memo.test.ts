/** The tally memo keys on the ballot set's explicit version, never on whether an array is frozen. */
import { describe, expect, it } from 'vitest';
import { oncePerBallotSet } from '../../../../../electron/core/services/results/tally-memo';

function counter(): { compute: () => { n: number }; calls: () => number } {
  let calls = 0;
  return { compute: () => ({ n: (calls += 1) }), calls: () => calls };
}

describe('oncePerBallotSet', () => {
  it('computes once per version and key, and again for another version or key', () => {
    const c = counter();
    const first = oncePerBallotSet('m1@3#1', 'tally', c.compute);
    expect(oncePerBallotSet('m1@3#1', 'tally', c.compute)).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    expect(c.calls()).toBe(1);
    oncePerBallotSet('m1@4#2', 'tally', c.compute);
    oncePerBallotSet('m1@3#1', 'check', c.compute);
    expect(c.calls()).toBe(3);
  });

  it('keeps nothing without a version, whatever the ballots look like', () => {
    const c = counter();
    oncePerBallotSet(null, 'tally', c.compute);
    oncePerBallotSet(null, 'tally', c.compute);
    expect(c.calls()).toBe(2);
  });

  it('drops the least recently used ballot sets beyond its limit', () => {
    const c = counter();
    for (let i = 0; i < 9; i += 1) oncePerBallotSet(`lru#${i}`, 'tally', c.compute);
    expect(c.calls()).toBe(9);
    oncePerBallotSet('lru#8', 'tally', c.compute);
    expect(c.calls()).toBe(9);
    oncePerBallotSet('lru#0', 'tally', c.compute);
    expect(c.calls()).toBe(10);
  });
});
