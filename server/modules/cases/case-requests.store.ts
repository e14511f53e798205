import { and, eq, isNull } from 'drizzle-orm';
import { casesRequest } from '../../db/schema/cases.ts';
import type { Db } from '../../platform/db/database.ts';
import type { ScopedCase } from './cases.store.ts';

export type CaseRequestRow = typeof casesRequest.$inferSelect;
export type NewCaseRequestRow = typeof casesRequest.$inferInsert;

/** The 延期/挂起 request still waiting for a decision on a case read in scope (at most one). */
export async function findPendingRequest(db: Db, of: ScopedCase): Promise<CaseRequestRow | undefined> {
  return (
    await db
      .select()
      .from(casesRequest)
      .where(
        and(eq(casesRequest.regionCode, of.regionCode), eq(casesRequest.caseId, of.id), isNull(casesRequest.decision)),
      )
  )[0];
}

export async function insertRequest(db: Db, row: NewCaseRequestRow): Promise<void> {
  await db.insert(casesRequest).values(row);
}

export async function recordDecision(
  db: Db,
  regionCode: string,
  requestId: string,
  decision: Pick<CaseRequestRow, 'decision' | 'decidedBy' | 'decidedAt' | 'decisionNote'>,
): Promise<void> {
  await db
    .update(casesRequest)
    .set(decision)
    .where(and(eq(casesRequest.regionCode, regionCode), eq(casesRequest.id, requestId)));
}
