import { desc, eq } from 'drizzle-orm';
import { auditArchive } from '../../db/schema/audit.ts';
import type { Db } from '../db/database.ts';

export type AuditArchiveRow = typeof auditArchive.$inferSelect;
export type NewAuditArchive = typeof auditArchive.$inferInsert;

/** The county's newest archive (the highest `toSeq`): where the trail still in the database starts. */
export async function newestAuditArchive(
  db: Db,
  countyCode: string,
): Promise<Pick<AuditArchiveRow, 'toSeq' | 'lastHash' | 'chainHeads'> | undefined> {
  const rows = await db
    .select({ toSeq: auditArchive.toSeq, lastHash: auditArchive.lastHash, chainHeads: auditArchive.chainHeads })
    .from(auditArchive)
    .where(eq(auditArchive.regionCode, countyCode))
    .orderBy(desc(auditArchive.toSeq))
    .limit(1);
  return rows[0];
}

export async function insertAuditArchive(db: Db, archive: NewAuditArchive): Promise<void> {
  await db.insert(auditArchive).values(archive);
}
