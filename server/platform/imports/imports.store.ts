import { and, asc, count, countDistinct, desc, eq, gte, inArray, lte, or, sql } from 'drizzle-orm';
import { importsFileChunk, importsRowError, importsRowKey, importsRun } from '../../db/schema/imports.ts';
import type { SystemRead } from '../access/record-scope.ts';
import type { Db } from '../db/database.ts';
import { queryRows } from '../db/rows.ts';

export type RunRow = typeof importsRun.$inferSelect;
export type NewRun = typeof importsRun.$inferInsert;
export type RunStatus = RunRow['status'];
export type RowErrorRow = typeof importsRowError.$inferSelect;

/**
 * Whose runs a read returns: a person sees the runs they uploaded (another's answers 404), the worker reads the
 * run it claimed (a declared system read, imports.policy.ts).
 */
export type RunScope = { readonly kind: 'owner'; readonly userId: string } | SystemRead<'imports-worker'>;

function runInScope(regionCode: string, id: string, scope: RunScope) {
  const own = eq(importsRun.regionCode, regionCode);
  const ownerOnly = scope.kind === 'owner' ? eq(importsRun.createdBy, scope.userId) : undefined;
  return and(own, eq(importsRun.id, id), ownerOnly);
}

export async function insertRun(db: Db, run: NewRun): Promise<RunRow> {
  return (await db.insert(importsRun).values(run).returning())[0]!;
}

export async function findRun(db: Db, regionCode: string, id: string, scope: RunScope): Promise<RunRow | undefined> {
  return (
    await db
      .select()
      .from(importsRun)
      .where(runInScope(regionCode, id, scope))
  )[0];
}

export async function listOwnRuns(
  db: Db,
  regionCode: string,
  scope: RunScope & { kind: 'owner' },
  kind: string,
  page: { limit: number; offset: number },
): Promise<{ rows: RunRow[]; total: number }> {
  const where = and(
    eq(importsRun.regionCode, regionCode),
    eq(importsRun.createdBy, scope.userId),
    eq(importsRun.kind, kind),
  );
  const rows = await db
    .select()
    .from(importsRun)
    .where(where)
    .orderBy(desc(importsRun.createdAt), desc(importsRun.id))
    .limit(page.limit)
    .offset(page.offset);
  const [total] = await db.select({ n: count() }).from(importsRun).where(where);
  return { rows, total: total?.n ?? 0 };
}

/**
 * Takes the oldest run waiting in `from` (or one a dead worker left in `working` before `staleBefore`) and moves
 * it to `working`, in one statement: `for update skip locked` plus the status test in the UPDATE mean two
 * processes never take the same run.
 */
export async function claimRun(
  db: Db,
  regionCode: string,
  from: RunStatus,
  working: RunStatus,
  now: Date,
  staleBefore: Date,
): Promise<RunRow | undefined> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`update imports_run set status = ${working}, claimed_at = ${now.toISOString()}::timestamptz,
          updated_at = ${now.toISOString()}::timestamptz
        where region_code = ${regionCode} and id = (
          select id from imports_run
          where region_code = ${regionCode}
            and (status = ${from} or (status = ${working} and claimed_at < ${staleBefore.toISOString()}::timestamptz))
          order by created_at, id limit 1 for update skip locked)
          and (status = ${from} or status = ${working})
        returning id`,
  );
  const id = rows[0]?.id;
  return id ? findRun(db, regionCode, id, { kind: 'system', why: 'imports-worker' }) : undefined;
}

/** Changes a run, only while it is in one of `expected` states; false when it was not (someone moved it). */
export async function updateRun(
  db: Db,
  regionCode: string,
  id: string,
  expected: readonly RunStatus[],
  patch: Partial<Omit<NewRun, 'regionCode' | 'id'>>,
): Promise<boolean> {
  const rows = await db
    .update(importsRun)
    .set(patch)
    .where(and(eq(importsRun.regionCode, regionCode), eq(importsRun.id, id), inArray(importsRun.status, [...expected])))
    .returning({ id: importsRun.id });
  return rows.length > 0;
}

export interface NewRowError {
  rowNumber: number;
  column: string | null;
  code: string;
  params: Record<string, string | number>;
  phase: 'check' | 'commit';
}

/** Appends a batch of row errors with `unnest` (the first gets `seq`): one statement per batch, not per error. */
export async function insertRowErrors(
  db: Db,
  regionCode: string,
  runId: string,
  seq: number,
  errors: readonly NewRowError[],
): Promise<void> {
  if (errors.length === 0) return;
  const col = <T>(pick: (e: NewRowError, i: number) => T) => sql.param(errors.map(pick));
  await db.execute(sql`
    insert into imports_row_error (region_code, run_id, seq, row_number, "column", code, params, phase)
    select ${regionCode}, ${runId}::uuid, e.* from unnest(
      ${col((_e, i) => seq + i)}::int4[], ${col((e) => e.rowNumber)}::int4[], ${col((e) => e.column)}::text[],
      ${col((e) => e.code)}::text[], ${col((e) => JSON.stringify(e.params))}::jsonb[], ${col((e) => e.phase)}::text[]
    ) as e`);
}

/** How many distinct rows have errors, and the next free error number. */
export async function errorTally(db: Db, regionCode: string, runId: string): Promise<{ rows: number; next: number }> {
  const [tally] = await db
    .select({
      rows: countDistinct(importsRowError.rowNumber),
      n: sql<number>`coalesce(max(${importsRowError.seq}) + 1, 0)::int`,
    })
    .from(importsRowError)
    .where(and(eq(importsRowError.regionCode, regionCode), eq(importsRowError.runId, runId)));
  return { rows: Number(tally?.rows ?? 0), next: Number(tally?.n ?? 0) };
}

