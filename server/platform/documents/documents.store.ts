import { and, desc, eq, inArray } from 'drizzle-orm';
import { documentsIssued } from '../../db/schema/documents.ts';
import type { Db } from '../db/database.ts';

export type IssuedDocument = typeof documentsIssued.$inferSelect;
export type NewIssuedDocument = typeof documentsIssued.$inferInsert;

export async function insertIssuedDocument(db: Db, row: NewIssuedDocument): Promise<IssuedDocument> {
  const [inserted] = await db.insert(documentsIssued).values(row).returning();
  return inserted as IssuedDocument;
}

/**
 * By its verification code. No scope: the code itself is the capability (160 random bits), and what the
 * public page shows of the row is only what the kind declared public.
 */
export async function findIssuedByCode(db: Db, regionCode: string, code: string): Promise<IssuedDocument | undefined> {
  const [row] = await db
    .select()
    .from(documentsIssued)
    .where(and(eq(documentsIssued.regionCode, regionCode), eq(documentsIssued.code, code)))
    .limit(1);
  return row;
}

/** The latest issue still in force of this kind, for this record, with exactly this content (re-printing reuses it). */
export async function findCurrentIssue(
  db: Db,
  regionCode: string,
  of: { kind: string; subjectType: string; subjectRef: string; contentSha256: string },
): Promise<IssuedDocument | undefined> {
  const [row] = await db
    .select()
    .from(documentsIssued)
    .where(
      and(
        eq(documentsIssued.regionCode, regionCode),
        eq(documentsIssued.subjectType, of.subjectType),
        eq(documentsIssued.subjectRef, of.subjectRef),
        eq(documentsIssued.kind, of.kind),
        eq(documentsIssued.contentSha256, of.contentSha256),
        eq(documentsIssued.status, 'issued'),
      ),
    )
    .orderBy(desc(documentsIssued.issuedAt))
    .limit(1);
  return row;
}

/** Every issue of these kinds for one record, newest first; the caller has read the record in scope. */
export async function listIssuesOf(
  db: Db,
  regionCode: string,
  subject: { subjectType: string; subjectRef: string },
  kinds: readonly string[],
): Promise<IssuedDocument[]> {
  if (kinds.length === 0) return [];
  return db
    .select()
    .from(documentsIssued)
    .where(
      and(
        eq(documentsIssued.regionCode, regionCode),
        eq(documentsIssued.subjectType, subject.subjectType),
        eq(documentsIssued.subjectRef, subject.subjectRef),
        inArray(documentsIssued.kind, [...kinds]),
      ),
    )
    .orderBy(desc(documentsIssued.issuedAt))
    .limit(200);
}

/** Marks an issued document revoked; `undefined` when it was already revoked (a concurrent revocation won). */
export async function markRevoked(
  db: Db,
  regionCode: string,
  id: string,
  revocation: { at: Date; by: string; reason: string },
): Promise<IssuedDocument | undefined> {
  const [row] = await db
    .update(documentsIssued)
    .set({ status: 'revoked', revokedAt: revocation.at, revokedBy: revocation.by, revokeReason: revocation.reason })
    .where(
      and(eq(documentsIssued.regionCode, regionCode), eq(documentsIssued.id, id), eq(documentsIssued.status, 'issued')),
    )
    .returning();
  return row;
}
