import { recordAudit, recordAuditOutside } from '../audit/audit.ts';
import type { Ctx } from '../context.ts';
import { invalidateReference } from '../cache/reference-cache.ts';
import { tx } from '../db/tx.ts';
import { AppError } from '../http/app-error.ts';
import { isInSubtree } from '../regions/region-scope.ts';
import { writeSetting } from '../settings/settings.store.ts';
import { presentCalendarDay } from './calendar.presenter.ts';
import {
  type CalendarDayDto,
  type CalendarYearDto,
  calendarYears,
  type SetCalendarDayInput,
  type WorkingHoursInput,
} from './calendar.schema.ts';
import { deleteLocalDay, findCalendarDays, listCalendarDays, upsertLocalDay } from './calendar.store.ts';
import { groupDayRows, loadCalendar, loadWorkingHours, workingHoursSettingKey } from './load-calendar.ts';
import { officialYear } from './official-holidays.ts';
import { type LocalDate, shanghaiYearOf, yearOf } from './shanghai-time.ts';
import { parseWorkingHours } from './working-hours.ts';
import { workingMinutesBetween } from './working-time.ts';

/** The longest span the working-time endpoint measures: longer than any time limit, short enough to be cheap. */
const maxSpanYears = 3;

/** One year of the county's calendar: the reference it rests on, the working hours and every exception day. */
export async function calendarYear(ctx: Ctx, year: number | undefined): Promise<CalendarYearDto> {
  const y = year ?? shanghaiYearOf(ctx.clock());
  const [rows, workingHours] = await Promise.all([
    listCalendarDays(ctx.db, ctx.countyCode, `${y}-01-01`, `${y}-12-31`),
    loadWorkingHours(ctx.db, ctx.countyCode),
  ]);
  const reference = officialYear(y);
  return {
    year: y,
    reference: {
      status: reference?.status ?? 'missing',
      notice: reference?.notice ?? null,
      document: reference?.document ?? null,
      issued: reference?.issued ?? null,
    },
    workingHours: { periods: workingHours.periods.map((p) => ({ ...p })) },
    days: groupDayRows(rows).map(presentCalendarDay),
  };
}

/** Sets the county's own kind for a day (e.g. a local holiday, or working through an official one). */
export async function setLocalDay(ctx: Ctx, day: LocalDate, input: SetCalendarDayInput): Promise<CalendarDayDto> {
  assertYear(day);
  await assertCountyManager(ctx, day);
  const name = input.name.trim();
  const saved = await tx(ctx, async (t) => {
    const before = (await findCalendarDays(t.db, t.countyCode, day)).find((r) => r.source === 'local');
    await upsertLocalDay(t.db, t.countyCode, {
      day,
      kind: input.kind,
      name,
      updatedAt: t.clock(),
      updatedBy: t.actor?.id ?? null,
    });
    await recordAudit(t, {
      eventType: 'calendar.update',
      action: 'update',
      objectType: 'calendar_day',
      objectId: day,
      details: { kind: input.kind, name, before: before ? { kind: before.kind, name: before.name } : null },
    });
    return presentDay(t, day);
  });
  invalidateReference(ctx, 'calendar');
  return saved;
}

/** Removes the county's own row for a day, so the official day (or the weekly rule) applies again. */
export async function clearLocalDay(ctx: Ctx, day: LocalDate): Promise<void> {
  assertYear(day);
  await assertCountyManager(ctx, day);
  await tx(ctx, async (t) => {
    const deleted = await deleteLocalDay(t.db, t.countyCode, day);
    if (!deleted) throw AppError.notFound('what.calendar_day');
    await recordAudit(t, {
      eventType: 'calendar.update',
      action: 'delete',
      objectType: 'calendar_day',
      objectId: day,
      details: { before: { kind: deleted.kind, name: deleted.name } },
    });
  });
  invalidateReference(ctx, 'calendar');
}

export async function setWorkingHours(ctx: Ctx, input: WorkingHoursInput): Promise<WorkingHoursInput> {
  await assertCountyManager(ctx, workingHoursSettingKey);
  if (!parseWorkingHours(input)) throw AppError.field('periods', 'calendar.periods_invalid');
  await tx(ctx, async (t) => {
    const before = await loadWorkingHours(t.db, t.countyCode);
    await writeSetting(t.db, t.countyCode, workingHoursSettingKey, input, t.clock());
    await recordAudit(t, {
      eventType: 'calendar.update',
      action: 'update',
      objectType: 'setting',
      objectId: workingHoursSettingKey,
      details: { before, after: input },
    });
  });
  invalidateReference(ctx, 'calendar');
  return input;
}

/** Working minutes between two instants on the county's calendar and hours. */
export async function workingTimeBetween(ctx: Ctx, from: Date, to: Date): Promise<number> {
  if (to < from) throw AppError.field('to', 'calendar.to_before_from');
  if (to.getTime() - from.getTime() > maxSpanYears * 366 * 86_400_000)
    throw AppError.field('to', 'calendar.range_too_long', { years: maxSpanYears });
  for (const [field, instant] of [
    ['from', from],
    ['to', to],
  ] as const) {
    const year = shanghaiYearOf(instant);
    if (year < calendarYears.min || year > calendarYears.max)
      throw AppError.field(field, 'calendar.year_range', calendarYears);
  }
  const [calendar, hours] = await Promise.all([
    loadCalendar(ctx.db, ctx.countyCode, shanghaiYearOf(from), shanghaiYearOf(to)),
    loadWorkingHours(ctx.db, ctx.countyCode),
  ]);
  return workingMinutesBetween(from, to, calendar, hours);
}

async function presentDay(ctx: Ctx, day: LocalDate): Promise<CalendarDayDto> {
  const [rows] = groupDayRows(await findCalendarDays(ctx.db, ctx.countyCode, day));
  return presentCalendarDay(rows!);
}

/**
 * The calendar is the whole county's: a campaign-office account scoped to one township may read it but not
 * change every township's deadlines. The record is not secret, so this is a plain 403 rather than a 404.
 */
async function assertCountyManager(ctx: Ctx, objectId: string): Promise<void> {
  const scope = ctx.actor?.scopeRegion;
  if (scope && isInSubtree(ctx.countyCode, scope)) return;
  await recordAuditOutside(ctx, {
    eventType: 'access.denied',
    action: 'update',
    outcome: 'failure',
    objectType: 'calendar',
    objectId,
    reasonCode: 'out_of_scope',
  });
  throw new AppError(403, 'forbidden', 'calendar.county_only');
}

function assertYear(day: LocalDate): void {
  const year = yearOf(day);
  if (year < calendarYears.min || year > calendarYears.max)
    throw AppError.field('date', 'calendar.year_range', calendarYears);
}
