import { describe, expect, it } from 'vitest';
import { assertConsistent, type OfficialYear, readOfficialCalendar } from './official-holidays.ts';
import { isWeekend, yearOf } from './shanghai-time.ts';

const { years, rows, version } = readOfficialCalendar();
const rowsOf = (year: number) => rows.filter((r) => yearOf(r.day) === year);
const holidayDays = (year: number) => rowsOf(year).filter((r) => r.kind === 'holiday');
const workdays = (year: number) => rowsOf(year).filter((r) => r.kind === 'workday');

describe('a damaged file is refused', () => {
  const base: OfficialYear = {
    year: 2026,
    status: 'official',
    notice: 'x',
    document: 'x',
    issued: null,
    holidays: [],
    workdays: [],
  };

  it.each([
    ['a date that does not exist', { holidays: [{ name: 'x', from: '2026-02-30', to: '2026-02-30' }] }, /not a date/],
    [
      'a span that ends before it starts',
      { holidays: [{ name: 'x', from: '2026-02-23', to: '2026-02-15' }] },
      /bad span/,
    ],
    ['a 调休 working day on a weekday', { workdays: [{ date: '2026-02-13', name: 'x' }] }, /must be a weekend/],
    [
      'a day listed twice',
      {
        holidays: [{ name: 'x', from: '2026-02-14', to: '2026-02-14' }],
        workdays: [{ date: '2026-02-14', name: 'x' }],
      },
      /listed twice/,
    ],
    [
      'a date far outside its year',
      { holidays: [{ name: 'x', from: '2029-01-01', to: '2029-01-01' }] },
      /outside 2026/,
    ],
  ])('%s', (_label, change, message) => {
    expect(() => assertConsistent([{ ...base, ...change }])).toThrow(message);
  });
});

describe('cn-holidays.json', () => {
  it('covers 2024–2027, 2027 as provisional statutory days only', () => {
    expect(years.map((y) => [y.year, y.status])).toEqual([
      [2024, 'official'],
      [2025, 'official'],
      [2026, 'official'],
      [2027, 'provisional'],
    ]);
    expect(version).toMatch(/^[0-9a-f]{16}$/);
    expect(rowsOf(2027).every((r) => r.provisional)).toBe(true);
    expect(rows.filter((r) => yearOf(r.day) < 2027).some((r) => r.provisional)).toBe(false);
  });

  it.each([
    // [year, days off (放假调休 spans, weekends included), 调休 working weekends] — the totals each notice states
    [2024, 1 + 8 + 3 + 5 + 1 + 3 + 7, 8],
    [2025, 1 + 8 + 3 + 5 + 3 + 8, 5],
    [2026, 3 + 9 + 3 + 5 + 3 + 3 + 7, 6],
    [2027, 13, 0], // statutory days only (全国年节及纪念日放假办法 第二条)
  ])('%d: %d days off and %d 调休 working days', (year, off, working) => {
    expect(holidayDays(year)).toHaveLength(off);
    expect(workdays(year)).toHaveLength(working);
  });

  it.each([
    [2024, 11],
    [2025, 13],
    [2026, 13],
  ])('%d balances: weekdays off = %d statutory days + one per 调休 working weekend', (year, statutory) => {
    // Every weekend given up for work buys one weekday off, and a statutory day on a weekend is made up on a
    // weekday (补休), so the weekday days off are exactly the statutory days plus the 调休 working days.
    const weekdaysOff = holidayDays(year).filter((r) => !isWeekend(r.day)).length;
    expect(weekdaysOff).toBe(statutory + workdays(year).length);
  });

  it('has 除夕 as a holiday from 2025 (国务院令第795号) but not in 2024, and 5月2日 from 2025', () => {
    const kindOf = (day: string) => rows.find((r) => r.day === day)?.kind;
    expect(kindOf('2024-02-09')).toBeUndefined();
    expect(['2025-01-28', '2026-02-16', '2027-02-05'].map(kindOf)).toEqual(['holiday', 'holiday', 'holiday']);
    expect(['2025-05-02', '2026-05-02', '2027-05-02'].map(kindOf)).toEqual(['holiday', 'holiday', 'holiday']);
  });

  it('matches the 2026 notice (国办发明电〔2025〕7号) day by day', () => {
    expect(workdays(2026).map((r) => r.day)).toEqual([
      '2026-01-04',
      '2026-02-14',
      '2026-02-28',
      '2026-05-09',
      '2026-09-20',
      '2026-10-10',
    ]);
    const spans = years
      .find((y) => y.year === 2026)!
      .holidays.map((h) => `${h.name} ${h.from.slice(5)}–${h.to.slice(5)}`);
    expect(spans).toEqual([
      '元旦 01-01–01-03',
      '春节 02-15–02-23',
      '清明节 04-04–04-06',
      '劳动节 05-01–05-05',
      '端午节 06-19–06-21',
      '中秋节 09-25–09-27',
      '国庆节 10-01–10-07',
    ]);
  });
});
