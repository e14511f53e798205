import { and, eq, sql } from 'drizzle-orm';
import { loginThrottle } from '../../db/schema/identity.ts';
import type { Db } from '../db/database.ts';

/** Failures from one address in its current window (0 when the window has passed). */
export async function failuresFrom(db: Db, regionCode: string, ip: string, windowStart: Date): Promise<number> {
  const rows = await db
    .select()
    .from(loginThrottle)
    .where(and(eq(loginThrottle.regionCode, regionCode), eq(loginThrottle.sourceIp, ip)))
    .limit(1);
  const row = rows[0];
  return row && row.windowStart >= windowStart ? row.failures : 0;
}

/** Counts one failure, starting a new window when the old one has passed. */
export async function countFailure(
  db: Db,
  regionCode: string,
  ip: string,
  now: Date,
  windowStart: Date,
): Promise<void> {
  await db
    .insert(loginThrottle)
    .values({ regionCode, sourceIp: ip, windowStart: now, failures: 1 })
    .onConflictDoUpdate({
      target: [loginThrottle.regionCode, loginThrottle.sourceIp],
      set: {
        failures: sql`case when ${loginThrottle.windowStart} < ${windowStart} then 1 else ${loginThrottle.failures} + 1 end`,
        windowStart: sql`case when ${loginThrottle.windowStart} < ${windowStart} then ${now} else ${loginThrottle.windowStart} end`,
      },
    });
}
