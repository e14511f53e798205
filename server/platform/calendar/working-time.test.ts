import { describe, expect, it } from 'vitest';
import { cst, officialCalendar } from './calendar.fixtures.ts';
import { defaultWorkingHours, parseWorkingHours, workingMinutesPerDay } from './working-hours.ts';
import {
  addWorkingDays,
  addWorkingHours,
  addWorkingMinutes,
  isWorkingDay,
  workingDayAfter,
  workingMinutesBetween,
} from './working-time.ts';

const calendar = officialCalendar();
const hours = defaultWorkingHours;

describe('bad amounts and broken data', () => {
  it('refuses negative or non-finite amounts', () => {
    expect(() => addWorkingHours(cst('2026-03-02 08:00'), -1, calendar, hours)).toThrow(RangeError);
    expect(() => addWorkingMinutes(cst('2026-03-02 08:00'), Number.NaN, calendar, hours)).toThrow(RangeError);
    expect(() => addWorkingDays(cst('2026-03-02 08:00'), Number.POSITIVE_INFINITY, calendar, hours)).toThrow(
      RangeError,
    );
    expect(() => workingDayAfter('2026-03-02', 1.5, calendar)).toThrow(RangeError);
  });

  it('refuses unusable working hours', () => {
    expect(parseWorkingHours({ periods: [] })).toBeUndefined();
    expect(parseWorkingHours({ periods: [{ start: '12:00', end: '08:00' }] })).toBeUndefined();
    expect(
      parseWorkingHours({
        periods: [
          { start: '08:00', end: '12:00' },
          { start: '11:00', end: '17:00' },
        ],
      }),
    ).toBeUndefined();
    expect(
      parseWorkingHours({
        periods: [
          { start: '14:30', end: '17:30' },
          { start: '08:00', end: '12:00' },
        ],
      }),
    ).toBeUndefined();
    expect(parseWorkingHours({ periods: [{ start: '8:00', end: '12:00' }] })).toBeUndefined();
    expect(() => addWorkingHours(cst('2026-03-02 08:00'), 1, calendar, { periods: [] })).toThrow(RangeError);
  });

  it('stops with an error instead of looping when no day is a working day', () => {
    const allHolidays = {
      days: { get: () => ({ kind: 'holiday' as const, name: 'x' }) } as unknown as ReadonlyMap<string, never>,
    };
    expect(() => addWorkingHours(cst('2026-03-02 08:00'), 1, allHolidays, hours)).toThrow(/no working day/);
  });
});

describe('isWorkingDay', () => {
  it.each([
    ['2026-03-02', true], // Monday
    ['2026-03-07', false], // Saturday
    ['2026-02-14', true], // Saturday, 春节调休 (国办发明电〔2025〕7号)
    ['2026-02-16', false], // Monday, 除夕: a holiday since 2025
    ['2025-01-28', false], // 除夕 2025
    ['2024-02-09', true], // 除夕 2024: a working day under the 2013 rules
    ['2024-02-18', true], // Sunday, 春节调休
    ['2027-02-05', false], // 除夕 2027 (provisional)
  ])('%s → %s', (day, expected) => {
    expect(isWorkingDay(day, calendar)).toBe(expected);
  });

  it('takes the Shanghai date of an instant, not its UTC date', () => {
    // 2026-02-14T16:30Z is 00:30 on Sunday 15 February in Shanghai (春节), though still the 调休 Saturday in UTC.
    expect(isWorkingDay(new Date('2026-02-14T16:30:00Z'), calendar)).toBe(false);
    expect(isWorkingDay(new Date('2026-02-14T15:30:00Z'), calendar)).toBe(true);
  });
});

