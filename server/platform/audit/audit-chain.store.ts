import { and, asc, eq, gt, gte, lte, max, sql } from 'drizzle-orm';
import { auditEvent } from '../../db/schema/audit.ts';
import type { Db } from '../db/database.ts';
import { queryOne } from '../db/rows.ts';
import type { AuditRow } from './chain.ts';

/**
 * The trail in seq order, for what walks it whole: verification and the retention purge. Searches for the
 * auditor are in audit.store.ts.
 */

/** Rows with afterSeq < seq ≤ toSeq, oldest first, at most `limit` (keyset paging over seq). */
export async function readAuditRowsAfter(
  db: Db,
  countyCode: string,
  range: { afterSeq: number; toSeq: number; limit: number },
): Promise<AuditRow[]> {
  return db
    .select()
    .from(auditEvent)
    .where(
      and(eq(auditEvent.regionCode, countyCode), gt(auditEvent.seq, range.afterSeq), lte(auditEvent.seq, range.toSeq)),
    )
    .orderBy(asc(auditEvent.seq))
    .limit(range.limit);
}

/** Each chain's highest seq above `seq`: rows appended past a point. */
export async function lastSeqOfChainsAbove(
  db: Db,
  countyCode: string,
  seq: number,
): Promise<Array<{ chain: number; lastSeq: number }>> {
  const rows = await db
    .select({ chain: auditEvent.chain, last: max(auditEvent.seq) })
    .from(auditEvent)
    .where(and(eq(auditEvent.regionCode, countyCode), gt(auditEvent.seq, seq)))
    .groupBy(auditEvent.chain);
  return rows.map((row) => ({ chain: Number(row.chain), lastSeq: Number(row.last) }));
}

/** From `fromSeq` on: the last seq, and the first seq of a row that occurred at or after `occurredFrom`. */
export async function auditSeqBounds(
  db: Db,
  countyCode: string,
  fromSeq: number,
  occurredFrom: Date,
): Promise<{ last: number | null; firstFrom: number | null }> {
  const present = and(eq(auditEvent.regionCode, countyCode), gte(auditEvent.seq, fromSeq));
  const [bounds] = await db
    .select({ last: sql<number | null>`max(${auditEvent.seq})` })
    .from(auditEvent)
    .where(present);
  const [kept] = await db
    .select({ first: sql<number | null>`min(${auditEvent.seq})` })
    .from(auditEvent)
    .where(and(present, gte(auditEvent.occurredAt, occurredFrom)));
  const numberOrNull = (value: number | null | undefined) => (value == null ? null : Number(value));
  return { last: numberOrNull(bounds?.last), firstFrom: numberOrNull(kept?.first) };
}

/** Deletes rows fromSeq ≤ seq ≤ toSeq as the retention purge; answers how many went. */
export async function deleteAuditRange(db: Db, countyCode: string, fromSeq: number, toSeq: number): Promise<number> {
  // The trigger lets a DELETE through only when the transaction declares itself a purge (and rows are old).
  await db.execute(sql`select set_config('wenming.audit_purge', 'on', true)`);
  const deleted = await queryOne<{ n: number }>(
    db,
    sql`with gone as (
          delete from audit_event where region_code = ${countyCode} and seq between ${fromSeq} and ${toSeq}
          returning 1)
        select count(*)::int8 as n from gone`,
  );
  await db.execute(sql`select set_config('wenming.audit_purge', 'off', true)`);
  return Number(deleted?.n ?? 0);
}
