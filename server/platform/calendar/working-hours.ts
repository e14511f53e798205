/**
 * The daily working hours of a county, as wall-clock periods in Asia/Shanghai ('08:00'–'12:00').
 * Counties set their own (the campaign office's 作息时间); the default follows the cases reference
 * (reference/cases-anchors.md §3.3: "8:00–12:00/14:30–17:30-style windows", a common 机关 timetable).
 */
export interface WorkingPeriod {
  readonly start: string;
  readonly end: string;
}

export interface WorkingHours {
  readonly periods: readonly WorkingPeriod[];
}

export const defaultWorkingHours: WorkingHours = {
  periods: [
    { start: '08:00', end: '12:00' },
    { start: '14:30', end: '17:30' },
  ],
};

/** A period as minutes after midnight, end exclusive. */
export interface MinutePeriod {
  readonly start: number;
  readonly end: number;
}

const clockPattern = /^(?:([01]\d|2[0-3]):([0-5]\d)|24:00)$/;

/** '14:30' → 870; undefined for anything that is not HH:MM between 00:00 and 24:00. */
export function minuteOfDay(clock: string): number | undefined {
  const match = clockPattern.exec(clock);
  if (!match) return undefined;
  return match[1] === undefined ? 24 * 60 : Number(match[1]) * 60 + Number(match[2]);
}

/**
 * The periods in minutes, or undefined when they are not usable: empty, malformed, a period that ends before
 * it starts, or periods out of order or overlapping (one working minute must never count twice).
 */
export function parseWorkingHours(hours: WorkingHours): MinutePeriod[] | undefined {
  const periods: MinutePeriod[] = [];
  for (const period of hours.periods) {
    const start = minuteOfDay(period.start);
    const end = minuteOfDay(period.end);
    if (start === undefined || end === undefined || start >= end) return undefined;
    const previous = periods.at(-1);
    if (previous && start < previous.end) return undefined;
    periods.push({ start, end });
  }
  return periods.length > 0 ? periods : undefined;
}

/** Like parseWorkingHours, for hours already validated where they were saved. */
export function workingPeriodsOf(hours: WorkingHours): MinutePeriod[] {
  const periods = parseWorkingHours(hours);
  if (!periods) throw new RangeError(`unusable working hours: ${JSON.stringify(hours)}`);
  return periods;
}

/** Working minutes in one working day: what a time limit of one 工作日 amounts to. */
export function workingMinutesPerDay(hours: WorkingHours): number {
  return workingPeriodsOf(hours).reduce((sum, p) => sum + p.end - p.start, 0);
}
