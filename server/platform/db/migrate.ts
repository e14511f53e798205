import path from 'node:path';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import { projectRoot } from '../../config.ts';
import type { Database } from './database.ts';

export const migrationsFolder = path.join(projectRoot, 'server', 'db', 'migrations');

/**
 * Applies pending migrations. On PostgreSQL several app instances may start together, so the run holds an
 * advisory lock on its own connection; on PGlite the data-folder lock already makes us the only writer.
 */
export async function runMigrations(database: Database, databaseUrl?: string): Promise<void> {
  if (database.engine === 'pglite') {
    await migratePglite(database.db as unknown as PgliteDatabase, { migrationsFolder });
    return;
  }
  if (!databaseUrl) throw new Error('runMigrations on PostgreSQL needs the database URL');
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query("select pg_advisory_lock(hashtext('wenming.migrate'))");
    await migratePg(drizzlePg(client), { migrationsFolder });
  } finally {
    await client.query("select pg_advisory_unlock(hashtext('wenming.migrate'))").catch(() => {});
    await client.end();
  }
}