describe('deadlines', () => {
  it.each([
    [
      '立案 in 1 working hour, reported late on the Friday before 春节: runs into the 调休 Saturday',
      '2026-02-13 17:00',
      1,
      '2026-02-14 08:30',
    ],
    ['4 working hours over 国庆节', '2026-09-30 16:00', 4, '2026-10-08 10:30'],
    ['reported on Saturday night: the clock starts on Monday morning', '2026-03-07 22:00', 2, '2026-03-09 10:00'],
    ['reported at lunch: the clock starts at 14:30', '2026-03-02 12:10', 1, '2026-03-02 15:30'],
    ['a morning used up exactly ends at noon, not at 14:30', '2026-03-02 08:00', 4, '2026-03-02 12:00'],
    ['0 hours on a weekend moves to the next working minute', '2026-03-07 10:00', 0, '2026-03-09 08:00'],
    ['half an hour is kept exactly', '2026-03-02 11:45', 0.5, '2026-03-02 14:45'],
  ])('%s', (_label, start, amount, deadline) => {
    expect(addWorkingHours(cst(start), amount, calendar, hours)).toEqual(cst(deadline));
  });

  it('counts 工作日 as whole days of working time: 2 working days from the 调休 Saturday end after 春节', () => {
    expect(addWorkingDays(cst('2026-02-14 10:00'), 2, calendar, hours)).toEqual(cst('2026-02-25 10:00'));
    expect(addWorkingDays(cst('2026-03-06 10:00'), 2, calendar, hours)).toEqual(cst('2026-03-10 10:00'));
    expect(addWorkingDays(cst('2026-03-02 10:00'), 0.5, calendar, hours)).toEqual(cst('2026-03-02 16:00')); // 受理 0.5 工作日 = 3.5 h: 2 h before noon, 1.5 h after 14:30
  });

  it('follows the county working hours', () => {
    const later = {
      periods: [
        { start: '08:30', end: '12:00' },
        { start: '14:30', end: '17:30' },
      ],
    };
    expect(workingMinutesPerDay(later)).toBe(390);
    expect(workingMinutesPerDay(hours)).toBe(420);
    expect(addWorkingHours(cst('2026-03-07 10:00'), 1, calendar, later)).toEqual(cst('2026-03-09 09:30'));
  });
});

describe('workingDayAfter (whole-day rules)', () => {
  it.each([
    ['2026-02-13', 1, '2026-02-14'],
    ['2026-02-14', 1, '2026-02-24'],
    ['2026-02-15', 0, '2026-02-24'],
    ['2026-03-02', 0, '2026-03-02'],
    ['2026-09-28', 10, '2026-10-16'], // across 国庆节, counting the 调休 Saturday 10 October
  ])('%s + %d → %s', (day, n, expected) => {
    expect(workingDayAfter(day, n, calendar)).toBe(expected);
  });
});

describe('workingMinutesBetween', () => {
  const monday = cst('2026-03-02 08:00');
  const tuesdayEvening = cst('2026-03-03 17:30');

  it('counts only working periods of working days', () => {
    expect(workingMinutesBetween(monday, tuesdayEvening, calendar, hours)).toBe(840);
    expect(workingMinutesBetween(cst('2026-02-13 08:00'), cst('2026-02-24 12:00'), calendar, hours)).toBe(
      420 + 420 + 240,
    );
    expect(workingMinutesBetween(cst('2026-03-02 11:59'), cst('2026-03-02 14:31'), calendar, hours)).toBe(2);
  });

  it('is 0 when the end is not after the start', () => {
    expect(workingMinutesBetween(tuesdayEvening, monday, calendar, hours)).toBe(0);
    expect(workingMinutesBetween(monday, monday, calendar, hours)).toBe(0);
  });

  it('leaves out suspensions, counting overlapping ones once, and runs an open one to the end', () => {
    const overnight = { from: cst('2026-03-02 14:30'), to: cst('2026-03-03 08:00') };
    expect(workingMinutesBetween(monday, tuesdayEvening, calendar, hours, [overnight])).toBe(660);
    const overlapping = [
      { from: cst('2026-03-02 09:00'), to: cst('2026-03-02 11:00') },
      { from: cst('2026-03-02 10:00'), to: cst('2026-03-02 12:00') },
    ];
    expect(workingMinutesBetween(monday, tuesdayEvening, calendar, hours, overlapping)).toBe(840 - 180);
    expect(
      workingMinutesBetween(monday, tuesdayEvening, calendar, hours, [{ from: cst('2026-03-03 16:30'), to: null }]),
    ).toBe(780);
    expect(
      workingMinutesBetween(monday, tuesdayEvening, calendar, hours, [{ from: cst('2026-03-07 08:00'), to: null }]),
    ).toBe(840);
  });
});
