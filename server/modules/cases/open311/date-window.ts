import { AppError, type FieldProblems } from '../../../platform/http/app-error.ts';
import { isOpen311Datetime } from './attributes.ts';

/** GeoReport v2 GET Service Requests: a range "may not span more than 90 days"; without one, the last 90 days. */
export const maxSpanDays = 90;
const spanMs = maxSpanDays * 86_400_000;

/** Both ends included. */
export interface DateWindow {
  start: Date;
  end: Date;
}

/**
 * The window a `start_date`/`end_date` pair selects. Neither: the 90 days up to now (spec). One end alone: the
 * 90 days from it or up to it, so an aggregator polling `?start_date=<last poll>` gets everything since then
 * without tripping the cap. Both: as given, at most 90 days apart, end not before start.
 */
export function dateWindowOf(given: { start_date?: string; end_date?: string }, now: Date): DateWindow {
  const problems: FieldProblems = {};
  const start = parseDate(given.start_date, 'start_date', problems);
  const end = parseDate(given.end_date, 'end_date', problems);
  if (Object.keys(problems).length > 0) throw AppError.validation(problems);
  if (start && end) {
    if (end < start) throw AppError.field('end_date', 'open311.date_order');
    if (end.getTime() - start.getTime() > spanMs)
      throw AppError.field('end_date', 'open311.date_span', { days: maxSpanDays });
    return { start, end };
  }
  if (start) return { start, end: new Date(start.getTime() + spanMs) };
  if (end) return { start: new Date(end.getTime() - spanMs), end };
  return { start: new Date(now.getTime() - spanMs), end: now };
}

function parseDate(raw: string | undefined, field: string, problems: FieldProblems): Date | undefined {
  if (raw === undefined) return undefined;
  if (!isOpen311Datetime(raw)) {
    problems[field] = { key: 'format.date-time' };
    return undefined;
  }
  return new Date(raw);
}
