import { sql } from 'drizzle-orm';
import type { CaseStatus } from '../../db/schema/cases.ts';
import type { Db } from '../../platform/db/database.ts';
import { queryRows } from '../../platform/db/rows.ts';
import type { CaseScope } from './case-scope.ts';
import { caseScopeFilter } from './case-scope.store.ts';

/** An open case near a point, before its exact distance is known (duplicates.ts computes and sorts by it). */
export interface OpenCaseAt {
  id: number;
  caseNo: string;
  status: CaseStatus;
  address: string;
  reportedAt: Date;
  lng: number;
  lat: number;
}

/** Open cases of a category inside a box, in scope, at most 200: the indexed category narrows the rows. */
export async function listOpenCasesInBox(
  db: Db,
  regionCode: string,
  scope: CaseScope,
  query: {
    categoryCode: string;
    box: { minLng: number; maxLng: number; minLat: number; maxLat: number };
    excludeId?: number;
  },
): Promise<OpenCaseAt[]> {
  const { box } = query;
  return queryRows<OpenCaseAt>(
    db,
    sql`select id, case_no as "caseNo", status, address, reported_at as "reportedAt", lng, lat
        from cases_case
        where region_code = ${regionCode} and category_code = ${query.categoryCode}
          and status in ('reported', 'verifying', 'registered', 'dispatched', 'handling', 'handled')
          and lng between ${box.minLng} and ${box.maxLng} and lat between ${box.minLat} and ${box.maxLat}
          and id <> ${query.excludeId ?? -1} and ${caseScopeFilter(scope)}
        limit 200`,
  );
}
