import type { EvaluationRow, Measure } from './evaluationApi.ts';

/** The rates a table ranks by, and which way is better: a high 结案率, a low 返工率. */
export const rates = ['closedRate', 'onTimeRate', 'reworkRate', 'satisfaction'] as const;
export type Rate = (typeof rates)[number];
const lowerIsBetter: ReadonlySet<Rate> = new Set(['reworkRate']);

/** The cases a rate is made of, opened when its figure or its bar is clicked: its numerator's set. */
export const rateCases: Record<Rate, Measure> = {
  closedRate: 'closed',
  onTimeRate: 'closedOnTime',
  reworkRate: 'reworked',
  satisfaction: 'rated',
};

/**
 * Ranks rows by a rate, 1 the best; equal rates share a rank (1, 2, 2, 4). A row with too few cases due
 * (lowVolume: the server's 样本不足) or no rate ("—") is not ranked, as the Excel note says.
 */
export function rankBy(rows: readonly EvaluationRow[], rate: Rate): Map<EvaluationRow['key'], number> {
  const sign = lowerIsBetter.has(rate) ? 1 : -1;
  const ranked = rows
    .filter((r) => !r.lowVolume && r[rate] !== null)
    .sort((a, b) => sign * ((a[rate] as number) - (b[rate] as number)));
  const ranks = new Map<EvaluationRow['key'], number>();
  ranked.forEach((row, i) => {
    const previous = ranked[i - 1];
    const tied = previous !== undefined && previous[rate] === row[rate];
    ranks.set(row.key, tied ? (ranks.get(previous.key) as number) : i + 1);
  });
  return ranks;
}
