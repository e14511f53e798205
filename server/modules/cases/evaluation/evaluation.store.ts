import { and, eq, type SQL, type SQLWrapper, sql } from 'drizzle-orm';
import { casesCase } from '../../../db/schema/cases.ts';
import type { Db } from '../../../platform/db/database.ts';
import { queryRows } from '../../../platform/db/rows.ts';
import { overdueFilter } from '../case-filters.ts';
import { type CaseVisibility, visibilityFilter } from '../cases.store.ts';
import type { RawCounts } from './indicators.ts';
import { type CalendarArrays, workingMinutesSql } from './working-minutes-sql.ts';

export const dimensions = ['township', 'department', 'category', 'month'] as const;
export type Dimension = (typeof dimensions)[number];

/**
 * The period [start, end) — Asia/Shanghai days from..to inclusive — and the instant the figures are taken.
 *
 * Definitions (one case can count in several of them):
 * - 上报数: reported_at in the period (every channel and outcome, 不予立案 and 合并 included).
 * - 立案数: registered_at in the period. registered_at is written once, when 受理 registers the case, and stays
 *   set through dispatch, handling and closing, so it counts every case that reached 立案 in the period.
 * - 应结案数: dispatched cases (handle_due_at set — rejected and merged cases never have one; a case returned
 *   by the department loses it until it is dispatched again) whose settling instant
 *   least(handle_due_at, closed_at) lies in [start, min(end, now)). A case is due in the period its 处置时限
 *   ends in, or in the period it was closed in when it closed before that deadline (early closings count
 *   where they happen, and nowhere else). Every case is due in exactly one period, so months add up to the
 *   quarter; deadlines that have not come yet are not due yet, so the running month is not understated.
 * - 结案数: of the 应结案, those closed now. A case due in March and closed late in April is March's 结案
 *   (not 按期) once it closes, so a past period's 结案率 can still rise while its stragglers close.
 * - 按期结案数: of the 结案, closed_on_time — the feedback came before the 处置时限 (verify-case.ts).
 * - 返工数: of the 结案, rework_count > 0 (at least one failed 核查). 返工率 = 返工数 / 结案数.
 * - 平均处置时长: of the 结案, working time from dispatched_at (the last dispatch) to handled_at (the last
 *   feedback, so rework time is in it), on the county's working calendar and working hours (working-minutes-
 *   sql.ts). 挂起 time is included: the row keeps no past suspension intervals to subtract.
 * - 满意度: the 回访 scores (1–5) of the 结案 that were rated; their count and sum.
 * - 超期未结: open cases whose running stage clock is past due now and not suspended (the list's `overdue`
 *   filter): a snapshot of now, not of the period.
 */
export interface EvaluationWindow {
  start: Date;
  end: Date;
  now: Date;
}

export interface GroupCounts extends RawCounts {
  key: string | null;
}

const c = casesCase;
const settleAt = sql`least(${c.handleDueAt}, ${c.closedAt})`;

const between = (column: SQLWrapper, from: Date, to: Date) => sql`(${column} >= ${from} and ${column} < ${to})`;

/** Each period set as a predicate on the case row (the flat dimensions). */
function periodSets(w: EvaluationWindow) {
  const settleEnd = new Date(Math.min(w.end.getTime(), w.now.getTime()));
  return {
    reported: between(c.reportedAt, w.start, w.end),
    registered: between(c.registeredAt, w.start, w.end),
    // handle_due_at is not null first: it is what keeps rejected cases (closed_at set, no deadline) out, and
    // the partial index recommended for this expression carries the same condition.
    settled: sql`(${c.handleDueAt} is not null and ${between(settleAt, w.start, settleEnd)})`,
    overdue: sql`(${overdueFilter(w.now)})`,
  };
}

type Marks = Record<'reported' | 'registered' | 'settled' | 'overdue', SQL>;

