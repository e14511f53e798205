import {
  type ActorScope,
  actorScope,
  declareSystemReads,
  type RegionReach,
  SystemRead,
} from '../../platform/access/record-scope.ts';

/** What cases narrows an actor's region to (cases.policy.ts decides): a department, or own reports only. */
export interface CaseNarrowing {
  department: string | null;
  reporterId: string | null;
}

/** A person's cases: a region subtree, narrowed to a department or own reports. */
export type CaseVisibility = RegionReach & CaseNarrowing;

/**
 * The reads that may return any case of the county, and why each may. Adding one is a decision to write down
 * here, not an argument left out: that is how the merge came to read another township's case (issue #9,
 * item 3: `findCaseByNo` took its visibility as an optional last argument).
 */
export const countyWideReads = declareSystemReads({
  'public-duplicate-check': {
    reader: 'public',
    why: 'The report form shows open cases nearby: number, status, address and distance, what the public page shows.',
  },
  'open311-public': {
    reader: 'public',
    why: 'GeoReport v2 GET is public at the HTTP level, and its presenter publishes only public fields.',
  },
  'report-readback': {
    reader: 'system',
    why: 'A report reads back the row it has just written, in its own transaction.',
  },
  'escalation-sweep': {
    reader: 'job',
    why: 'The 督办 sweep raises every overdue case of the county (a job, no person behind it).',
  },
  'deadline-reminders': {
    reader: 'job',
    why: 'The deadline reminder reads every running stage clock of the county to remind whoever works it (a job).',
  },
  'reporter-sms': {
    reader: 'job',
    why: "The reporter's SMS rule (cases.sms.ts) reads an event's case for the consent and the phone the reporter left.",
  },
  'notify-rules': {
    reader: 'job',
    why: "The notifier's rules (cases.notifications.ts) read an event's case for its department and place, to know whom to tell.",
  },
});
export type CountyWideRead = keyof typeof countyWideReads;

/**
 * Whose cases a read may return (built on platform/access/record-scope.ts). Every store read that can return a
 * case takes one, never optional: a person's visibility, a county-wide read named in `countyWideReads`, the
 * reporter holding the tracking code, or the partner key that submitted the request. Rows read through it come
 * back as `ScopedCase` (cases.store.ts), and the reads of a case's timeline, photos and requests take such a row
 * rather than a bare id. case-scope.test.ts holds the compiler to it: an unscoped call of each such read is a
 * type error.
 *
 * Store reads without a scope, on purpose: existence checks that answer a boolean for the audited 404
 * (`caseExists`, `photoHeldElsewhere`, `liveUploadIds`); the county's reference data that everyone with the
 * permission reads (departments, routing rules, the catalogue, the policy — editing them checks the editor's
 * area instead, settings.service.ts); and staged uploads, which are consumed only by their owner or with their
 * secret (`consumeUploads` matches both in SQL).
 */
export type CaseScope =
  | ActorScope<CaseNarrowing>
  | SystemRead<CountyWideRead>
  | { readonly kind: 'tracking'; readonly tokenHash: string }
  | { readonly kind: 'partner'; readonly apiKeyId: string };

export const CaseScope = {
  /** What a signed-in person sees (build it with `caseScopeOf(actor)` in cases.policy.ts). */
  person: (visibility: CaseVisibility): CaseScope =>
    actorScope(visibility.region, { department: visibility.department, reporterId: visibility.reporterId }),
  /** The citizen who reported, proved by the tracking code's hash (the case keeps only the hash). */
  publicTracking: (tokenHash: string): CaseScope => ({ kind: 'tracking', tokenHash }),
  /** The partner (an Open311 API key) that submitted the request: its own requests only. */
  partner: (apiKeyId: string): CaseScope => ({ kind: 'partner', apiKeyId }),
  /** Any case of the county, for one of the reasons listed in `countyWideReads`. */
  countyWide: (why: CountyWideRead): CaseScope => SystemRead(why),
};
