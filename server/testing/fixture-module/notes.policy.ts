import {
  type ActorScope,
  actorScope,
  declareSystemReads,
  type RecordScope,
} from '../../platform/access/record-scope.ts';
import type { Actor } from '../../platform/context.ts';

/** Reads of every note of the county, each with its reason; `SystemRead('demo-seed')` names one of them. */
export const noteSystemReads = declareSystemReads({
  'demo-seed': { reader: 'seed', why: 'the demo seed reads back the notes it wrote' },
});

/** Whose notes a read may return: a person's region subtree, or a declared system read. */
export type NoteScope = RecordScope<Record<never, never>, keyof typeof noteSystemReads>;

/** A person sees the notes of their own region subtree (notes add no narrowing of their own). */
export function noteScopeOf(actor: Actor): ActorScope {
  return actorScope(actor.scopeRegion, {});
}
