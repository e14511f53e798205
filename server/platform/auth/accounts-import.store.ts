import { and, eq, inArray } from 'drizzle-orm';
import { appUser } from '../../db/schema/identity.ts';
import type { Db } from '../db/database.ts';

/** Which of these login keys (loginKeyOf) the county's accounts already use: the import's duplicate check. */
export async function takenLoginKeys(db: Db, regionCode: string, keys: readonly string[]): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const rows = await db
    .select({ loginKey: appUser.loginKey })
    .from(appUser)
    .where(and(eq(appUser.regionCode, regionCode), inArray(appUser.loginKey, [...keys])));
  return new Set(rows.map((row) => row.loginKey));
}
