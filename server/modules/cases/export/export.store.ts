import { and, desc, lt, sql } from 'drizzle-orm';
import { casesCase } from '../../../db/schema/cases.ts';
import type { Db } from '../../../platform/db/database.ts';
import { queryOne } from '../../../platform/db/rows.ts';
import type { ScopedCaseFilter } from '../case-filters.sql.ts';

const c = casesCase;

/** What the file shows: no reporter phone, token hash, coordinates of people or free-text notes. */
export const exportedColumns = {
  id: c.id,
  caseNo: c.caseNo,
  catalogueVersion: c.catalogueVersion,
  categoryCode: c.categoryCode,
  status: c.status,
  channel: c.channel,
  townshipCode: c.townshipCode,
  address: c.address,
  department: c.department,
  reportedAt: c.reportedAt,
  registeredAt: c.registeredAt,
  dispatchedAt: c.dispatchedAt,
  handledAt: c.handledAt,
  closedAt: c.closedAt,
  handleDueAt: c.handleDueAt,
  closedOnTime: c.closedOnTime,
  reworkCount: c.reworkCount,
  escalationLevel: c.escalationLevel,
  satisfaction: c.satisfaction,
};

export type ExportedCase = Awaited<ReturnType<typeof exportBatch>>[number];

/**
 * How many cases the filter finds, and the highest id among them: the export stops there, so cases
 * reported while the file is being written do not push it past the count it was allowed on.
 */
export async function countForExport(db: Db, where: ScopedCaseFilter): Promise<{ total: number; maxId: number }> {
  const row = await queryOne<{ total: number; maxId: number | null }>(
    db,
    sql`select count(*) as "total", max(${c.id}) as "maxId" from ${c} where ${where}`,
  );
  return { total: Number(row?.total ?? 0), maxId: Number(row?.maxId ?? 0) };
}

/**
 * The cases newest first, a batch at a time by keyset on the id (`id < last`), never by OFFSET: each batch
 * starts where the previous one stopped in the primary key, so 200,000 rows cost one pass, and only one
 * batch is ever in memory.
 */
export async function* casesForExport(
  db: Db,
  where: ScopedCaseFilter,
  maxId: number,
  batchSize: number,
): AsyncGenerator<ExportedCase> {
  let below = maxId + 1;
  for (;;) {
    const rows = await exportBatch(db, where, below, batchSize);
    yield* rows;
    if (rows.length < batchSize) return;
    below = rows[rows.length - 1]!.id;
  }
}

function exportBatch(db: Db, where: ScopedCaseFilter, below: number, batchSize: number) {
  return db
    .select(exportedColumns)
    .from(c)
    .where(and(where, lt(c.id, below)))
    .orderBy(desc(c.id))
    .limit(batchSize);
}
