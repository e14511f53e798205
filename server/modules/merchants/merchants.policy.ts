import {
  type ActorScope,
  actorScope,
  declareSystemReads,
  type RecordScope,
  SystemRead,
} from '../../platform/access/record-scope.ts';
import type { Actor, Ctx } from '../../platform/context.ts';

/** Reads of every merchant of the county, each with its reason. */
export const merchantSystemReads = declareSystemReads({
  'demo-seed': { reader: 'seed', why: 'the demo seed reads back the merchants it wrote' },
  figures: {
    reader: 'system',
    why: 'figures computed without a reader (bulletins) count the whole county, without personal data',
  },
});

/** Whose merchants a read may return: a person's region subtree, or a declared system read. */
export type MerchantScope = RecordScope<Record<never, never>, keyof typeof merchantSystemReads>;

/** A person sees the merchants of their own region subtree (township staff their township, a cadre a village). */
export function merchantScopeOf(actor: Actor): ActorScope {
  return actorScope(actor.scopeRegion, {});
}

/**
 * Whose merchants a dashboard figure counts: the reader's area (FigureScope: "whose data counts is the actor's
 * scope on the ctx"), or the whole county for a figure computed without a reader (a bulletin job).
 */
export function figureScopeOf(ctx: Ctx): MerchantScope {
  return ctx.actor ? merchantScopeOf(ctx.actor) : SystemRead('figures');
}
