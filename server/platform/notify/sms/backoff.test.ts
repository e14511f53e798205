import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { afterFailure, smsBackoffCapMs, smsBackoffMs, smsMaxAttempts } from './backoff.ts';

const now = new Date('2026-03-02T01:00:00Z');
const minutes = (ms: number) => ms / 60_000;

describe('SMS retry backoff', () => {
  it('waits 1, 2, 4, 8, 16 minutes and gives up at the sixth failed attempt', () => {
    expect([1, 2, 3, 4, 5].map((attempt) => minutes(smsBackoffMs(attempt)))).toEqual([1, 2, 4, 8, 16]);
    expect(smsMaxAttempts).toBe(6);
    const schedule = [1, 2, 3, 4, 5, 6].map((attempt) => afterFailure(attempt, true, now));
    expect(
      schedule.map((o) => (o.status === 'failed' ? minutes(o.nextAttemptAt.getTime() - now.getTime()) : 'dead')),
    ).toEqual([1, 2, 4, 8, 16, 'dead']);
  });

  it('never waits longer than the cap, and never less than the time before', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), (attempt) => {
        expect(smsBackoffMs(attempt)).toBeLessThanOrEqual(smsBackoffCapMs);
        expect(smsBackoffMs(attempt + 1)).toBeGreaterThanOrEqual(smsBackoffMs(attempt));
      }),
    );
    expect(smsBackoffMs(40)).toBe(smsBackoffCapMs);
  });

  it('a failure that will not change (unapproved template, bad number) is dead at once', () => {
    expect(afterFailure(1, false, now)).toEqual({ status: 'dead' });
  });

  it('refuses a meaningless attempt number', () => {
    expect(() => smsBackoffMs(0)).toThrow(RangeError);
    expect(() => smsBackoffMs(1.5)).toThrow(RangeError);
  });
});
