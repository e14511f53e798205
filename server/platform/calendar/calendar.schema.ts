import { type Static, Type } from 'typebox';
import { calendarDayKinds, calendarDaySources } from '../../db/schema/calendar.ts';
import { S } from '../http/schema.ts';

/** Years a county may read or adjust: wide enough for archives and planning, narrow enough to catch typos. */
export const calendarYears = { min: 2000, max: 2100 } as const;

const localDate = (description: string) => Type.String({ format: 'date', description });
const clock = Type.String({ pattern: '^(([01][0-9]|2[0-3]):[0-5][0-9]|24:00)$', description: 'HH:MM, Asia/Shanghai' });

export const CalendarYearQuery = S.object({
  year: Type.Optional(
    Type.Integer({ minimum: calendarYears.min, maximum: calendarYears.max, description: 'Defaults to this year' }),
  ),
});

export const CalendarDayParams = S.object({ date: localDate('The day, Asia/Shanghai (YYYY-MM-DD)') });

export const SetCalendarDayBody = S.object({
  kind: S.literals(calendarDayKinds, {
    description: "'holiday': a day off; 'workday': a working day (e.g. a 调休 weekend)",
  }),
  name: Type.String({ minLength: 1, maxLength: 40, pattern: '\\S', description: 'Why: 春节, 国庆节调休, 县庆…' }),
});
export type SetCalendarDayInput = Static<typeof SetCalendarDayBody>;

export const WorkingHoursSchema = S.object({
  periods: Type.Array(S.object({ start: clock, end: clock }), {
    minItems: 1,
    maxItems: 4,
    description: 'In order, not overlapping',
  }),
});
export type WorkingHoursInput = Static<typeof WorkingHoursSchema>;

export const WorkingTimeQuery = S.object({
  from: Type.String({ format: 'date-time' }),
  to: Type.String({ format: 'date-time' }),
});

const nullableString = Type.Union([Type.String(), Type.Null()]);

export const CalendarDaySchema = Type.Object({
  date: Type.String(),
  kind: S.literals(calendarDayKinds),
  name: Type.String(),
  source: S.literals(calendarDaySources),
  provisional: Type.Boolean(),
  /** For a local row that overrides an official one: what the State Council's notice says. */
  official: Type.Union([Type.Object({ kind: S.literals(calendarDayKinds), name: Type.String() }), Type.Null()]),
});
export type CalendarDayDto = Static<typeof CalendarDaySchema>;

export const CalendarYearSchema = Type.Object({
  year: Type.Integer(),
  reference: Type.Object({
    status: S.literals(['official', 'provisional', 'missing'] as const),
    notice: nullableString,
    document: nullableString,
    issued: nullableString,
  }),
  workingHours: WorkingHoursSchema,
  days: Type.Array(CalendarDaySchema),
});
export type CalendarYearDto = Static<typeof CalendarYearSchema>;

export const WorkingTimeSchema = Type.Object({
  from: Type.String(),
  to: Type.String(),
  minutes: Type.Number({ description: 'Working minutes between the two instants' }),
});
