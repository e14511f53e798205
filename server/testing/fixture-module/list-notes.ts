import type { Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { isInSubtree } from '../../platform/regions/region-scope.ts';
import { noteScopeOf } from './notes.policy.ts';
import type { NoteList, NotesQuery } from './notes.schema.ts';
import { listNotes } from './notes.store.ts';

/** The use case: check who asks and what they may ask for, then read through the store with their scope. */
export async function listNotesFor(ctx: Ctx, query: NotesQuery): Promise<NoteList> {
  if (!ctx.actor) throw AppError.unauthenticated();
  const scope = noteScopeOf(ctx.actor);
  const township = query.township ?? null;
  if (township !== null && !isInSubtree(township, scope.region)) {
    throw AppError.field('township', 'notes.township_outside_scope');
  }
  const rows = await listNotes(ctx.db, ctx.countyCode, scope, township);
  return { items: rows.map((row) => ({ id: row.id, areaCode: row.areaCode, body: row.body })) };
}
