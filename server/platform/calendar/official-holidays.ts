import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { CalendarDayKind } from '../../db/schema/calendar.ts';
import { addDays, isLocalDate, isWeekend, type LocalDate, yearOf } from './shanghai-time.ts';

/** One year of the State Council's 放假调休 arrangement, as transcribed in data/cn-holidays.json. */
export interface OfficialYear {
  year: number;
  /** 'provisional': the notice is not published yet; only the statutory days are listed. */
  status: 'official' | 'provisional';
  notice: string | null;
  document: string;
  issued: string | null;
  holidays: Array<{ name: string; from: LocalDate; to: LocalDate; provisional?: boolean }>;
  workdays: Array<{ date: LocalDate; name: string; provisional?: boolean }>;
}

export interface OfficialDayRow {
  day: LocalDate;
  kind: CalendarDayKind;
  name: string;
  provisional: boolean;
}

export interface OfficialCalendar {
  years: OfficialYear[];
  rows: OfficialDayRow[];
  /** Changes whenever the file does, so an installation reloads the official rows after an upgrade. */
  version: string;
}

const dataFile = path.join(import.meta.dirname, 'data', 'cn-holidays.json');
let cached: OfficialCalendar | undefined;

/** The official calendar file, checked and expanded to one row per day (read once per process). */
export function readOfficialCalendar(): OfficialCalendar {
  if (cached) return cached;
  const text = fs.readFileSync(dataFile, 'utf8');
  const { years } = JSON.parse(text) as { years: OfficialYear[] };
  assertConsistent(years);
  cached = {
    years,
    rows: years.flatMap(expandYear),
    version: createHash('sha256').update(text).digest('hex').slice(0, 16),
  };
  return cached;
}

export function officialYear(year: number): OfficialYear | undefined {
  return readOfficialCalendar().years.find((y) => y.year === year);
}

/** Every day of each announced 放假 span, weekends included, and each 调休 working weekend. */
export function expandYear(year: OfficialYear): OfficialDayRow[] {
  const rows: OfficialDayRow[] = [];
  for (const holiday of year.holidays) {
    for (let day = holiday.from; day <= holiday.to; day = addDays(day, 1)) {
      rows.push({ day, kind: 'holiday', name: holiday.name, provisional: holiday.provisional ?? false });
    }
  }
  for (const workday of year.workdays) {
    rows.push({ day: workday.date, kind: 'workday', name: workday.name, provisional: workday.provisional ?? false });
  }
  return rows;
}

/**
 * Refuses a damaged or mistyped file at start rather than computing wrong deadlines: dates must be real and
 * belong to their year (a 调休 day may fall in the neighbouring year, as 2018-12-29 did for 元旦 2019), a 调休
 * working day must be a weekend, and no day may appear twice.
 */
export function assertConsistent(years: readonly OfficialYear[]): void {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const year of years) {
    for (const h of year.holidays)
      if (!(isLocalDate(h.from) && isLocalDate(h.to) && h.from <= h.to))
        problems.push(`${h.name} ${h.from}–${h.to}: bad span`);
    for (const row of expandYear(year)) {
      problems.push(...problemsOf(row, year.year));
      if (seen.has(row.day)) problems.push(`${row.day}: listed twice`);
      seen.add(row.day);
    }
  }
  if (problems.length > 0) throw new Error(`cn-holidays.json is inconsistent: ${problems.slice(0, 5).join('; ')}`);
}

function problemsOf(row: OfficialDayRow, year: number): string[] {
  if (!isLocalDate(row.day)) return [`${row.day}: not a date`];
  if (Math.abs(yearOf(row.day) - year) > 1) return [`${row.day}: outside ${year}`];
  if (row.kind === 'workday' && !isWeekend(row.day)) return [`${row.day}: a 调休 working day must be a weekend`];
  return [];
}
