import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parseCsv } from './csv.ts';
import { type RegionKind, townshipKind } from './region-kind.ts';
import type { RegionLevel } from '../../db/schema/platform.ts';
import { parseRegionCode } from '../validation/region-code.ts';

export interface RegionRow {
  code: string;
  name: string;
  level: RegionLevel;
  parentCode: string | null;
  kind: RegionKind;
  source: 'nbs' | 'demo';
}

const dataDir = path.join(import.meta.dirname, 'data');
const files = ['provinces.csv', 'cities.csv', 'areas.csv', 'streets-hunan.csv'] as const;

/**
 * The national list: every province, city and county, and Hunan's townships (统计用区划代码 2022).
 * `version` changes whenever the files do, so an installation reloads them after an upgrade.
 */
export function readNationalRegions(): { rows: RegionRow[]; version: string } {
  const texts = files.map((file) => fs.readFileSync(path.join(dataDir, file), 'utf8'));
  const [provinces, cities, areas, streets] = texts.map(parseCsv) as [Rec[], Rec[], Rec[], Rec[]];
  const rows: RegionRow[] = [
    ...provinces.map((r) => row(r.code!, r.name!, 'province', null, 'province')),
    ...cities.map((r) => row(r.code!, r.name!, 'city', r.provinceCode!, 'city')),
    ...areas.map((r) => row(r.code!, r.name!, 'county', r.cityCode!, 'county')),
    ...streets.map((r) => row(r.code!, r.name!, 'township', r.areaCode!, townshipKind(r.name!))),
  ];
  assertValidCodes(rows);
  const version = createHash('sha256').update(texts.join('\n')).digest('hex').slice(0, 16);
  return { rows, version };
}

type Rec = Record<string, string>;

function row(code: string, name: string, level: RegionLevel, parentCode: string | null, kind: RegionKind): RegionRow {
  return { code, name, level, parentCode, kind, source: 'nbs' };
}

/** Every code must pass the GB/T 2260 / 统计用区划代码 format rules, or the reference files are damaged. */
export function assertValidCodes(rows: readonly RegionRow[]): void {
  const bad = rows.filter(
    (r) => !parseRegionCode(r.code).ok || (r.parentCode !== null && !r.code.startsWith(r.parentCode)),
  );
  if (bad.length > 0)
    throw new Error(
      `Invalid region codes in the reference data: ${bad
        .slice(0, 5)
        .map((r) => r.code)
        .join(', ')}`,
    );
}
