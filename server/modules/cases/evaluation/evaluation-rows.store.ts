import { type SQL, sql } from 'drizzle-orm';
import { casesCase } from '../../../db/schema/cases.ts';
import type { Db } from '../../../platform/db/database.ts';
import { queryRows } from '../../../platform/db/rows.ts';
import { overdueFilter } from '../case-filters.sql.ts';
import {
  addInto,
  type CountsByKey,
  type Dimension,
  type EventName,
  type EventRange,
  type PeriodMeasure,
} from './evaluation-rows.ts';

const c = casesCase;
/** The settling instant; written exactly as cases_case_settle_idx indexes it. */
export const settleAt = sql`least(${c.handleDueAt}, ${c.closedAt})`;

/** An instant's Asia/Shanghai month as 'YYYY-MM' (UTC+8 all year, so a fixed offset is exact). */
export const monthOf = (at: SQL) => sql`to_char((${at} at time zone 'UTC') + interval '8 hours', 'YYYY-MM')`;

export const groupColumn: Record<Exclude<Dimension, 'month'>, SQL> = {
  township: sql`${c.townshipCode}`,
  department: sql`${c.department}`,
  category: sql`${c.categoryCode}`,
};

const between = (column: SQL, from: Date, to: Date) => sql`${column} >= ${from} and ${column} < ${to}`;

const closed = sql`${c.status} = 'closed'`;

/**
 * Each set a figure counts, defined once: the event whose instant places it in the period, and what it asks
 * of that event's rows beyond it. The counts below and the drill-down's lists (evaluation-cases.store.ts) are
 * both built from these, so a list always holds the cases its figure counted.
 */
export const periodSets = {
  reported: { event: 'reported', where: sql`true` },
  registered: { event: 'registered', where: sql`true` },
  due: { event: 'settled', where: sql`true` },
  closed: { event: 'settled', where: closed },
  closedOnTime: { event: 'settled', where: sql`${closed} and ${c.closedOnTime}` },
  reworked: { event: 'settled', where: sql`${closed} and ${c.reworkCount} > 0` },
  timed: { event: 'settled', where: sql`${closed} and ${c.handlingMinutes} is not null` },
  rated: { event: 'settled', where: sql`${closed} and ${c.satisfaction} is not null` },
  verified: { event: 'verified', where: sql`true` },
  verifiedOnTime: { event: 'verified', where: sql`${c.reportVerifiedOnTime}` },
} as const satisfies Record<PeriodMeasure, { event: EventName; where: SQL }>;

const countOf = (set: PeriodMeasure) => sql`count(*) filter (where ${periodSets[set].where}) as ${sql.identifier(set)}`;

/** Per event: what it counts, its instant, and the rows it takes (each a range on one indexed instant). */
export const events: Record<EventName, { counts: SQL; instant: SQL; where: (from: Date, to: Date) => SQL }> = {
  reported: {
    counts: countOf('reported'),
    instant: sql`${c.reportedAt}`,
    where: (from, to) => between(sql`${c.reportedAt}`, from, to),
  },
  registered: {
    counts: countOf('registered'),
    instant: sql`${c.registeredAt}`,
    where: (from, to) => sql`${c.registeredAt} is not null and ${between(sql`${c.registeredAt}`, from, to)}`,
  },
  settled: {
    counts: sql`${countOf('due')}, ${countOf('closed')}, ${countOf('closedOnTime')}, ${countOf('reworked')},
      ${countOf('timed')},
      coalesce(sum(${c.handlingMinutes}) filter (where ${closed}), 0)::float8 as "handlingMinutes",
      ${countOf('rated')},
      coalesce(sum(${c.satisfaction}) filter (where ${closed}), 0)::int8 as "satisfactionSum"`,
    instant: settleAt,
    // handle_due_at is not null first: it keeps rejected cases (closed_at set, no deadline) out, and the
    // partial index cases_case_settle_idx carries the same condition.
    where: (from, to) => sql`${c.handleDueAt} is not null and ${between(settleAt, from, to)}`,
  },
  // 核实: the report's last on-site check, 属实 or 不属实 (cases_case_report_verified_idx).
  verified: {
    counts: sql`${countOf('verified')}, ${countOf('verifiedOnTime')}`,
    instant: sql`${c.reportVerifiedAt}`,
    where: (from, to) => sql`${c.reportVerifiedAt} is not null and ${between(sql`${c.reportVerifiedAt}`, from, to)}`,
  },
};

/**
 * Counts straight from the case rows, one query per event range, grouped by the dimension — for months, by
 * the month of the event's own instant, so a case is never fanned out into rows. `sign` −1 takes the counts
 * away again (what the rollup holds beyond now).
 */
export async function addEventCounts(
  db: Db,
  into: CountsByKey,
  scope: SQL,
  dimension: Dimension,
  ranges: readonly EventRange[],
  sign: 1 | -1 = 1,
): Promise<void> {
  for (const range of ranges) {
    if (range.from >= range.to) continue;
    const e = events[range.event];
    const key = dimension === 'month' ? monthOf(e.instant) : groupColumn[dimension];
    const rows = await queryRows<Record<string, unknown>>(
      db,
      sql`select ${key} as "key", ${e.counts} from ${c} where ${scope} and ${e.where(range.from, range.to)} group by 1`,
    );
    for (const row of rows) addInto(into, row, sign);
  }
}

/**
 * 超期未结: open cases past their running stage's due time now, not suspended — a snapshot, not a period
 * figure. Month rows carry none: it comes back under the null key and goes to the total only.
 */
export async function addOverdueCounts(
  db: Db,
  into: CountsByKey,
  scope: SQL,
  dimension: Dimension,
  now: Date,
): Promise<void> {
  const key = dimension === 'month' ? sql`null::text` : groupColumn[dimension];
  const rows = await queryRows<Record<string, unknown>>(
    db,
    sql`select ${key} as "key", count(*) as "overdueOpen" from ${c} where ${scope} and ${overdueFilter(now)} group by 1`,
  );
  for (const row of rows) addInto(into, row);
}
