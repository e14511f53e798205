import { and, asc, eq, ne, sql } from 'drizzle-orm';
import { casesCase, casesPhoto } from '../../db/schema/cases.ts';
import type { Db } from '../../platform/db/database.ts';
import { queryOne } from '../../platform/db/rows.ts';
import type { CaseScope } from './case-scope.ts';
import { caseScopeFilter } from './case-scope.store.ts';
import type { ScopedCase } from './cases.store.ts';

export type PhotoRow = typeof casesPhoto.$inferSelect;
export type PhotoMeta = Omit<PhotoRow, 'content' | 'thumbnail'>;

/** A case's photos (report, handling, verification): read through a case read in scope, never by a bare id. */
export async function insertPhotos(db: Db, rows: ReadonlyArray<typeof casesPhoto.$inferInsert>): Promise<void> {
  if (rows.length > 0) await db.insert(casesPhoto).values([...rows]);
}

const photoMetaColumns = {
  regionCode: casesPhoto.regionCode,
  caseId: casesPhoto.caseId,
  id: casesPhoto.id,
  stage: casesPhoto.stage,
  contentType: casesPhoto.contentType,
  width: casesPhoto.width,
  height: casesPhoto.height,
  sha256: casesPhoto.sha256,
  exifLng: casesPhoto.exifLng,
  exifLat: casesPhoto.exifLat,
  takenAt: casesPhoto.takenAt,
  uploadedAt: casesPhoto.uploadedAt,
  uploadedBy: casesPhoto.uploadedBy,
  sortOrder: casesPhoto.sortOrder,
};

export async function listPhotoMeta(db: Db, of: ScopedCase): Promise<PhotoMeta[]> {
  return db
    .select(photoMetaColumns)
    .from(casesPhoto)
    .where(and(eq(casesPhoto.regionCode, of.regionCode), eq(casesPhoto.caseId, of.id)))
    .orderBy(
      sql`case ${casesPhoto.stage} when 'report' then 0 when 'handle' then 1 else 2 end`,
      asc(casesPhoto.uploadedAt),
      asc(casesPhoto.sortOrder),
    );
}

export async function listPhotoIds(db: Db, of: ScopedCase, stage: PhotoRow['stage']): Promise<string[]> {
  const rows = await db
    .select({ id: casesPhoto.id })
    .from(casesPhoto)
    .where(and(eq(casesPhoto.regionCode, of.regionCode), eq(casesPhoto.caseId, of.id), eq(casesPhoto.stage, stage)))
    .orderBy(asc(casesPhoto.sortOrder));
  return rows.map((r) => r.id);
}

export async function countPhotos(db: Db, of: ScopedCase, stage: PhotoRow['stage']): Promise<number> {
  const row = await queryOne<{ n: number }>(
    db,
    sql`select count(*)::int as n from cases_photo where region_code = ${of.regionCode} and case_id = ${of.id} and stage = ${stage}`,
  );
  return row?.n ?? 0;
}

export async function findPhoto(
  db: Db,
  of: ScopedCase,
  photoId: string,
  variant: 'content' | 'thumbnail',
): Promise<{ contentType: string; bytes: Buffer } | undefined> {
  const column = variant === 'content' ? casesPhoto.content : casesPhoto.thumbnail;
  const rows = await db
    .select({ contentType: casesPhoto.contentType, bytes: column })
    .from(casesPhoto)
    .where(and(eq(casesPhoto.regionCode, of.regionCode), eq(casesPhoto.caseId, of.id), eq(casesPhoto.id, photoId)));
  const row = rows[0];
  if (!row) return undefined;
  return { contentType: variant === 'content' ? row.contentType : 'image/jpeg', bytes: row.bytes };
}

/**
 * Whether a photo id belongs to a case other than `asked` — one outside `scope` when a scope is given: asked
 * for under a case that does not hold it, such a photo is "not yours" (an audited 404), not "not there".
 */
export async function photoHeldElsewhere(
  db: Db,
  asked: ScopedCase,
  photoId: string,
  outside: CaseScope | null,
): Promise<boolean> {
  const rows = await db
    .select({ one: sql`1` })
    .from(casesPhoto)
    .innerJoin(casesCase, and(eq(casesCase.regionCode, casesPhoto.regionCode), eq(casesCase.id, casesPhoto.caseId)))
    .where(
      and(
        eq(casesPhoto.regionCode, asked.regionCode),
        eq(casesPhoto.id, photoId),
        ne(casesPhoto.caseId, asked.id),
        outside ? sql`not (${caseScopeFilter(outside)})` : undefined,
      ),
    )
    .limit(1);
  return rows.length > 0;
}
