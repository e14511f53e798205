import { and, eq, type SQL, sql } from 'drizzle-orm';
import { casesCase } from '../../db/schema/cases.ts';
import { regionSubtree } from '../../platform/regions/region-scope.ts';

/** A person's cases (cases.policy.ts decides): a region subtree, narrowed to a department or own reports. */
export interface CaseVisibility {
  region: string;
  department: string | null;
  reporterId: string | null;
}

/**
 * The reads that may return any case of the county, and why each may. Adding one is a decision to write down
 * here, not an argument left out: that is how the merge came to read another township's case (issue #9,
 * item 3: `findCaseByNo` took its visibility as an optional last argument).
 */
export const countyWideReads = {
  /** The report form's open cases nearby: number, status, address and distance, what the public page shows. */
  'public-duplicate-check': 'public',
  /** GeoReport v2 GET: public at the HTTP level, and the presenter publishes only public fields. */
  'open311-public': 'public',
  /** A report reads back the row it has just written, in its own transaction. */
  'report-readback': 'system',
  /** The 督办 sweep raises every overdue case of the county (a job, no person behind it). */
  'escalation-sweep': 'system',
} as const;
export type CountyWideRead = keyof typeof countyWideReads;

/**
 * Whose cases a read may return. Every store read that can return a case takes one, never optional:
 * a person's visibility, the reporter holding the tracking code, or a county-wide read named in
 * `countyWideReads`. Rows read through it come back as `ScopedCase` (cases.store.ts), and the reads of a
 * case's timeline, photos and requests take such a row rather than a bare id.
 */
export type CaseScope =
  | { readonly kind: 'person'; readonly visibility: CaseVisibility }
  | { readonly kind: 'tracking'; readonly tokenHash: string }
  | { readonly kind: 'county'; readonly why: CountyWideRead };

export const CaseScope = {
  /** What a signed-in person sees (build it with `caseScopeOf(actor)` in cases.policy.ts). */
  person: (visibility: CaseVisibility): CaseScope => ({ kind: 'person', visibility }),
  /** The citizen who reported, proved by the tracking code's hash (the case keeps only the hash). */
  publicTracking: (tokenHash: string): CaseScope => ({ kind: 'tracking', tokenHash }),
  /** Any case of the county, for one of the reasons listed in `countyWideReads`. */
  countyWide: (why: CountyWideRead): CaseScope => ({ kind: 'county', why }),
};

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
    case 'person':
      return visibilityFilter(scope.visibility);
    case 'tracking':
      return eq(casesCase.trackingTokenHash, scope.tokenHash);
    case 'county':
      return sql`true`;
  }
}
