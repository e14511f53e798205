import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { officialCalendar } from './calendar.fixtures.ts';
import { addDays, dayMs, type LocalDate, shanghaiDayOf, startOfDayMs } from './shanghai-time.ts';
import { defaultWorkingHours, type WorkingHours, workingPeriodsOf } from './working-hours.ts';
import {
  addWorkingDays,
  addWorkingMinutes,
  isWorkingDay,
  type WorkingCalendar,
  workingDayAfter,
  workingMinutesBetween,
} from './working-time.ts';

/** Instants across the four years of official data, to the millisecond. */
const instant = fc
  .integer({ min: Date.parse('2023-12-25T00:00:00Z'), max: Date.parse('2027-12-01T00:00:00Z') })
  .map((ms) => new Date(ms));
/** Up to 15 working days of 7 hours. */
const minutes = fc.integer({ min: 0, max: 15 * 420 });

const clock = (m: number) =>
  m === 1440 ? '24:00' : `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

/** Any usable working hours: sorted, non-overlapping periods (adjacent ones allowed), one to three of them. */
const workingHours: fc.Arbitrary<WorkingHours> = fc
  .uniqueArray(fc.integer({ min: 0, max: 1440 }), { minLength: 2, maxLength: 6 })
  .map((points) => {
    const sorted = [...points].sort((a, b) => a - b);
    const periods = [];
    for (let i = 0; i + 1 < sorted.length; i += 2)
      periods.push({ start: clock(sorted[i]!), end: clock(sorted[i + 1]!) });
    return { periods };
  });

/** The official calendar with random county changes: extra holidays and extra working days. */
const calendar: fc.Arbitrary<WorkingCalendar> = fc
  .array(
    fc.record({
      offset: fc.integer({ min: 0, max: 1500 }),
      kind: fc.constantFrom('holiday' as const, 'workday' as const),
    }),
    { maxLength: 40 },
  )
  .map((changes) =>
    officialCalendar(
      changes.map((c): [LocalDate, { kind: 'holiday' | 'workday'; name: string }] => [
        addDays('2024-01-01', c.offset),
        { kind: c.kind, name: '本县' },
      ]),
    ),
  );

/** Inside (or at an edge of) a working period of a working day. */
function isWorkingInstant(at: Date, cal: WorkingCalendar, hours: WorkingHours): boolean {
  const day = shanghaiDayOf(at);
  return [day, addDays(day, -1)].some(
    (d) =>
      isWorkingDay(d, cal) &&
      workingPeriodsOf(hours).some(
        (p) => startOfDayMs(d) + p.start * 60_000 <= at.getTime() && at.getTime() <= startOfDayMs(d) + p.end * 60_000,
      ),
  );
}

describe('working time — properties', () => {
  it('measuring from the start to the deadline gives back the amount', () => {
    fc.assert(
      fc.property(instant, minutes, calendar, workingHours, (start, m, cal, hours) => {
        const deadline = addWorkingMinutes(start, m, cal, hours);
        expect(workingMinutesBetween(start, deadline, cal, hours)).toBe(m);
      }),
    );
  });

  it('a deadline never falls on a non-working instant, and is never before the start', () => {
    fc.assert(
      fc.property(instant, minutes, calendar, workingHours, (start, m, cal, hours) => {
        const deadline = addWorkingMinutes(start, m, cal, hours);
        expect(isWorkingInstant(deadline, cal, hours)).toBe(true);
        expect(deadline.getTime()).toBeGreaterThanOrEqual(start.getTime());
      }),
    );
  });

  it('more working time never gives an earlier deadline (minutes and days)', () => {
    fc.assert(
      fc.property(instant, minutes, minutes, fc.nat(20), fc.nat(20), calendar, (start, m1, m2, d1, d2, cal) => {
        const [lo, hi] = m1 <= m2 ? [m1, m2] : [m2, m1];
        const hours = defaultWorkingHours;
        expect(addWorkingMinutes(start, lo, cal, hours) <= addWorkingMinutes(start, hi, cal, hours)).toBe(true);
        const [dLo, dHi] = d1 <= d2 ? [d1, d2] : [d2, d1];
        expect(addWorkingDays(start, dLo, cal, hours) <= addWorkingDays(start, dHi, cal, hours)).toBe(true);
      }),
    );
  });

  it('a holiday inserted into the calendar never makes a deadline earlier', () => {
    fc.assert(
      fc.property(
        instant,
        minutes,
        fc.integer({ min: -3, max: 30 }),
        calendar,
        workingHours,
        (start, m, offset, cal, hours) => {
          const holiday = addDays(shanghaiDayOf(start), offset);
          const withHoliday = { days: new Map(cal.days).set(holiday, { kind: 'holiday', name: '县庆' }) };
          expect(addWorkingMinutes(start, m, withHoliday, hours) >= addWorkingMinutes(start, m, cal, hours)).toBe(true);
        },
      ),
    );
  });

  it('pauses never increase elapsed time, and elapsed time is additive over consecutive spans', () => {
    const span = fc.tuple(instant, fc.integer({ min: 0, max: 20 * dayMs }));
    const pause = fc.record({ from: instant, to: fc.option(instant, { nil: null }) });
    fc.assert(
      fc.property(
        span,
        fc.integer({ min: 0, max: 20 * dayMs }),
        fc.array(pause, { maxLength: 5 }),
        calendar,
        (s, cut, pauses, cal) => {
          const a = s[0];
          const b = new Date(a.getTime() + s[1]);
          const mid = new Date(a.getTime() + Math.min(cut, s[1]));
          const hours = defaultWorkingHours;
          const whole = workingMinutesBetween(a, b, cal, hours);
          const paused = workingMinutesBetween(a, b, cal, hours, pauses);
          expect(paused).toBeGreaterThanOrEqual(0);
          expect(paused).toBeLessThanOrEqual(whole);
          expect(workingMinutesBetween(a, mid, cal, hours) + workingMinutesBetween(mid, b, cal, hours)).toBeCloseTo(
            whole,
            9,
          );
        },
      ),
    );
  });

  it('the n-th working day after a day is a working day, and later for larger n', () => {
    fc.assert(
      fc.property(instant, fc.nat(30), fc.nat(30), calendar, (start, n1, n2, cal) => {
        const day = shanghaiDayOf(start);
        const [lo, hi] = n1 <= n2 ? [n1, n2] : [n2, n1];
        const first = workingDayAfter(day, lo, cal);
        const second = workingDayAfter(day, hi, cal);
        expect(isWorkingDay(first, cal)).toBe(true);
        expect(first <= second).toBe(true);
        // From a non-working day the 0th and the 1st working day after it are the same day, by definition.
        const strictlyLater = lo < hi && (lo > 0 || isWorkingDay(day, cal));
        if (strictlyLater) expect(first < second).toBe(true);
      }),
    );
  });
});
