// ✓ type imports of drizzle are fine anywhere
import type { SQL } from 'drizzle-orm';
// ✗ database-outside-store: drizzle-orm and a schema table, as values, outside a store
import { sql } from 'drizzle-orm';
import { betaTable } from '../../db/schema/beta.ts';

interface Handle {
  execute(query: SQL): Promise<unknown>;
}

// ✗ database-handle-outside-store: a handle passed in, which no import rule can see (.db. and .execute()
export function countBeta(ctx: { db: Handle }): Promise<unknown> {
  return ctx.db.execute(sql`select count(*) from ${sql.identifier(betaTable)}`);
}
