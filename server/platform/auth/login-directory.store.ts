import { and, eq } from 'drizzle-orm';
import { appUser } from '../../db/schema/identity.ts';
import type { Db } from '../db/database.ts';
import { loginKeyOf } from './users.store.ts';

/**
 * The county's active accounts by login key (loginKeyOf) → id: reference data for imports that name a person
 * by user name (a department's head). Staff accounts number in the hundreds or thousands, read once per pass.
 */
export async function activeAccountsByLogin(db: Db, regionCode: string): Promise<Map<string, string>> {
  const rows = await db
    .select({ loginKey: appUser.loginKey, id: appUser.id })
    .from(appUser)
    .where(and(eq(appUser.regionCode, regionCode), eq(appUser.status, 'active')));
  return new Map(rows.map((row) => [row.loginKey, row.id]));
}

export { loginKeyOf };
