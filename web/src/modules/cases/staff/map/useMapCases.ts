import { useCallback } from 'react';
import { useLoad } from '../../../../app/useLoad.ts';
import { type CaseFilters, type CaseListItem, casesApi } from '../../casesApi.ts';

/** The map shows at most this many points (five pages of the API's largest page), newest first. */
export const mapPointLimit = 1000;
const pageSize = 200;

export interface MapCases {
  items: CaseListItem[];
  total: number;
}

/** Reads the filter's cases page by page, one request at a time, up to the map's limit. */
export function useMapCases(filters: CaseFilters) {
  const load = useCallback(
    async (signal: AbortSignal): Promise<MapCases> => {
      const items: CaseListItem[] = [];
      let total = 0;
      for (let page = 1; items.length < mapPointLimit; page += 1) {
        const answer = await casesApi.list(filters, page, pageSize, signal);
        total = answer.total;
        items.push(...answer.items);
        if (answer.items.length < pageSize || items.length >= total) break;
      }
      return { items: items.slice(0, mapPointLimit), total };
    },
    [filters],
  );
  return useLoad(load);
}