export async function listRowErrors(
  db: Db,
  regionCode: string,
  run: RunRow,
  page: { limit: number; offset: number },
): Promise<{ rows: RowErrorRow[]; total: number }> {
  const where = and(eq(importsRowError.regionCode, regionCode), eq(importsRowError.runId, run.id));
  const rows = await db
    .select()
    .from(importsRowError)
    .where(where)
    .orderBy(asc(importsRowError.rowNumber), asc(importsRowError.seq))
    .limit(page.limit)
    .offset(page.offset);
  const [total] = await db.select({ n: count() }).from(importsRowError).where(where);
  return { rows, total: total?.n ?? 0 };
}

/** The errors of rows `from`…`to` of a run (the report and the commit walk the file in row order). */
export async function rowErrorsBetween(
  db: Db,
  regionCode: string,
  run: RunRow,
  from: number,
  to: number,
): Promise<RowErrorRow[]> {
  return db
    .select()
    .from(importsRowError)
    .where(
      and(
        eq(importsRowError.regionCode, regionCode),
        eq(importsRowError.runId, run.id),
        gte(importsRowError.rowNumber, from),
        lte(importsRowError.rowNumber, to),
      ),
    )
    .orderBy(asc(importsRowError.rowNumber), asc(importsRowError.seq));
}

/** A dry run taken again (its worker died) starts over. */
export async function deleteRowErrors(db: Db, regionCode: string, runId: string): Promise<void> {
  await db
    .delete(importsRowError)
    .where(and(eq(importsRowError.regionCode, regionCode), eq(importsRowError.runId, runId)));
}

/**
 * Records each row's unique key, first row wins (in file order, also within the batch): answers, for each row
 * whose key an earlier row already holds, that earlier row.
 */
export async function claimRowKeys(
  db: Db,
  regionCode: string,
  runId: string,
  keys: ReadonlyArray<{ key: string; rowNumber: number }>,
): Promise<Map<number, number>> {
  if (keys.length === 0) return new Map();
  const col = <T>(pick: (k: { key: string; rowNumber: number }) => T) => sql.param(keys.map(pick));
  const inserted = await queryRows<{ row_number: number }>(
    db,
    sql`insert into imports_row_key (region_code, run_id, key, row_number)
        select ${regionCode}, ${runId}::uuid, k.key, k.row_number
        from unnest(${col((k) => k.key)}::text[], ${col((k) => k.rowNumber)}::int4[]) with ordinality as k(key, row_number, n)
        order by k.n
        on conflict do nothing returning row_number`,
  );
  const won = new Set(inserted.map((r) => Number(r.row_number)));
  const lost = keys.filter((k) => !won.has(k.rowNumber));
  if (lost.length === 0) return new Map();
  const owners = await db
    .select({ key: importsRowKey.key, rowNumber: importsRowKey.rowNumber })
    .from(importsRowKey)
    .where(
      and(
        eq(importsRowKey.regionCode, regionCode),
        eq(importsRowKey.runId, runId),
        inArray(importsRowKey.key, [...new Set(lost.map((k) => k.key))]),
      ),
    );
  const ownerOf = new Map(owners.map((o) => [o.key, o.rowNumber]));
  return new Map(lost.map((k) => [k.rowNumber, ownerOf.get(k.key) ?? k.rowNumber]));
}

export async function deleteRowKeys(db: Db, regionCode: string, runId: string): Promise<void> {
  await db.delete(importsRowKey).where(and(eq(importsRowKey.regionCode, regionCode), eq(importsRowKey.runId, runId)));
}

export async function insertFileChunk(
  db: Db,
  regionCode: string,
  runId: string,
  seq: number,
  contentEnc: string,
): Promise<void> {
  await db.insert(importsFileChunk).values({ regionCode, runId, seq, contentEnc });
}

/** One chunk of a run's file (read one at a time, so the file is never whole in memory). */
export async function readFileChunk(db: Db, regionCode: string, run: RunRow, seq: number): Promise<string | undefined> {
  const rows = await db
    .select({ contentEnc: importsFileChunk.contentEnc })
    .from(importsFileChunk)
    .where(
      and(
        eq(importsFileChunk.regionCode, regionCode),
        eq(importsFileChunk.runId, run.id),
        eq(importsFileChunk.seq, seq),
      ),
    );
  return rows[0]?.contentEnc;
}

/** The file and the dry run's keys go once the run is committed or discarded. */
export async function deleteRunFile(db: Db, regionCode: string, runId: string): Promise<void> {
  await db
    .delete(importsFileChunk)
    .where(and(eq(importsFileChunk.regionCode, regionCode), eq(importsFileChunk.runId, runId)));
  await deleteRowKeys(db, regionCode, runId);
}

/** Runs left unfinished (checked but never committed or discarded) before `before`: the sweep discards them. */
export async function staleRunIds(db: Db, regionCode: string, before: Date): Promise<string[]> {
  const rows = await db
    .select({ id: importsRun.id })
    .from(importsRun)
    .where(
      and(
        eq(importsRun.regionCode, regionCode),
        or(eq(importsRun.status, 'checked'), eq(importsRun.status, 'failed')),
        lte(importsRun.updatedAt, before),
      ),
    )
    .limit(100);
  return rows.map((r) => r.id);
}
