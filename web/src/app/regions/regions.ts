import { api } from '../api.ts';

/** 行政区划 as the public regions API answers (server: regions.schema.ts). */
export type RegionLevel = 'province' | 'city' | 'county' | 'township' | 'village';

export interface Region {
  code: string;
  name: string;
  level: RegionLevel;
  parentCode: string | null;
}

export interface RegionDetail {
  region: Region;
  ancestors: Region[];
  children: Region[];
}

export function fetchRegion(code: string, signal?: AbortSignal): Promise<RegionDetail> {
  return api.get<RegionDetail>(`/api/regions/${encodeURIComponent(code)}`, { signal });
}

/**
 * The codes from the county down to `code` (GB/T 2260 + 统计用区划代码: 6 digits county, 9 township,
 * 12 village), e.g. 430225100200 → [430225, 430225100, 430225100200].
 */
export function regionPath(code: string, countyCode: string): string[] {
  if (!code.startsWith(countyCode)) return [code];
  return [6, 9, 12].filter((length) => length <= code.length).map((length) => code.slice(0, length));
}
