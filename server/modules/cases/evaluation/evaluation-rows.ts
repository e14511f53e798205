import { type RawCounts, zeroCounts } from './indicators.ts';

export const dimensions = ['township', 'department', 'category', 'month'] as const;
export type Dimension = (typeof dimensions)[number];

/**
 * The case sets behind the figures that a list can show (the drill-down): each count of one group in one
 * period. `timed` are the 结案 with a handling time (平均处置时长's cases), `rated` those with a 回访 score
 * (满意度's); `verified` the reports 核实 on site in the period, `verifiedOnTime` those within the limit (按时核实率's);
 * 超期未结 is a snapshot of now.
 */
export const periodMeasures = [
  'reported',
  'registered',
  'due',
  'closed',
  'closedOnTime',
  'reworked',
  'timed',
  'rated',
  'verified',
  'verifiedOnTime',
] as const;
export type PeriodMeasure = (typeof periodMeasures)[number];
export const measures = [...periodMeasures, 'overdueOpen'] as const;
export type Measure = (typeof measures)[number];

export interface GroupCounts extends RawCounts {
  key: string | null;
}

/** Counts per group key; several queries (events, rollup months, edges) add into one of these. */
export type CountsByKey = Map<string | null, RawCounts>;

export type EventName = 'reported' | 'registered' | 'settled' | 'verified';

/** The cases whose `event` instant lies in [from, to). */
export interface EventRange {
  event: EventName;
  from: Date;
  to: Date;
}

/** A period's events: instants in [from, to), the settling ones only up to now (deadlines to come are not due yet). */
export function periodEvents(from: Date, to: Date, now: Date): EventRange[] {
  const settleEnd = new Date(Math.min(to.getTime(), now.getTime()));
  return [
    { event: 'reported', from, to },
    { event: 'registered', from, to },
    { event: 'settled', from, to: settleEnd },
    { event: 'verified', from, to },
  ];
}

const countNames = [
  'reported',
  'registered',
  'due',
  'closed',
  'closedOnTime',
  'reworked',
  'timed',
  'handlingMinutes',
  'rated',
  'satisfactionSum',
  'verified',
  'verifiedOnTime',
  'overdueOpen',
] as const;

/** Adds one SQL row (any subset of the counts, by name) into its key's counts, or takes it away (sign −1). */
export function addInto(into: CountsByKey, row: Record<string, unknown>, sign: 1 | -1 = 1): void {
  const key = row.key === null || row.key === undefined ? null : String(row.key);
  const counts = into.get(key) ?? { ...zeroCounts };
  for (const name of countNames)
    if (row[name] !== undefined && row[name] !== null) counts[name] = (counts[name] ?? 0) + sign * Number(row[name]);
  into.set(key, counts);
}

/**
 * The groups some case counts in. A group whose counts cancelled out (the rollup's cases taken away again) is
 * dropped: counted from the rows it would not have come back at all.
 */
export function toGroups(counts: CountsByKey, dimension: Dimension): GroupCounts[] {
  return [...counts]
    .filter(
      ([, g]) =>
        g.reported !== 0 || g.registered !== 0 || g.due !== 0 || g.verified !== 0 || (g.overdueOpen ?? 0) !== 0,
    )
    .map(([key, raw]) => ({
      key,
      ...raw,
      overdueOpen: dimension === 'month' && key !== null ? null : raw.overdueOpen,
    }));
}
