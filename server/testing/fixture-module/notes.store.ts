import { and, asc, eq, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { regionSubtree } from '../../platform/regions/region-scope.sql.ts';
import type { NoteScope } from './notes.policy.ts';
import { notesNote } from './notes-table.sql.ts';

export interface NoteRow {
  id: string;
  areaCode: string;
  body: string;
}

function scopeFilter(scope: NoteScope): SQL {
  return scope.kind === 'actor' ? regionSubtree(notesNote.areaCode, scope.region) : sql`true`;
}

/** The county's notes the scope may see (the scope is required: an unscoped read does not compile). */
export function listNotes(db: Db, countyCode: string, scope: NoteScope, area: string | null): Promise<NoteRow[]> {
  return db
    .select({ id: notesNote.id, areaCode: notesNote.areaCode, body: notesNote.body })
    .from(notesNote)
    .where(
      and(
        eq(notesNote.regionCode, countyCode),
        scopeFilter(scope),
        area === null ? undefined : regionSubtree(notesNote.areaCode, area),
      ),
    )
    .orderBy(asc(notesNote.id));
}
