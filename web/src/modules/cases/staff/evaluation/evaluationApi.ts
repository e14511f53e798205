import type { ItemOf, QueryOf, ResponseOf } from '../../../../api/types.ts';
import { apiDownload, type DownloadedFile } from '../../../../app/api.ts';
import { apiClient, dataOf, queryText } from '../../../../app/apiClient.ts';

/** 综合评价 as the server answers it (GET /api/cases/evaluation) and the cases behind one figure. */
export type Evaluation = ResponseOf<'/api/cases/evaluation', 'get'>;
export type EvaluationRow = ItemOf<Evaluation['rows']>;
export type Dimension = Evaluation['groupBy'];
export type FigureCases = ResponseOf<'/api/cases/evaluation/cases', 'get'>;
export type Measure = FigureCases['measure'];
type FigureQuery = QueryOf<'/api/cases/evaluation/cases', 'get'>;

export const dimensions: readonly Dimension[] = ['township', 'department', 'category', 'month'];

/** The drill-down's `group` for a row: its key, `-` for the row without one (未派遣); none for the total. */
export const noGroupKey = '-';
export function groupParam(key: string | null | undefined): string | undefined {
  if (key === undefined) return undefined;
  return key ?? noGroupKey;
}

export interface Period {
  from: string;
  to: string;
}

/** One figure of the table: a measure of a row (`group` as the drill-down takes it) or of the total. */
export interface FigureRef {
  group: string | undefined;
  measure: Measure;
}

export const evaluationApi = {
  figures: (period: Period, groupBy: Dimension, signal?: AbortSignal) =>
    dataOf(apiClient.GET('/api/cases/evaluation', { params: { query: { ...period, groupBy } }, signal })),
  cases: (
    period: Period,
    groupBy: Dimension,
    figure: FigureRef,
    page: number,
    pageSize: number,
    signal?: AbortSignal,
  ) => {
    const query: FigureQuery = { ...period, groupBy, measure: figure.measure, page, pageSize };
    if (figure.group !== undefined) query.group = figure.group;
    return dataOf(apiClient.GET('/api/cases/evaluation/cases', { params: { query }, signal }));
  },
  /** Every dimension, one sheet each (the server audits the export). */
  export: (period: Period): Promise<DownloadedFile> =>
    apiDownload(`/api/cases/evaluation.xlsx?${queryText({ ...period })}`),
};
