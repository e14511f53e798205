import { and, asc, desc, eq, gte, inArray, isNotNull, lte, ne, type SQL, sql } from 'drizzle-orm';
import { type CaseStatus, casesCase, casesEvent } from '../../../db/schema/cases.ts';
import type { Db } from '../../../platform/db/database.ts';
import type { CaseScope } from '../case-scope.ts';
import { caseScopeFilter } from '../case-scope.store.ts';
import { caseOrder, type ScopedCase } from '../cases.store.ts';

/** A page by number and size, as GeoReport v2's paging extension asks for it. */
export interface Page {
  limit: number;
  offset: number;
}

/** The requests with these numbers, in scope, newest first. */
export async function listCasesByNo(
  db: Db,
  regionCode: string,
  scope: CaseScope,
  caseNos: readonly string[],
): Promise<ScopedCase[]> {
  const rows = await db
    .select()
    .from(casesCase)
    .where(and(eq(casesCase.regionCode, regionCode), inArray(casesCase.caseNo, [...caseNos]), caseScopeFilter(scope)))
    .orderBy(...caseOrder.newest);
  return rows as ScopedCase[];
}

/** Requests reported in [start, end], in scope, of these statuses and codes when given; newest first, a page. */
export async function listCasesReportedIn(
  db: Db,
  regionCode: string,
  scope: CaseScope,
  filter: { start: Date; end: Date; statuses: CaseStatus[] | null; categoryCodes: string[] | null },
  page: Page,
): Promise<ScopedCase[]> {
  const parts: SQL[] = [
    eq(casesCase.regionCode, regionCode),
    gte(casesCase.reportedAt, filter.start),
    lte(casesCase.reportedAt, filter.end),
    caseScopeFilter(scope),
  ];
  if (filter.statuses) parts.push(inArray(casesCase.status, filter.statuses));
  if (filter.categoryCodes) parts.push(inArray(casesCase.categoryCode, filter.categoryCodes));
  const rows = await db
    .select()
    .from(casesCase)
    .where(and(...parts))
    .orderBy(...caseOrder.newest)
    .limit(page.limit)
    .offset(page.offset);
  return rows as ScopedCase[];
}

/** The timeline columns a public update is made from. */
export interface StatusChange {
  caseNo: string;
  seq: number;
  at: Date;
  action: string;
  toStatus: CaseStatus;
  note: string | null;
  details: Record<string, unknown>;
}

/** Timeline entries in [start, end] that changed a case's status, of cases in scope; oldest first, a page. */
export async function listStatusChanges(
  db: Db,
  regionCode: string,
  scope: CaseScope,
  window: { start: Date; end: Date },
  page: Page,
): Promise<StatusChange[]> {
  const rows = await db
    .select({
      caseNo: casesCase.caseNo,
      seq: casesEvent.seq,
      at: casesEvent.at,
      action: casesEvent.action,
      toStatus: casesEvent.toStatus,
      note: casesEvent.note,
      details: casesEvent.details,
    })
    .from(casesEvent)
    .innerJoin(casesCase, and(eq(casesCase.regionCode, casesEvent.regionCode), eq(casesCase.id, casesEvent.caseId)))
    .where(
      and(
        eq(casesEvent.regionCode, regionCode),
        gte(casesEvent.at, window.start),
        lte(casesEvent.at, window.end),
        isNotNull(casesEvent.fromStatus),
        isNotNull(casesEvent.toStatus),
        ne(casesEvent.toStatus, casesEvent.fromStatus),
        caseScopeFilter(scope),
      ),
    )
    .orderBy(asc(casesEvent.at), asc(casesEvent.caseId), asc(casesEvent.seq))
    .limit(page.limit)
    .offset(page.offset);
  return rows.map((row) => ({ ...row, toStatus: row.toStatus as CaseStatus }));
}

/** A request in scope (the partner's own), locked like a transition so the timeline's next seq is ours alone. */
export async function lockCaseByNo(
  db: Db,
  regionCode: string,
  caseNo: string,
  scope: CaseScope,
): Promise<ScopedCase | undefined> {
  const [row] = await db
    .select()
    .from(casesCase)
    .where(and(eq(casesCase.regionCode, regionCode), eq(casesCase.caseNo, caseNo), caseScopeFilter(scope)))
    .for('update');
  return row as ScopedCase | undefined;
}

/** The timeline seq of the latest `action` entry a partner recorded under its own update id, if any. */
export async function findPartnerUpdateSeq(
  db: Db,
  of: ScopedCase,
  action: string,
  updateId: string,
): Promise<number | undefined> {
  const [found] = await db
    .select({ seq: casesEvent.seq })
    .from(casesEvent)
    .where(
      and(
        eq(casesEvent.regionCode, of.regionCode),
        eq(casesEvent.caseId, of.id),
        eq(casesEvent.action, action),
        sql`${casesEvent.details}->>'updateId' = ${updateId}`,
      ),
    )
    .orderBy(desc(casesEvent.seq))
    .limit(1);
  return found?.seq;
}
