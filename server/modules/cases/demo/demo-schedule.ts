import type { CaseChannel } from '../../../db/schema/cases.ts';
import { addDays, type LocalDate, shanghaiDayOf, startOfDayMs } from '../../../platform/calendar/shanghai-time.ts';
import { workingPeriodsOf } from '../../../platform/calendar/working-hours.ts';
import { isWorkingDay } from '../../../platform/calendar/working-time.ts';
import type { SeededRandom } from '../../../platform/seed/random.ts';
import type { WorkTime } from '../sla.ts';

/**
 * When the demo cases were reported. Patrols report on working days in working hours (a few at dawn markets
 * and evening stalls); citizens, volunteers and the hotline on any day at any waking hour. Volume follows
 * the season (the Spring Festival lull, the 创文 spring and autumn drives) and grows a little over the year.
 */

/** More than 13 months back from now, so a whole year and its month before are always in the history. */
export const historyDays = 405;

const monthFactor = [0.8, 0.7, 1.0, 1.15, 1.2, 1.1, 0.95, 0.95, 1.1, 1.05, 1.15, 1.0];
const minute = 60_000;

export interface Schedule {
  days: LocalDate[];
  /** Cumulative day weights: patrols, and every other channel. */
  patrol: number[];
  others: number[];
}

export function buildSchedule(now: Date, work: WorkTime): Schedule {
  const today = shanghaiDayOf(now);
  const days: LocalDate[] = [];
  for (let day = addDays(today, -historyDays); day <= today; day = addDays(day, 1)) days.push(day);
  const patrol: number[] = [];
  const others: number[] = [];
  let [p, o] = [0, 0];
  days.forEach((day, i) => {
    const base = monthFactor[Number(day.slice(5, 7)) - 1]! * (0.9 + (0.2 * i) / days.length);
    const working = isWorkingDay(day, work.calendar);
    p += base * (working ? 1 : 0.25);
    o += base * (working ? 1 : 0.85);
    patrol.push(p);
    others.push(o);
  });
  return { days, patrol, others };
}

/** A report time for the channel, before `now`; `first` pins it to the first day of the history. */
export function reportTime(
  schedule: Schedule,
  channel: CaseChannel,
  now: Date,
  work: WorkTime,
  rng: SeededRandom,
  first = false,
): Date {
  const cumulative = channel === 'patrol' ? schedule.patrol : schedule.others;
  for (let attempt = 0; attempt < 20; attempt++) {
    const index = first ? 0 : lowerBound(cumulative, rng.next() * cumulative[cumulative.length - 1]!);
    const day = schedule.days[index]!;
    const at = new Date(startOfDayMs(day) + minuteOfDay(channel, work, rng) * minute + rng.int(0, 59) * 1000);
    if (at < now) return at;
  }
  return new Date(now.getTime() - rng.int(1, 120) * minute);
}

function minuteOfDay(channel: CaseChannel, work: WorkTime, rng: SeededRandom): number {
  switch (channel) {
    case 'patrol':
      return rng.chance(0.88) ? inWorkingHours(work, rng) : rng.chance(0.5) ? rng.int(390, 479) : rng.int(1050, 1230);
    case 'citizen':
      return rng.chance(0.92) ? rng.int(420, 1379) : rng.int(1380, 1859) % 1440;
    case 'hotline':
      return rng.chance(0.95) ? rng.int(480, 1259) : rng.int(1260, 1439);
    case 'volunteer':
      return rng.int(480, 1079);
    case 'other':
      return inWorkingHours(work, rng);
  }
}

/** A minute inside the county's working periods, each minute equally likely. */
function inWorkingHours(work: WorkTime, rng: SeededRandom): number {
  const periods = workingPeriodsOf(work.hours);
  const total = periods.reduce((sum, p) => sum + (p.end - p.start), 0);
  let x = rng.int(0, total - 1);
  for (const p of periods) {
    if (x < p.end - p.start) return p.start + x;
    x -= p.end - p.start;
  }
  return periods[0]!.start;
}

function lowerBound(sorted: readonly number[], value: number): number {
  let [lo, hi] = [0, sorted.length - 1];
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
