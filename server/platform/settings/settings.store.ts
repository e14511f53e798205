import { and, eq } from 'drizzle-orm';
import { appSetting } from '../../db/schema/platform.ts';
import type { Db } from '../db/database.ts';

/** Installation facts kept in the database (reference-data versions, which demo seed ran), per county. */
export async function readSetting<T>(db: Db, regionCode: string, key: string): Promise<T | undefined> {
  const rows = await db
    .select({ value: appSetting.value })
    .from(appSetting)
    .where(and(eq(appSetting.regionCode, regionCode), eq(appSetting.key, key)));
  return rows[0]?.value as T | undefined;
}

export async function writeSetting(db: Db, regionCode: string, key: string, value: unknown, now: Date): Promise<void> {
  await db
    .insert(appSetting)
    .values({ regionCode, key, value, updatedAt: now })
    .onConflictDoUpdate({ target: [appSetting.regionCode, appSetting.key], set: { value, updatedAt: now } });
}
