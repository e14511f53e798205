import { and, eq, type SQL, sql } from 'drizzle-orm';
import { casesCase } from '../../db/schema/cases.ts';
import { regionSubtree } from '../../platform/regions/region-scope.sql.ts';
import type { CaseScope, CaseVisibility } from './case-scope.ts';

/** The SQL each case scope adds to a read of `cases_case` (the scopes themselves: case-scope.ts). */
export function visibilityFilter(v: CaseVisibility): SQL {
  const parts = [regionSubtree(casesCase.locationCode, v.region)];
  if (v.department !== null) parts.push(eq(casesCase.department, v.department));
  if (v.reporterId !== null) parts.push(eq(casesCase.reporterUserId, v.reporterId));
  return and(...parts) as SQL;
}

/**
 * The predicate a scope adds to a read of `cases_case`. The tracking code is compared in SQL: what timing
 * could leak is a SHA-256 of a random 96-bit code, from which the code cannot be recovered.
 */
export function caseScopeFilter(scope: CaseScope): SQL {
  switch (scope.kind) {
    case 'actor':
      return visibilityFilter(scope);
    case 'tracking':
      return eq(casesCase.trackingTokenHash, scope.tokenHash);
    case 'partner':
      return eq(casesCase.reporterApiKeyId, scope.apiKeyId);
    case 'system':
      return sql`true`;
  }
}
