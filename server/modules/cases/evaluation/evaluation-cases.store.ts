import { and, count, eq, type SQL, sql } from 'drizzle-orm';
import { casesCase } from '../../../db/schema/cases.ts';
import type { Db } from '../../../platform/db/database.ts';
import { overdueFilter, type ScopedCaseFilter } from '../case-filters.sql.ts';
import type { CaseVisibility } from '../case-scope.ts';
import { visibilityFilter } from '../case-scope.store.ts';
import type { EvaluationWindow } from './evaluation.store.ts';
import { type Dimension, type Measure, periodEvents } from './evaluation-rows.ts';
import { events, groupColumn, monthOf, periodSets } from './evaluation-rows.store.ts';

/** One figure of the table: a measure of one group (its key; null the row without one), or of the total. */
export interface FigureCell {
  dimension: Dimension;
  /** undefined: the total row. */
  group: string | null | undefined;
  measure: Measure;
}

/**
 * The cases behind one figure, in the actor's scope: the figure's own set (periodSets — the definitions the
 * counts are built from), its event's instant in the period (settling instants only up to now), and the
 * group's key, read the way the counts group it. 超期未结 is the open-and-overdue snapshot of now.
 */
export function figureCasesWhere(
  countyCode: string,
  visibility: CaseVisibility,
  cell: FigureCell,
  w: EvaluationWindow,
): ScopedCaseFilter {
  const parts: SQL[] = [eq(casesCase.regionCode, countyCode), visibilityFilter(visibility)];
  if (cell.measure === 'overdueOpen') {
    parts.push(overdueFilter(w.now));
    if (cell.group !== undefined) parts.push(groupIs(cell.dimension, cell.group, sql`null`));
    return and(...parts) as ScopedCaseFilter;
  }
  const set = periodSets[cell.measure];
  const event = events[set.event];
  const range = periodEvents(w.start, w.end, w.now).find((r) => r.event === set.event);
  // The settling range is empty before the period has begun (now < start): nothing is due yet.
  if (!range || range.from >= range.to) parts.push(sql`false`);
  else parts.push(event.where(range.from, range.to));
  parts.push(set.where);
  if (cell.group !== undefined) parts.push(groupIs(cell.dimension, cell.group, event.instant));
  return and(...parts) as ScopedCaseFilter;
}

/** The group's condition: its column equals the key (or is null), a month the instant's Shanghai month. */
function groupIs(dimension: Dimension, key: string | null, instant: SQL): SQL {
  const column = dimension === 'month' ? monthOf(instant) : groupColumn[dimension];
  return key === null ? sql`${column} is null` : sql`${column} = ${key}`;
}

/** How many cases a figure counts: exact, as the figure is. */
export async function countFigureCases(db: Db, where: ScopedCaseFilter): Promise<number> {
  const [row] = await db.select({ n: count() }).from(casesCase).where(where);
  return Number(row?.n ?? 0);
}
