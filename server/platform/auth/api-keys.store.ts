import { and, desc, eq, isNull } from 'drizzle-orm';
import { apiKey } from '../../db/schema/identity.ts';
import type { Db } from '../db/database.ts';

export type ApiKeyRow = typeof apiKey.$inferSelect;

export async function insertApiKey(db: Db, row: typeof apiKey.$inferInsert): Promise<void> {
  await db.insert(apiKey).values(row);
}

export async function findApiKeyByPrefix(db: Db, regionCode: string, prefix: string): Promise<ApiKeyRow | undefined> {
  const rows = await db
    .select()
    .from(apiKey)
    .where(and(eq(apiKey.regionCode, regionCode), eq(apiKey.keyPrefix, prefix)))
    .limit(1);
  return rows[0];
}

export async function listApiKeys(db: Db, regionCode: string): Promise<ApiKeyRow[]> {
  return db.select().from(apiKey).where(eq(apiKey.regionCode, regionCode)).orderBy(desc(apiKey.createdAt));
}

export async function revokeApiKey(db: Db, regionCode: string, id: string, now: Date): Promise<boolean> {
  const rows = await db
    .update(apiKey)
    .set({ revokedAt: now })
    .where(and(eq(apiKey.regionCode, regionCode), eq(apiKey.id, id), isNull(apiKey.revokedAt)))
    .returning({ id: apiKey.id });
  return rows.length > 0;
}

export async function touchApiKey(db: Db, regionCode: string, id: string, now: Date): Promise<void> {
  await db
    .update(apiKey)
    .set({ lastUsedAt: now })
    .where(and(eq(apiKey.regionCode, regionCode), eq(apiKey.id, id)));
}
