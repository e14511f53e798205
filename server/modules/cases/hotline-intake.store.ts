import { and, eq, sql } from 'drizzle-orm';
import { casesCase } from '../../db/schema/cases.ts';
import type { Db } from '../../platform/db/database.ts';
import type { CaseScope } from './case-scope.ts';
import { caseScopeFilter } from './case-scope.store.ts';

/**
 * Holds the 工单号 until the transaction ends, so two operators entering the same call at the same moment are
 * told one after the other (the unique index would otherwise fail the second with a bare 500). Transaction-level
 * advisory locks run on PostgreSQL 15 and PGlite alike.
 */
export async function lockTicketNo(db: Db, regionCode: string, ticketNo: string): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(hashtext(${`cases.hotline_ticket:${regionCode}:${ticketNo}`}))`);
}

/** Whether any case of the county carries the 工单号: an existence check, answered without a scope. */
export async function ticketNoTaken(db: Db, regionCode: string, ticketNo: string): Promise<boolean> {
  const rows = await db
    .select({ one: sql`1` })
    .from(casesCase)
    .where(and(eq(casesCase.regionCode, regionCode), eq(casesCase.hotlineTicketNo, ticketNo)))
    .limit(1);
  return rows.length > 0;
}

/** The number of the case filed under the 工单号, when the reader may see that case. */
export async function caseNoOfTicket(
  db: Db,
  regionCode: string,
  ticketNo: string,
  scope: CaseScope,
): Promise<string | undefined> {
  const [row] = await db
    .select({ caseNo: casesCase.caseNo })
    .from(casesCase)
    .where(and(eq(casesCase.regionCode, regionCode), eq(casesCase.hotlineTicketNo, ticketNo), caseScopeFilter(scope)))
    .limit(1);
  return row?.caseNo;
}
