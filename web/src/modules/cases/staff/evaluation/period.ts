import type { Dimension, Period } from './evaluationApi.ts';
import { dimensions } from './evaluationApi.ts';

/** The periods offered at one click; `custom` is any from–to the user picks. */
export const periodPresets = ['thisMonth', 'lastMonth', 'thisQuarter', 'thisYear', 'custom'] as const;
export type PeriodPreset = (typeof periodPresets)[number];

const pad = (n: number) => String(n).padStart(2, '0');
const dayOf = (year: number, month: number, day: number) => `${year}-${pad(month)}-${pad(day)}`;
const lastDayOf = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** Today in Yanling (Asia/Shanghai, UTC+8 all year), as YYYY-MM-DD, whatever the device's own zone. */
export function chinaToday(nowMs: number): string {
  return new Date(nowMs + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** A preset's days, China time; the running month, quarter and year end today (what has happened so far). */
export function presetPeriod(preset: Exclude<PeriodPreset, 'custom'>, nowMs: number): Period {
  const today = chinaToday(nowMs);
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  switch (preset) {
    case 'thisMonth':
      return { from: dayOf(year, month, 1), to: today };
    case 'lastMonth': {
      const [y, m] = month === 1 ? [year - 1, 12] : [year, month - 1];
      return { from: dayOf(y, m, 1), to: dayOf(y, m, lastDayOf(y, m)) };
    }
    case 'thisQuarter':
      return { from: dayOf(year, month - ((month - 1) % 3), 1), to: today };
    case 'thisYear':
      return { from: dayOf(year, 1, 1), to: today };
  }
}

/** What the page shows, kept in the URL so a link or "back" opens the same view (and the same drill-down). */
export interface EvaluationView {
  preset: PeriodPreset;
  period: Period;
  groupBy: Dimension;
}

const isDay = (value: string | null): value is string => value !== null && /^\d{4}-\d{2}-\d{2}$/.test(value);

export function readView(params: URLSearchParams, nowMs: number): EvaluationView {
  const groupBy = dimensions.find((d) => d === params.get('groupBy')) ?? 'township';
  const preset = periodPresets.find((p) => p === params.get('period')) ?? 'thisMonth';
  const from = params.get('from');
  const to = params.get('to');
  if (preset === 'custom' && isDay(from) && isDay(to) && from <= to) return { preset, period: { from, to }, groupBy };
  const fixed = preset === 'custom' ? 'thisMonth' : preset;
  return { preset: fixed, period: presetPeriod(fixed, nowMs), groupBy };
}

export function writeView(view: EvaluationView): URLSearchParams {
  const params = new URLSearchParams({ period: view.preset, groupBy: view.groupBy });
  if (view.preset === 'custom') {
    params.set('from', view.period.from);
    params.set('to', view.period.to);
  }
  return params;
}