function aggregates(m: Marks, cal: CalendarArrays): SQL {
  const closed = sql`${m.settled} and ${c.status} = 'closed'`;
  const timed = sql`${closed} and ${c.dispatchedAt} is not null and ${c.handledAt} is not null`;
  return sql`
    count(*) filter (where ${m.reported}) as "reported",
    count(*) filter (where ${m.registered}) as "registered",
    count(*) filter (where ${m.settled}) as "due",
    count(*) filter (where ${closed}) as "closed",
    count(*) filter (where ${closed} and ${c.closedOnTime}) as "closedOnTime",
    count(*) filter (where ${closed} and ${c.reworkCount} > 0) as "reworked",
    count(*) filter (where ${timed}) as "timed",
    coalesce(sum(${workingMinutesSql(sql`${c.dispatchedAt}`, sql`${c.handledAt}`, cal)}) filter (where ${timed}), 0)::float8 as "handlingMinutes",
    count(${c.satisfaction}) filter (where ${closed}) as "rated",
    coalesce(sum(${c.satisfaction}) filter (where ${closed}), 0)::bigint as "satisfactionSum",
    count(*) filter (where ${m.overdue}) as "overdueOpen"`;
}

const groupColumn: Record<Exclude<Dimension, 'month'>, SQL> = {
  township: sql`${c.townshipCode}`,
  department: sql`${c.department}`,
  category: sql`${c.categoryCode}`,
};

/**
 * One grouped query per dimension over the actor's cases. The WHERE is an OR of the four sets, each a range
 * on one indexed column (reported_at, registered_at, least(handle_due_at, closed_at), stage_due_at), so
 * PostgreSQL answers it with a BitmapOr of index scans instead of reading the county's whole history.
 * Beyond the list's indexes it relies on cases_case_registered_idx (region_code, registered_at) and
 * cases_case_settle_idx (region_code, least(handle_due_at, closed_at)) where handle_due_at is not null.
 */
export async function countByGroup(db: Db, countyCode: string, visibility: CaseVisibility, dimension: Dimension, w: EvaluationWindow, cal: CalendarArrays): Promise<GroupCounts[]> {
  const sets = periodSets(w);
  const scope = and(eq(c.regionCode, countyCode), visibilityFilter(visibility)) as SQL;
  const anySet = sql`(${sets.reported} or ${sets.registered} or ${sets.settled} or ${sets.overdue})`;
  if (dimension !== 'month') {
    const rows = await queryRows<Record<string, unknown>>(
      db,
      sql`select ${groupColumn[dimension]} as "key", ${aggregates(sets, cal)} from ${c} where ${scope} and ${anySet} group by 1`,
    );
    return rows.map(toCounts);
  }
  return countByMonth(db, scope, anySet, sets, cal);
}

/**
 * Months: each indicator belongs to the month its own event happened in (上报 by reported_at, 立案 by
 * registered_at, 应结案 and what follows by the settling instant), so every case is fanned out into its
 * events by a lateral VALUES and grouped by the event's Shanghai month. The overdue snapshot has no month:
 * it comes back as the row with a null key.
 */
async function countByMonth(db: Db, scope: SQL, anySet: SQL, sets: Marks, cal: CalendarArrays): Promise<GroupCounts[]> {
  const marks: Marks = { reported: sql`v.kind = 'r'`, registered: sql`v.kind = 'g'`, settled: sql`v.kind = 's'`, overdue: sql`v.kind = 'o'` };
  const month = sql`to_char((v.at at time zone 'UTC') + interval '8 hours', 'YYYY-MM')`;
  const rows = await queryRows<Record<string, unknown>>(
    db,
    sql`select case when v.kind = 'o' then null else ${month} end as "key", ${aggregates(marks, cal)}
        from ${c} cross join lateral (values ('r', ${c.reportedAt}), ('g', ${c.registeredAt}), ('s', ${settleAt}), ('o', null::timestamptz)) as v(kind, at)
        where ${scope} and ${anySet}
          and ((v.kind = 'r' and ${sets.reported}) or (v.kind = 'g' and ${sets.registered}) or (v.kind = 's' and ${sets.settled}) or (v.kind = 'o' and ${sets.overdue}))
        group by 1`,
  );
  return rows.map(toCounts).map((r) => (r.key === null ? r : { ...r, overdueOpen: null }));
}

function toCounts(row: Record<string, unknown>): GroupCounts {
  const n = (name: string) => Number(row[name] ?? 0);
  return {
    key: row.key === null || row.key === undefined ? null : String(row.key),
    reported: n('reported'),
    registered: n('registered'),
    due: n('due'),
    closed: n('closed'),
    closedOnTime: n('closedOnTime'),
    reworked: n('reworked'),
    timed: n('timed'),
    handlingMinutes: n('handlingMinutes'),
    rated: n('rated'),
    satisfactionSum: n('satisfactionSum'),
    overdueOpen: n('overdueOpen'),
  };
}
