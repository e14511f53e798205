import type { RegionDto } from './regions.schema.ts';
import type { Region } from './regions.store.ts';

export function presentRegion(row: Region): RegionDto {
  return { code: row.code, name: row.name, level: row.level, parentCode: row.parentCode, kind: row.kind };
}
