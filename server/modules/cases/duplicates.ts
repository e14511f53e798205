import type { CaseStatus } from '../../db/schema/cases.ts';
import type { Db } from '../../platform/db/database.ts';
import type { CaseScope } from './case-scope.ts';
import { listOpenCasesInBox } from './duplicates.store.ts';
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
 * on the indexed category narrows the rows (duplicates.store.ts); the exact distance is computed here.
 */
export async function findNearbyOpenCases(
  db: Db,
  regionCode: string,
  scope: CaseScope,
  query: { categoryCode: string; lng: number; lat: number; radiusM: number; excludeId?: number; limit?: number },
): Promise<NearbyCase[]> {
  const rows = await listOpenCasesInBox(db, regionCode, scope, {
    categoryCode: query.categoryCode,
    box: boxAround(query, query.radiusM),
    excludeId: query.excludeId,
  });
  return rows
    .map(({ lng, lat, ...row }) => ({ ...row, distanceM: Math.round(distanceM(query, { lng, lat }) * 10) / 10 }))
    .filter((r) => r.distanceM <= query.radiusM)
    .sort((a, b) => a.distanceM - b.distanceM)
    .slice(0, query.limit ?? 10);
}
