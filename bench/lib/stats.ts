/** Summary of a set of timings in milliseconds. */
export interface Summary {
  n: number;
  min: number;
  max: number;
  avg: number;
  p50: number;
  p95: number;
  p99: number;
}

/**
 * The q-quantile (0…1) by linear interpolation between closest ranks, so p99 of 500 samples is not simply
 * the 5th-worst value and small sample counts still give a sensible median.
 */
export function percentile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) throw new Error('percentile of no samples');
  const pos = (sorted.length - 1) * q;
  const lower = Math.floor(pos);
  const upper = Math.ceil(pos);
  const a = sorted[lower]!;
  const b = sorted[upper]!;
  return a + (b - a) * (pos - lower);
}

export function summarize(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  const sum = sorted.reduce((acc, v) => acc + v, 0);
  return {
    n: sorted.length,
    min: sorted[0]!,
    max: sorted[sorted.length - 1]!,
    avg: sum / sorted.length,
    p50: percentile(sorted, 0.5),
    p95: percentile(sorted, 0.95),
    p99: percentile(sorted, 0.99),
  };
}

export function median(samples: readonly number[]): number {
  return summarize(samples).p50;
}

/** `value / baseline`, the number every benchmark reports; absolute times vary too much on a shared VM. */
export function ratio(value: number, baseline: number): number {
  return baseline > 0 ? value / baseline : Number.NaN;
}

/** Milliseconds for tables: more decimals for sub-millisecond values so they do not all read 0.0. */
export function ms(value: number): string {
  if (!Number.isFinite(value)) return '–';
  if (value < 1) return value.toFixed(3);
  if (value < 100) return value.toFixed(2);
  return value.toFixed(0);
}

export function times(value: number): string {
  return Number.isFinite(value) ? `${value < 10 ? value.toFixed(2) : value.toFixed(1)}×` : '–';
}

/** Rounds every number in a result tree so the committed JSON stays readable and diffs stay small. */
export function rounded<T>(value: T, decimals = 3): T {
  const factor = 10 ** decimals;
  return JSON.parse(
    JSON.stringify(value, (_key, v) => (typeof v === 'number' ? Math.round(v * factor) / factor : v)),
  ) as T;
}
