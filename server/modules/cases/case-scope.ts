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
