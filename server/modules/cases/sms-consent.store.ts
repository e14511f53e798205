import { and, eq } from 'drizzle-orm';
import { casesCase } from '../../db/schema/cases.ts';
import type { Db } from '../../platform/db/database.ts';
import type { ScopedCase } from './cases.store.ts';

/**
 * Clears the reporter's SMS consent. Not a step of the loop, so the revision stays: staff deciding on the case
 * at the same moment are not sent back to reload it. False when it was already withdrawn.
 */
export async function clearSmsConsent(db: Db, of: ScopedCase, now: Date): Promise<boolean> {
  const rows = await db
    .update(casesCase)
    .set({ smsConsent: false, updatedAt: now })
    .where(and(eq(casesCase.regionCode, of.regionCode), eq(casesCase.id, of.id), eq(casesCase.smsConsent, true)))
    .returning({ id: casesCase.id });
  return rows.length > 0;
}
