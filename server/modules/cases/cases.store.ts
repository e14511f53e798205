import { and, asc, count, desc, eq, inArray, isNotNull, isNull, lt, type SQL, sql } from 'drizzle-orm';
import { type CaseStatus, casesCase, casesEvent } from '../../db/schema/cases.ts';
import type { Ctx } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { insertAtCommit } from '../../platform/db/at-commit.ts';
import { preparedInsert } from '../../platform/db/prepared.ts';
import type { ScopedCaseFilter } from './case-filters.sql.ts';
import type { CaseScope } from './case-scope.ts';
import { caseScopeFilter } from './case-scope.store.ts';

export type CaseRow = typeof casesCase.$inferSelect;
export type NewCaseRow = typeof casesCase.$inferInsert;
export type CaseEventRow = typeof casesEvent.$inferSelect;

declare const readInScope: unique symbol;
/**
 * A case read through a `CaseScope`. The reads of what hangs off a case (timeline, photos, requests, merged
 * reports) take one instead of a bare id, so only a case someone was allowed to read opens them.
 */
export type ScopedCase = CaseRow & { readonly [readInScope]: true };

const scoped = (row: CaseRow | undefined) => row as ScopedCase | undefined;

/** What a new case row is given: its id and number are drawn and made by the insert itself. */
export type NewCaseFields = Omit<NewCaseRow, 'id' | 'caseNo'> & {
  /** The number's prefix, the year in China time and a hyphen: the id follows, zero-padded to 8 digits. */
  caseNoPrefix: string;
};

/**
 * Inserts a new case, drawing its id from the sequence and making its number (prefix + zero-padded id) in the
 * same statement: one round trip rather than a `nextval` before it (each wakes the server and the database,
 * bench/results/capacity.json). `new_id` is a WITH referenced twice, evaluated once, so both see one id.
 */
export async function insertNewCase(db: Db, row: NewCaseFields): Promise<{ id: number; caseNo: string }> {
  const [created] = await insertCaseRow(db, row);
  if (!created) throw new Error('the case insert returned no row');
  return { id: Number(created.id), caseNo: String(created.case_no) };
}

const newId = sql`(select id from new_id)`;
const insertCaseRow = preparedInsert<NewCaseFields>('cases.insert_case', casesCase, {
  computed: {
    id: newId,
    caseNo: sql`${sql.placeholder('caseNoPrefix')} || lpad(${newId}::text, 8, '0')`,
  },
  around: (insert, riders) =>
    sql`with ${riders}new_id as (select nextval(pg_get_serial_sequence('cases_case', 'id')) as id)
        ${insert.getSQL()} returning id, case_no`,
});

export async function findCaseByNo(
  db: Db,
  regionCode: string,
  caseNo: string,
  scope: CaseScope,
): Promise<ScopedCase | undefined> {
  return scoped(
    (
      await db
        .select()
        .from(casesCase)
        .where(and(eq(casesCase.regionCode, regionCode), eq(casesCase.caseNo, caseNo), caseScopeFilter(scope)))
    )[0],
  );
}

export async function findCaseById(
  db: Db,
  regionCode: string,
  id: number,
  scope: CaseScope,
): Promise<ScopedCase | undefined> {
  return scoped(
    (
      await db
        .select()
        .from(casesCase)
        .where(and(eq(casesCase.regionCode, regionCode), eq(casesCase.id, id), caseScopeFilter(scope)))
    )[0],
  );
}

/** Whether a case number exists at all: it tells an out-of-scope case (an audited 404) from a missing one. */
export async function caseExists(db: Db, regionCode: string, caseNo: string): Promise<boolean> {
  const rows = await db
    .select({ one: sql`1` })
    .from(casesCase)
    .where(and(eq(casesCase.regionCode, regionCode), eq(casesCase.caseNo, caseNo)))
    .limit(1);
  return rows.length > 0;
}

/**
 * The case a merged report joined, which its reporter follows. The merge looked the case up in the scope of
 * the person who merged (intake-actions.ts), so following it is that person's decision, not a new read.
 */
export async function findMergedInto(db: Db, merged: ScopedCase): Promise<ScopedCase | undefined> {
  if (merged.duplicateOf === null) return undefined;
  return scoped(
    (
      await db
        .select()
        .from(casesCase)
        .where(and(eq(casesCase.regionCode, merged.regionCode), eq(casesCase.id, merged.duplicateOf)))
    )[0],
  );
}

/** Case numbers of the given ids, those in scope only. */
export async function caseNosOf(
  db: Db,
  regionCode: string,
  ids: readonly number[],
  scope: CaseScope,
): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: casesCase.id, caseNo: casesCase.caseNo })
    .from(casesCase)
    .where(and(eq(casesCase.regionCode, regionCode), inArray(casesCase.id, [...ids]), caseScopeFilter(scope)));
  return new Map(rows.map((r) => [r.id, r.caseNo]));
}

/** The numbers of the reports merged into a case, those in scope only. */
export async function mergedReportNos(db: Db, into: ScopedCase, scope: CaseScope): Promise<string[]> {
  const rows = await db
    .select({ caseNo: casesCase.caseNo })
    .from(casesCase)
    .where(and(eq(casesCase.regionCode, into.regionCode), eq(casesCase.duplicateOf, into.id), caseScopeFilter(scope)))
    .orderBy(asc(casesCase.id));
  return rows.map((r) => r.caseNo);
}

