import { pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { regionCode } from '../../db/schema/columns.ts';

/**
 * A real module declares its tables in `server/db/schema/<m>.ts` and migrates them (`npm run db:generate`);
 * the fixture is not shipped, so its one table lives here (a `*.sql.ts` file, where the import rules let drizzle
 * in) and its test creates it (`notesTableDdl`). Named `<m>_…`, with `region_code` first in the primary key
 * (DESIGN rule 7; distribution-key.test.ts checks the real ones).
 */
export const notesNote = pgTable(
  'notes_note',
  {
    regionCode: regionCode('region_code').notNull(),
    id: text('id').notNull(),
    /** Where the note belongs: a township or village code, what an actor's scope is compared with. */
    areaCode: regionCode('area_code').notNull(),
    body: text('body').notNull(),
  },
  (t) => [primaryKey({ columns: [t.regionCode, t.id] })],
);

/** What the migration would create. */
export const notesTableDdl = `create table notes_note (
  region_code text collate "C" not null,
  id text not null,
  area_code text collate "C" not null,
  body text not null,
  primary key (region_code, id)
)`;
