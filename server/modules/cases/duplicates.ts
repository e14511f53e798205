import { sql } from 'drizzle-orm';
import type { CaseStatus } from '../../db/schema/cases.ts';
import type { Db } from '../../platform/db/database.ts';
import { queryRows } from '../../platform/db/rows.ts';
import type { CaseScope } from './case-scope.ts';
import { caseScopeFilter } from './case-scope.store.ts';
import { boxAround, distanceM } from './geo.ts';

export interface NearbyCase {
  id: number;
  caseNo: string;
  status: CaseStatus;
  address: string;
  reportedAt: Date;
  distanceM: number;
}

/**
 * Open cases of the same category within `radiusM` of a point, nearest first: what intake staff and
 * reporters are shown before a second report of the same stall or poster is filed (anchors §2.7 #4). A box
 * on the indexed category narrows the rows; the exact distance is computed here.
 */
export async function findNearbyOpenCases(
  db: Db,
  regionCode: string,
  scope: CaseScope,
  query: { categoryCode: string; lng: number; lat: number; radiusM: number; excludeId?: number; limit?: number },
): Promise<NearbyCase[]> {
  const box = boxAround(query, query.radiusM);
  const rows = await queryRows<Omit<NearbyCase, 'distanceM'> & { lng: number; lat: number }>(
    db,
    sql`select id, case_no as "caseNo", status, address, reported_at as "reportedAt", lng, lat
        from cases_case
        where region_code = ${regionCode} and category_code = ${query.categoryCode}
          and status in ('reported', 'registered', 'dispatched', 'handling', 'handled')
          and lng between ${box.minLng} and ${box.maxLng} and lat between ${box.minLat} and ${box.maxLat}
          and id <> ${query.excludeId ?? -1} and ${caseScopeFilter(scope)}
        limit 200`,
  );
  return rows
    .map(({ lng, lat, ...row }) => ({ ...row, distanceM: Math.round(distanceM(query, { lng, lat }) * 10) / 10 }))
    .filter((r) => r.distanceM <= query.radiusM)
    .sort((a, b) => a.distanceM - b.distanceM)
    .slice(0, query.limit ?? 10);
}
