import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  add,
  compare,
  div,
  formatExact,
  fromInt,
  fromNumber,
  mul,
  parseExact,
  rational,
  roundHundredths,
  sub,
  toExactDecimal,
  toFixed2,
  toNumber,
} from '../../../shared/tally/exact-number';

describe('exact numbers', () => {
  it('reads decimals as typed, not as the nearest binary float', () => {
    expect(formatExact(fromNumber(0.1))).toBe('1/10');
    expect(formatExact(add(fromNumber(0.1), fromNumber(0.2)))).toBe('3/10');
    expect(formatExact(fromNumber(82.005))).toBe('16401/200');
    expect(formatExact(fromNumber(-2.5))).toBe('-5/2');
    expect(formatExact(fromNumber(1e21))).toBe('1000000000000000000000');
    expect(formatExact(fromNumber(1.5e-7))).toBe('3/20000000');
    expect(() => fromNumber(Number.NaN)).toThrow();
  });

  it('rounds half-up to 2 decimals exactly', () => {
    expect(toFixed2(fromNumber(82.005))).toBe('82.01');
    expect(toFixed2(fromNumber(82.0049999))).toBe('82.00');
    expect(toFixed2(fromNumber(1.005))).toBe('1.01');
    expect(toFixed2(rational(2n, 3n))).toBe('0.67');
    expect(toFixed2(rational(1n, 3n))).toBe('0.33');
    expect(toFixed2(fromInt(0))).toBe('0.00');
    expect(toFixed2(fromNumber(-1.005))).toBe('-1.01');
    expect(toFixed2(rational(-1n, 300n))).toBe('0.00');
  });

  it('rounds like decimal arithmetic on any thousandths value', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), (thousandths) => {
        const expected = Math.floor(thousandths / 10) + (thousandths % 10 >= 5 ? 1 : 0);
        expect(roundHundredths(rational(BigInt(thousandths), 1000n))).toBe(BigInt(expected));
      }),
      { numRuns: 200 },
    );
  });

  it('keeps field arithmetic exact and canonical', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1000, max: 1000 }), fc.integer({ min: 1, max: 1000 }), fc.integer({ min: -1000, max: 1000 }), fc.integer({ min: 1, max: 1000 }), (a, b, c, d) => {
        const x = rational(BigInt(a), BigInt(b));
        const y = rational(BigInt(c), BigInt(d));
        expect(sub(add(x, y), y)).toEqual(x);
        if (c !== 0) expect(mul(div(x, y), y)).toEqual(x);
        expect(compare(x, y)).toBe(Math.sign(a * d - c * b));
        expect(parseExact(formatExact(x))).toEqual(x);
        expect(toNumber(x)).toBeCloseTo(a / b, 12);
      }),
      { numRuns: 200 },
    );
  });

  it('prints terminating decimals exactly', () => {
    expect(toExactDecimal(fromNumber(82.315))).toBe('82.315');
    expect(toExactDecimal(fromInt(260))).toBe('260');
    expect(toExactDecimal(rational(1n, 8n))).toBe('0.125');
    expect(toExactDecimal(rational(-1n, 20n))).toBe('-0.05');
    expect(toExactDecimal(rational(1n, 3n))).toBeNull();
  });

  it('refuses a zero denominator', () => {
    expect(() => rational(1n, 0n)).toThrow();
    expect(() => div(fromInt(1), fromInt(0))).toThrow();
  });
});
