import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AppError } from '../../../platform/http/app-error.ts';
import { dateWindowOf, maxSpanDays } from './date-window.ts';

const now = new Date('2026-03-02T01:00:00Z');
const day = 86_400_000;

function refusal(given: { start_date?: string; end_date?: string }): AppError {
  try {
    dateWindowOf(given, now);
  } catch (error) {
    return error as AppError;
  }
  throw new Error(`accepted ${JSON.stringify(given)}`);
}

describe('dateWindowOf', () => {
  it('defaults to the 90 days up to now', () => {
    expect(dateWindowOf({}, now)).toEqual({ start: new Date(now.getTime() - 90 * day), end: now });
  });

  it('takes 90 days from a lone start_date and up to a lone end_date', () => {
    expect(dateWindowOf({ start_date: '2026-01-01T00:00:00+08:00' }, now)).toEqual({
      start: new Date('2025-12-31T16:00:00Z'),
      end: new Date('2026-03-31T16:00:00Z'),
    });
    expect(dateWindowOf({ end_date: '2026-01-01T00:00:00Z' }, now)).toEqual({
      start: new Date('2025-10-03T00:00:00Z'),
      end: new Date('2026-01-01T00:00:00Z'),
    });
  });

  it('accepts exactly 90 days and equal ends; refuses 90 days and a second, and backwards ranges', () => {
    expect(dateWindowOf({ start_date: '2026-01-01T00:00:00Z', end_date: '2026-04-01T00:00:00Z' }, now).end).toEqual(
      new Date('2026-04-01T00:00:00Z'),
    );
    expect(dateWindowOf({ start_date: '2026-01-01T00:00:00Z', end_date: '2026-01-01T00:00:00Z' }, now).start).toEqual(
      new Date('2026-01-01T00:00:00Z'),
    );
    expect(refusal({ start_date: '2026-01-01T00:00:00Z', end_date: '2026-04-01T00:00:01Z' }).fields).toEqual({
      end_date: { key: 'open311.date_span', vars: { days: 90 } },
    });
    expect(refusal({ start_date: '2026-01-02T00:00:00Z', end_date: '2026-01-01T00:00:00Z' }).fields).toEqual({
      end_date: { key: 'open311.date_order' },
    });
  });

  it('names each malformed end: no zone, a date alone, a day that does not exist', () => {
    expect(refusal({ start_date: '2026-01-01T00:00:00', end_date: '2026-01-01' }).fields).toEqual({
      start_date: { key: 'format.date-time' },
      end_date: { key: 'format.date-time' },
    });
    expect(refusal({ start_date: '2026-02-30T00:00:00Z' }).fields).toEqual({ start_date: { key: 'format.date-time' } });
  });

  it('never returns a window longer than 90 days or ending before it starts (property)', () => {
    const instant = fc
      .integer({ min: Date.parse('2020-01-01T00:00:00Z'), max: Date.parse('2030-01-01T00:00:00Z') })
      .map((ms) => new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000', ''));
    fc.assert(
      fc.property(fc.option(instant, { nil: undefined }), fc.option(instant, { nil: undefined }), (start, end) => {
        let window: { start: Date; end: Date } | undefined;
        try {
          window = dateWindowOf({ ...(start ? { start_date: start } : {}), ...(end ? { end_date: end } : {}) }, now);
        } catch {
          expect(start && end).toBeTruthy(); // only a pair can be refused
          return;
        }
        expect(window.end.getTime() - window.start.getTime()).toBeLessThanOrEqual(maxSpanDays * day);
        expect(window.end.getTime()).toBeGreaterThanOrEqual(window.start.getTime());
      }),
    );
  });
});
