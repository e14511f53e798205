import { addDays, isLocalDate, type LocalDate } from '../../../platform/calendar/shanghai-time.ts';

/** The last day of a term of `months` starting on `start`: 2026-03-15 + 12 months → 2027-03-14 (end of month clamped). */
export function termEndOf(start: LocalDate, months: number): LocalDate {
  const [year, month, day] = start.split('-').map(Number) as [number, number, number];
  const total = year * 12 + (month - 1) + months;
  const endYear = Math.floor(total / 12);
  const endMonth = (total % 12) + 1;
  const lastDay = new Date(Date.UTC(endYear, endMonth, 0)).getUTCDate();
  const anniversary = `${endYear}-${String(endMonth).padStart(2, '0')}-${String(Math.min(day, lastDay)).padStart(2, '0')}`;
  return addDays(anniversary, -1);
}

/** How an agreement stands on `today`: drafts and terminated ones as stored, signed ones by their term. */
export function standingOn(
  today: LocalDate,
  row: { status: 'draft' | 'signed' | 'terminated'; termStart: string; termEnd: string },
): 'draft' | 'in_force' | 'not_yet' | 'expired' | 'terminated' {
  if (row.status !== 'signed') return row.status;
  if (today < row.termStart) return 'not_yet';
  return today > row.termEnd ? 'expired' : 'in_force';
}

/** At most five years: a longer one is a typing mistake, not a policy. */
export const maxTermDays = 5 * 366;

export function isDay(text: string): boolean {
  return isLocalDate(text);
}
