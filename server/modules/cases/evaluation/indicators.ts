/**
 * 综合评价 indicators from raw counts (CJ/T 292 / GB/T 30428.4 as used in 数字城管 bulletins, anchors §3.5):
 * 结案率 = 结案数 / 应结案数, 按期结案率 = 按期结案数 / 应结案数, 返工率 = 返工数 / 结案数, and before 立案
 * 按时核实率 = 按时核实数 / 核实数 (数字城管 信息核实 within its limit). Pure, so the API,
 * the Excel file and the tests compute one way. The counts themselves come from evaluation.store.ts, whose
 * comment defines each set.
 */

/** What one group's SQL row adds up to. Sums (not averages) so groups can be added into a total. */
export interface RawCounts {
  reported: number;
  registered: number;
  due: number;
  closed: number;
  closedOnTime: number;
  reworked: number;
  /** Closed cases with both a dispatch and a feedback time, and their working minutes from one to the other. */
  timed: number;
  handlingMinutes: number;
  rated: number;
  satisfactionSum: number;
  /** Reports 核实 on site in the period (their last 核实), and those answered within the 核实 limit. */
  verified: number;
  verifiedOnTime: number;
  /** A snapshot of now, not of the period; null where it does not apply (month rows). */
  overdueOpen: number | null;
}

export interface Indicators extends Omit<RawCounts, 'timed' | 'handlingMinutes' | 'satisfactionSum'> {
  /** Percentages with two decimals; null ("—") when the denominator is 0. */
  closedRate: number | null;
  onTimeRate: number | null;
  reworkRate: number | null;
  verifyOnTimeRate: number | null;
  /** Average 处置时长 in working hours (two decimals); null when no case was timed. */
  avgHandlingHours: number | null;
  /** Average 1–5 回访 score (two decimals); null when nobody rated. */
  satisfaction: number | null;
  /** Fewer than the minimum 应结案: the rates are shown but must not be ranked (FMS #1957, anchors §2.7). */
  lowVolume: boolean;
}

export const defaultMinVolume = 5;

/**
 * numerator / denominator as a percentage rounded half up to two decimals, in integer arithmetic so that
 * 911/972 is exactly 93.72 and a true half (1/8 = 12.5 %) never rounds down through a binary fraction.
 * null for a 0 denominator: a bulletin shows "—", not 0 % and not 100 %.
 */
export function percent(numerator: number, denominator: number): number | null {
  assertCount(numerator);
  assertCount(denominator);
  if (denominator === 0) return null;
  const basisPoints = Math.floor((numerator * 20_000 + denominator) / (denominator * 2));
  return basisPoints / 100;
}

/**
 * total / count rounded half up to two decimals; null when there is nothing to average. Multiplying before
 * dividing keeps a true half exact for whole totals (9 / 8 = 1.125 → 1.13).
 */
export function average(total: number, count: number): number | null {
  if (count === 0) return null;
  return Math.round((total * 100) / count) / 100;
}

export function computeIndicators(raw: RawCounts, minVolume = defaultMinVolume): Indicators {
  const { timed, handlingMinutes, satisfactionSum, ...counts } = raw;
  return {
    ...counts,
    closedRate: percent(raw.closed, raw.due),
    onTimeRate: percent(raw.closedOnTime, raw.due),
    reworkRate: percent(raw.reworked, raw.closed),
    verifyOnTimeRate: percent(raw.verifiedOnTime, raw.verified),
    avgHandlingHours: average(handlingMinutes / 60, timed),
    satisfaction: average(satisfactionSum, raw.rated),
    lowVolume: raw.due < minVolume,
  };
}

export const zeroCounts: Readonly<RawCounts> = {
  reported: 0,
  registered: 0,
  due: 0,
  closed: 0,
  closedOnTime: 0,
  reworked: 0,
  timed: 0,
  handlingMinutes: 0,
  rated: 0,
  satisfactionSum: 0,
  verified: 0,
  verifiedOnTime: 0,
  overdueOpen: 0,
};

/** Adds groups into a total; a null snapshot counts as 0 (month rows leave it to the total). */
export function addCounts(a: RawCounts, b: RawCounts): RawCounts {
  return {
    reported: a.reported + b.reported,
    registered: a.registered + b.registered,
    due: a.due + b.due,
    closed: a.closed + b.closed,
    closedOnTime: a.closedOnTime + b.closedOnTime,
    reworked: a.reworked + b.reworked,
    timed: a.timed + b.timed,
    handlingMinutes: a.handlingMinutes + b.handlingMinutes,
    rated: a.rated + b.rated,
    satisfactionSum: a.satisfactionSum + b.satisfactionSum,
    verified: a.verified + b.verified,
    verifiedOnTime: a.verifiedOnTime + b.verifiedOnTime,
    overdueOpen: (a.overdueOpen ?? 0) + (b.overdueOpen ?? 0),
  };
}

function assertCount(n: number): void {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`a count must be a whole number ≥ 0, got ${n}`);
}
