import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addCounts, average, computeIndicators, percent, type RawCounts, zeroCounts } from './indicators.ts';

describe('percent', () => {
  it('reproduces the 天门 bulletin: 应结案 972, 结案 911 → 93.72 %, 按期结案 737 → 75.82 %', () => {
    expect(percent(911, 972)).toBe(93.72);
    expect(percent(737, 972)).toBe(75.82);
  });

  it('rounds a true half up and keeps exact values exact', () => {
    expect(percent(1, 8)).toBe(12.5);
    expect(percent(1, 3)).toBe(33.33);
    expect(percent(2, 3)).toBe(66.67);
    // 1/16 = 6.25 % exactly; 1/1600 = 0.0625 % → 0.06, 3/1600 = 0.1875 % → 0.19 (half up at the third decimal).
    expect(percent(1, 16)).toBe(6.25);
    expect(percent(1, 1600)).toBe(0.06);
    expect(percent(1, 800)).toBe(0.13);
    expect(percent(3, 1600)).toBe(0.19);
    expect(percent(0, 5)).toBe(0);
    expect(percent(5, 5)).toBe(100);
  });

  it('is null ("—") for a 0 denominator and refuses counts that are not counts', () => {
    expect(percent(0, 0)).toBeNull();
    expect(() => percent(-1, 5)).toThrow(RangeError);
    expect(() => percent(1.5, 5)).toThrow(RangeError);
  });

  it('stays within 0–100 and within half a basis point of the exact ratio (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000_000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (denominator, share) => {
          const numerator = Math.floor(denominator * share);
          const value = percent(numerator, denominator) as number;
          expect(value).toBeGreaterThanOrEqual(0);
          expect(value).toBeLessThanOrEqual(100);
          expect(Math.abs(value - (numerator * 100) / denominator)).toBeLessThanOrEqual(0.005 + 1e-9);
          // Two decimals, not a binary approximation of more.
          expect(Number(value.toFixed(2))).toBe(value);
        },
      ),
    );
  });

  it('never decreases when the numerator grows, and is null exactly when the denominator is 0 (property)', () => {
    fc.assert(
      fc.property(fc.nat(100_000), fc.nat(100_000), fc.nat(100_000), (a, b, d) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        if (d === 0) {
          expect(percent(low, d)).toBeNull();
          return;
        }
        expect(percent(low, d) as number).toBeLessThanOrEqual(percent(high, d) as number);
      }),
    );
  });
});

describe('computeIndicators', () => {
  const tianmen: RawCounts = {
    ...zeroCounts,
    reported: 1054,
    registered: 996,
    due: 972,
    closed: 911,
    closedOnTime: 737,
    reworked: 20,
    timed: 900,
    handlingMinutes: 900 * 90,
    rated: 3,
    satisfactionSum: 13,
    verified: 64,
    verifiedOnTime: 59,
  };

  it('derives every rate from its own denominator', () => {
    expect(computeIndicators(tianmen)).toEqual({
      reported: 1054,
      registered: 996,
      due: 972,
      closed: 911,
      closedOnTime: 737,
      reworked: 20,
      rated: 3,
      overdueOpen: 0,
      closedRate: 93.72,
      onTimeRate: 75.82,
      reworkRate: 2.2, // 20 / 911 = 2.195… %
      avgHandlingHours: 1.5,
      satisfaction: 4.33,
      verified: 64,
      verifiedOnTime: 59,
      verifyOnTimeRate: 92.19, // 59 / 64 = 92.1875 %, half up
      lowVolume: false,
    });
  });

  it('flags a group below the minimum 应结案 and shows — for empty denominators', () => {
    const few = computeIndicators({ ...zeroCounts, due: 4, closed: 4, closedOnTime: 4 });
    expect(few).toMatchObject({
      lowVolume: true,
      closedRate: 100,
      reworkRate: 0,
      avgHandlingHours: null,
      satisfaction: null,
    });
    expect(computeIndicators({ ...zeroCounts, due: 5 })).toMatchObject({
      lowVolume: false,
      closedRate: 0,
      reworkRate: null,
    });
    expect(computeIndicators({ ...zeroCounts, due: 5 }, 10).lowVolume).toBe(true);
    expect(computeIndicators(zeroCounts)).toMatchObject({
      closedRate: null,
      onTimeRate: null,
      reworkRate: null,
      lowVolume: true,
    });
  });

  it('adds groups so the total equals the sum of its parts, month rows without a snapshot included', () => {
    const a: RawCounts = { ...zeroCounts, due: 3, closed: 2, timed: 2, handlingMinutes: 120, overdueOpen: null };
    const b: RawCounts = { ...zeroCounts, due: 7, closed: 7, timed: 1, handlingMinutes: 420, overdueOpen: 4 };
    const total = computeIndicators(addCounts(a, b));
    expect(total).toMatchObject({ due: 10, closed: 9, closedRate: 90, avgHandlingHours: 3, overdueOpen: 4 });
  });

  it('averages with two decimals', () => {
    expect(average(10, 3)).toBe(3.33);
    expect(average(9, 8)).toBe(1.13);
    expect(average(13, 3)).toBe(4.33);
    expect(average(5, 0)).toBeNull();
  });
});
