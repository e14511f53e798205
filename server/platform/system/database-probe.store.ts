import { sql } from 'drizzle-orm';
import type { Database, Db } from '../db/database.ts';

/** Readiness: the database answers a trivial query (throws when it does not). */
export async function pingDatabase(db: Db): Promise<void> {
  await db.execute(sql`select 1`);
}

/** A database just opened on its own engine handle (a restored copy) answers a trivial query. */
export async function pingEngine(database: Pick<Database, 'query'>): Promise<void> {
  await database.query('select 1');
}
