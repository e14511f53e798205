import { sql } from 'drizzle-orm';
import { bigint, date, doublePrecision, integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { regionCode } from './columns.ts';

const counts = () => ({
  reported: integer('reported').notNull().default(0),
  registered: integer('registered').notNull().default(0),
  due: integer('due').notNull().default(0),
  closed: integer('closed').notNull().default(0),
  closedOnTime: integer('closed_on_time').notNull().default(0),
  reworked: integer('reworked').notNull().default(0),
  timed: integer('timed').notNull().default(0),
  handlingMinutes: doublePrecision('handling_minutes').notNull().default(sql`0`),
  rated: integer('rated').notNull().default(0),
  satisfactionSum: integer('satisfaction_sum').notNull().default(0),
});

/**
 * 综合评价 by month: each case's contributions, added up per Asia/Shanghai month × township × department ×
 * category, so a year's figures read a few thousand rows instead of a third of a million cases. A case adds
 * 上报 to the month of reported_at, 立案 to the month of registered_at, and 应结案 with what follows it
 * (结案, 按期, 返工, timed minutes, 回访) to the month of its settling instant least(handle_due_at, closed_at).
 * A case change does not touch this table: its trigger (cases_evaluation_track) appends what the change adds
 * or takes away to cases_evaluation_change, and cases_evaluation_fold(region) — a periodic job — moves those
 * changes in here. Readers add the changes not yet folded, so the figures always equal a recount of the rows;
 * cases_evaluation_rebuild(region) recomputes both from the rows (bulk loads). Department '' is "not dispatched".
 */
export const casesEvaluationMonth = pgTable(
  'cases_evaluation_month',
  {
    regionCode: regionCode('region_code').notNull(),
    /** First day of the Asia/Shanghai month. */
    month: date('month', { mode: 'string' }).notNull(),
    townshipCode: regionCode('township_code').notNull(),
    department: text('department').notNull(),
    categoryCode: text('category_code').notNull(),
    ...counts(),
  },
  (t) => [
    primaryKey({
      name: 'cases_evaluation_month_pk',
      columns: [t.regionCode, t.month, t.townshipCode, t.department, t.categoryCode],
    }),
  ],
);

/**
 * What case changes added to the month rollup since its last fold, one row per change and key. Appending here
 * locks nothing another writer needs: adding into the month row itself made every intake of one township,
 * category and month wait for the one before it to commit (a hot row, as the audit chain head was).
 */
export const casesEvaluationChange = pgTable(
  'cases_evaluation_change',
  {
    regionCode: regionCode('region_code').notNull(),
    id: bigint('id', { mode: 'number' }).generatedAlwaysAsIdentity(),
    month: date('month', { mode: 'string' }).notNull(),
    townshipCode: regionCode('township_code').notNull(),
    department: text('department').notNull(),
    categoryCode: text('category_code').notNull(),
    ...counts(),
  },
  (t) => [primaryKey({ columns: [t.regionCode, t.id] })],
);
