import { sql } from 'drizzle-orm';
import { boolean, check, date, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { regionCode } from './columns.ts';

/** 'holiday': a day off (法定节假日 and the days of its 放假调休); 'workday': a working day, usually a 调休 weekend. */
export const calendarDayKinds = ['holiday', 'workday'] as const;
export type CalendarDayKind = (typeof calendarDayKinds)[number];

/** 'official': loaded from the State Council notices (data/cn-holidays.json); 'local': entered by the county. */
export const calendarDaySources = ['official', 'local'] as const;
export type CalendarDaySource = (typeof calendarDaySources)[number];

/**
 * The working calendar's exceptions to the weekly rule (Monday–Friday work), per county (DESIGN rule 6).
 * A day may hold one official and one local row: the local row wins, and reloading the official data never
 * touches it, so a county's own decision survives an upgrade and removing it restores the official day.
 */
export const calendarDay = pgTable(
  'calendar_day',
  {
    regionCode: regionCode('region_code').notNull(),
    /** The calendar date in Asia/Shanghai. */
    day: date('day', { mode: 'string' }).notNull(),
    source: text('source', { enum: calendarDaySources }).notNull(),
    kind: text('kind', { enum: calendarDayKinds }).notNull(),
    /** 春节, 国庆节, 国庆节调休, or the county's own reason. */
    name: text('name').notNull(),
    /** Official rows for a year whose notice is not yet published: the statutory days only, no 调休. */
    provisional: boolean('provisional').notNull().default(false),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    /** The administrator who entered a local row; null for official data. */
    updatedBy: uuid('updated_by'),
  },
  (t) => [
    primaryKey({ columns: [t.regionCode, t.day, t.source] }),
    check('calendar_day_kind', sql`${t.kind} in ('holiday', 'workday')`),
    check('calendar_day_source', sql`${t.source} in ('official', 'local')`),
  ],
);
