import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkComposition, isCompositionValid, minimalAdditions, requiredOfficials } from '../../../shared/setup';

describe('requiredOfficials', () => {
  it('is round(0.3·N) half up on integers', () => {
    expect([0, 1, 2, 5, 15, 25, 26, 30, 35, 45, 100, 105, 300].map(requiredOfficials)).toEqual([0, 0, 1, 2, 5, 8, 8, 9, 11, 14, 30, 32, 90]);
    // 0.3 × 5 = 1.5 and 0.3 × 15 = 4.5 round up, exactly (no 0.3 floating-point error).
    fc.assert(fc.property(fc.nat(100_000), (n) => requiredOfficials(n) === Math.floor((3 * n) / 10 + 0.5 + 1e-9)));
  });
});

describe('checkComposition', () => {
  it.each([
    // officials, recipients, ok, required, fix
    [9, 21, true, 9, ''],
    [8, 22, true, 9, ''],
    [10, 20, true, 9, ''],
    [30, 70, true, 30, ''],
    [29, 71, true, 30, ''],
    [31, 69, true, 30, ''],
    [90, 210, true, 90, ''],
    [28, 72, false, 30, '再增加 1 名官员类代表（人大代表、政协委员或分管领导）'],
    [5, 21, false, 8, '再增加 4 名官员类代表（人大代表、政协委员或分管领导）'],
    [5, 25, false, 9, '再增加 4 名官员类代表（人大代表、政协委员或分管领导）'],
    [9, 19, false, 8, '再增加 2 名服务对象代表'],
    [8, 20, false, 8, '再增加 1 名官员类代表（人大代表、政协委员或分管领导）和 1 名服务对象代表'],
    [12, 18, false, 9, '再增加 5 名服务对象代表'],
    [0, 0, false, 0, '再增加 9 名官员类代表（人大代表、政协委员或分管领导）和 21 名服务对象代表'],
  ])('%i officials + %i recipients → ok %s, required %i, %j', (officials, recipients, ok, required, fix) => {
    const check = checkComposition({ officials, recipients });
    expect(check.ok).toBe(ok);
    expect(check.total).toBe(officials + recipients);
    expect(check.requiredOfficials).toBe(required);
    expect(check.fix).toBe(fix);
    expect(check.problems.length === 0).toBe(ok);
    expect(check.fixEn === '').toBe(ok);
  });

  it('names every problem in Chinese and English', () => {
    const check = checkComposition({ officials: 5, recipients: 21 });
    expect(check.problems.map((p) => p.code)).toEqual(['too_few_representatives', 'too_few_officials']);
    expect(check.problems[0]?.message).toBe('评议代表共 26 人，不足 30 人');
    // At opening the rule counts the people checked in, and says so.
    expect(checkComposition({ officials: 8, recipients: 18 }, 'present').problems[0]?.message).toBe('实到评议代表 26 人，不足 30 人');
    expect(check.problems[1]?.message).toContain('5 人，少于 30%：26 人中应为 8 人（允许 7–9 人）');
    expect(check.problems[1]?.messageEn).toContain('5 officials');
    expect(check.add).toEqual({ officials: 4, recipients: 0 });
    expect(check.fixEn).toBe('Add 4 more official representatives (NPC deputies, CPPCC members or leaders in charge)');
    const many = checkComposition({ officials: 12, recipients: 18 });
    expect(many.problems.map((p) => p.code)).toEqual(['too_many_officials']);
    expect(many.fixEn).toBe('Add 5 more service-recipient representatives');
  });

  it('rejects counts that are not non-negative integers', () => {
    expect(() => checkComposition({ officials: -1, recipients: 30 })).toThrow();
    expect(() => checkComposition({ officials: 1.5, recipients: 30 })).toThrow();
  });

  it('property: applying the fix gives a valid roster, and no smaller addition does', () => {
    fc.assert(
      fc.property(fc.nat(120), fc.nat(200), (officials, recipients) => {
        const check = checkComposition({ officials, recipients });
        const { officials: a, recipients: b } = check.add;
        expect(a).toBeGreaterThanOrEqual(0);
        expect(b).toBeGreaterThanOrEqual(0);
        expect(isCompositionValid(officials + a, recipients + b)).toBe(true);
        expect(checkComposition({ officials: officials + a, recipients: recipients + b }).ok).toBe(true);
        if (check.ok) expect(a + b).toBe(0);
        let smaller: [number, number] | undefined;
        for (let total = 0; total < a + b && smaller === undefined; total++) {
          for (let x = 0; x <= total; x++) if (isCompositionValid(officials + x, recipients + total - x)) smaller = [x, total - x];
        }
        expect(smaller).toBeUndefined();
        // The advice says exactly the numbers it computed.
        if (a > 0) expect(check.fix).toContain(`${a} 名官员类代表`);
        if (b > 0) expect(check.fix).toContain(`${b} 名服务对象代表`);
      }),
      { numRuns: 300 },
    );
  });

  it('property: among minimal fixes it lands closest to 30 %', () => {
    fc.assert(
      fc.property(fc.nat(60), fc.nat(100), (officials, recipients) => {
        const { officials: a, recipients: b } = minimalAdditions(officials, recipients);
        const deviation = (o: number, r: number): number => Math.abs(o - requiredOfficials(o + r));
        const chosen = deviation(officials + a, recipients + b);
        for (let x = 0; x <= a + b; x++) {
          if (isCompositionValid(officials + x, recipients + a + b - x)) {
            expect(chosen).toBeLessThanOrEqual(deviation(officials + x, recipients + a + b - x));
          }
        }
      }),
    );
  });
});
