import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cst, officialCalendar } from '../../../platform/calendar/calendar.fixtures.ts';
import { addDays, type LocalDate } from '../../../platform/calendar/shanghai-time.ts';
import { defaultWorkingHours, type WorkingHours } from '../../../platform/calendar/working-hours.ts';
import { type WorkingCalendar, workingMinutesBetween } from '../../../platform/calendar/working-time.ts';
import { queryRows } from '../../../platform/db/rows.ts';
import { useTestDatabase } from '../../../testing/test-database.ts';
import { calendarArrays, workingMinutesSql } from './working-minutes.sql.ts';

// From before the first year the calendar holds to after its last: the lookup and both fallbacks.
const instant = fc
  .integer({ min: Date.parse('2023-06-01T00:00:00Z'), max: Date.parse('2030-06-01T00:00:00Z') })
  .map((ms) => new Date(ms));
const clock = (m: number) =>
  m === 1440 ? '24:00' : `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
const workingHours: fc.Arbitrary<WorkingHours> = fc
  .uniqueArray(fc.integer({ min: 0, max: 1440 }), { minLength: 2, maxLength: 6 })
  .map((points) => {
    const sorted = [...points].sort((a, b) => a - b);
    const periods = [];
    for (let i = 0; i + 1 < sorted.length; i += 2)
      periods.push({ start: clock(sorted[i]!), end: clock(sorted[i + 1]!) });
    return { periods };
  });
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

describe('working minutes in SQL', () => {
  const db = useTestDatabase();

  async function inSql(
    pairs: ReadonlyArray<readonly [Date, Date]>,
    cal: WorkingCalendar,
    hours: WorkingHours,
  ): Promise<number[]> {
    const arrays = calendarArrays(cal, hours);
    const values = sql.join(
      pairs.map(([a, b], i) => sql`(${i}::int, ${a.toISOString()}::timestamptz, ${b.toISOString()}::timestamptz)`),
      sql`, `,
    );
    const rows = await queryRows<{ i: number; minutes: number }>(
      db.database.db,
      sql`select v.i, ${workingMinutesSql(sql`v.a`, sql`v.b`, arrays)} as minutes from (values ${values}) as v(i, a, b) order by v.i`,
    );
    return rows.map((r) => Number(r.minutes));
  }

  it('counts the working hours of known spans across a weekend, the 2026 Spring Festival and its 调休 Saturday', async () => {
    const cal = officialCalendar();
    const spans = [
      [cst('2026-03-02 09:00'), cst('2026-03-02 11:30')], // Monday morning: 150
      [cst('2026-03-06 16:00'), cst('2026-03-09 09:00')], // Friday 16:00 → Monday 09:00: 90 + 60
      [cst('2026-03-02 12:00'), cst('2026-03-02 14:30')], // lunch break: 0
      [cst('2026-03-03 10:00'), cst('2026-03-02 10:00')], // backwards: 0
      // Friday 13 Feb 17:00 → Tuesday 24 Feb 08:30: 30 minutes on Friday, the whole 调休 Saturday 14th (420),
      // nothing over the Spring Festival (15–23), 30 minutes on the 24th.
      [cst('2026-02-13 17:00'), cst('2026-02-24 08:30')],
    ] as const;
    const got = await inSql(spans, cal, defaultWorkingHours);
    expect(got).toEqual([150, 150, 0, 0, 480]);
    expect(spans.map(([a, b]) => workingMinutesBetween(a, b, cal, defaultWorkingHours))).toEqual(got);
    // Without a calendar the festival is ordinary weekdays: 30 + 6 × 420 + 30.
    expect(await inSql([spans[4]], { days: new Map() }, defaultWorkingHours)).toEqual([2580]);
  });

  it('agrees with workingMinutesBetween for any calendar, working hours and pair of instants (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        calendar,
        workingHours,
        fc.array(fc.tuple(instant, instant), { minLength: 1, maxLength: 25 }),
        async (cal, hours, pairs) => {
          const got = await inSql(pairs, cal, hours);
          pairs.forEach(([a, b], i) => {
            expect(got[i]).toBeCloseTo(workingMinutesBetween(a, b, cal, hours), 6);
          });
        },
      ),
      { numRuns: 60 },
    );
  });
});
