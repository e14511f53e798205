/**
 * Whose records a store read may return: the shape every module's scope is built on (DESIGN rule 1, "stores take
 * the actor and add the data-scope predicate"). A module's store functions that can return a business record
 * take its scope as a REQUIRED argument — never optional, never trailing-optional — so a read that forgot the
 * scope does not compile (issue #9: a merge read another township's case through a scope left out).
 *
 * Two kinds every module has:
 * - an actor's scope: the region subtree of the person's account, plus the narrowing the module adds (cases: a
 *   department, or own reports only). The module's policy builds it from the actor (`caseScopeOf`).
 * - a system read: every record of the county, for a reason named in the module's catalogue of system reads
 *   (`declareSystemReads`), one place with a why per reason — jobs, seeds, a public read whose presenter
 *   publishes only public fields, a write reading back its own row. Adding one is a decision written down there.
 *
 * A module may add kinds of its own to its union, for callers proving a claim to one record rather than being
 * someone (cases: the reporter holding a tracking code, the partner key that submitted a request).
 *
 * The SQL of each kind lives in the module's `*-scope.store.ts` (cases: case-scope.store.ts): this file has none.
 */

/** The region subtree an actor's reads reach: a 6/9/12-digit GB/T 2260 code and everything below it. */
export interface RegionReach {
  readonly region: string;
}

/** An actor's scope: the region subtree plus the module's narrowing (`N`, plain fields, no `kind`). */
export type ActorScope<N extends object = Record<never, never>> = { readonly kind: 'actor' } & RegionReach &
  Readonly<N>;

/** A read of every record of the county, for a reason the module has declared (`declareSystemReads`). */
export interface SystemRead<Why extends string = string> {
  readonly kind: 'system';
  readonly why: Why;
}

/** The scope of a module's reads: an actor's, or a declared system read. Modules extend the union as needed. */
export type RecordScope<N extends object, Why extends string> = ActorScope<N> | SystemRead<Why>;

/** What runs a system read: a periodic job, a seed, a public endpoint, or the system acting for a write. */
export type SystemReader = 'job' | 'seed' | 'public' | 'system';

/** One declared system read: who runs it and why it may see every record of the county. */
export interface SystemReadReason {
  readonly reader: SystemReader;
  readonly why: string;
}

/** A module's system reads, in one place; the keys become the only reasons `SystemRead(…)` accepts. */
export function declareSystemReads<const T extends Record<string, SystemReadReason>>(reads: T): T {
  return reads;
}

/** An actor's scope over `region`, narrowed as the module says. */
export function actorScope<N extends object>(region: string, narrowing: N): ActorScope<N> {
  return { ...narrowing, kind: 'actor', region } as ActorScope<N>;
}

/** A system read for a declared reason: `SystemRead('escalation-sweep')`. */
export function SystemRead<const Why extends string>(why: Why): SystemRead<Why> {
  return { kind: 'system', why };
}
