import {
  type ActorScope,
  actorScope,
  declareSystemReads,
  type RecordScope,
} from '../../platform/access/record-scope.ts';
import type { Actor } from '../../platform/context.ts';

/** Reads of every merchant of the county, each with its reason. */
export const merchantSystemReads = declareSystemReads({
  'demo-seed': { reader: 'seed', why: 'the demo seed reads back the merchants it wrote' },
  figures: { reader: 'system', why: 'the dashboard figures count merchants county-wide, without personal data' },
});

/** Whose merchants a read may return: a person's region subtree, or a declared system read. */
export type MerchantScope = RecordScope<Record<never, never>, keyof typeof merchantSystemReads>;

/** A person sees the merchants of their own region subtree (township staff their township, a cadre a village). */
export function merchantScopeOf(actor: Actor): ActorScope {
  return actorScope(actor.scopeRegion, {});
}