/** Open, running cases whose stage deadline has passed (the 督办 sweep's work list). */
export async function findOverdueCases(
  db: Db,
  regionCode: string,
  scope: CaseScope,
  now: Date,
  limit: number,
): Promise<ScopedCase[]> {
  const rows = await db
    .select()
    .from(casesCase)
    .where(
      and(
        eq(casesCase.regionCode, regionCode),
        isNotNull(casesCase.stageDueAt),
        lt(casesCase.stageDueAt, now),
        isNull(casesCase.suspendedAt),
        caseScopeFilter(scope),
      ),
    )
    .limit(limit);
  return rows as ScopedCase[];
}

/**
 * Applies a transition only if nobody moved the case since the caller read it: the revision and the status
 * must still be the ones the rule was checked against. Returns the new row, or undefined when it lost.
 */
export async function updateCaseIf(
  db: Db,
  current: ScopedCase,
  set: Partial<NewCaseRow>,
): Promise<ScopedCase | undefined> {
  const rows = await db
    .update(casesCase)
    .set({ ...set, revision: current.revision + 1 })
    .where(
      and(
        eq(casesCase.regionCode, current.regionCode),
        eq(casesCase.id, current.id),
        eq(casesCase.revision, current.revision),
        eq(casesCase.status, current.status),
      ),
    )
    .returning();
  return scoped(rows[0]);
}

export interface NewCaseEvent {
  action: string;
  at: Date;
  actorKind: CaseEventRow['actorKind'];
  actorId: string | null;
  fromStatus: CaseStatus | null;
  toStatus: CaseStatus | null;
  note?: string | null;
  details?: Record<string, unknown>;
}

/** Appends to the timeline; the case row is locked by the transition, so seq cannot collide. */
export async function appendCaseEvent(db: Db, regionCode: string, caseId: number, event: NewCaseEvent): Promise<void> {
  await insertCaseEvent(db, { regionCode, caseId, ...event, note: event.note ?? null, details: event.details ?? {} });
}

/** The next step number of the case, taken in the insert (the case row is locked by the writer meanwhile). */
const insertCaseEvent = preparedInsert<Record<string, unknown>>('cases.insert_event', casesEvent, {
  computed: {
    seq: sql`(select coalesce(max(seq), 0) + 1 from cases_event where region_code = ${sql.placeholder('regionCode')} and case_id = ${sql.placeholder('caseId')})`,
  },
});

/**
 * A new case's first timeline entry (seq 1: nothing else can precede it), written at commit with the audit row
 * (platform/db/at-commit.ts): nothing in the report's transaction reads the timeline back.
 */
export async function appendFirstCaseEvent(t: Ctx, caseId: number, event: NewCaseEvent): Promise<void> {
  const row = { regionCode: t.countyCode, caseId, seq: 1, ...event, note: event.note ?? null };
  await insertAtCommit(t, insertFirstCaseEvent, { ...row, details: event.details ?? {} });
}

const insertFirstCaseEvent = preparedInsert<typeof casesEvent.$inferInsert>('cases.insert_first_event', casesEvent);

export async function listCaseEvents(db: Db, of: ScopedCase): Promise<CaseEventRow[]> {
  return db
    .select()
    .from(casesEvent)
    .where(and(eq(casesEvent.regionCode, of.regionCode), eq(casesEvent.caseId, of.id)))
    .orderBy(asc(casesEvent.seq));
}

/** The steps of these cases that a reporter sees (`actions`), in the order they happened. */
export async function listStepsOf(
  db: Db,
  cases: readonly ScopedCase[],
  actions: readonly string[],
): Promise<CaseEventRow[]> {
  const [first] = cases;
  if (!first) return [];
  return db
    .select()
    .from(casesEvent)
    .where(
      and(
        eq(casesEvent.regionCode, first.regionCode),
        inArray(casesEvent.caseId, [...new Set(cases.map((c) => c.id))]),
        inArray(casesEvent.action, [...actions]),
      ),
    )
    .orderBy(asc(casesEvent.at), asc(casesEvent.seq));
}

export const caseOrder = {
  newest: [desc(casesCase.reportedAt), desc(casesCase.id)],
  due: [asc(casesCase.stageDueAt), asc(casesCase.id)],
};

/**
 * A page of the cases a list filter finds (it starts with the reader's visibility: case-filters.sql.ts); `first`
 * lifts the rows it holds for to the top (a search's case-number matches).
 */
export async function listCasePage(
  db: Db,
  where: ScopedCaseFilter,
  order: keyof typeof caseOrder,
  page: { limit: number; offset: number },
  first?: SQL,
): Promise<ScopedCase[]> {
  const rows = await db
    .select()
    .from(casesCase)
    .where(where)
    .orderBy(...(first ? [desc(first)] : []), ...caseOrder[order])
    .limit(page.limit)
    .offset(page.offset);
  return rows as ScopedCase[];
}

/** How many cases a list filter finds, counting no further than `upTo` (the list says "10,000+" beyond it). */
export async function countCasesUpTo(db: Db, where: ScopedCaseFilter, upTo: number): Promise<number> {
  const counted = db.select({ one: sql`1` }).from(casesCase).where(where).limit(upTo).as('counted');
  const [total] = await db.select({ n: count() }).from(counted);
  return Number(total?.n ?? 0);
}
