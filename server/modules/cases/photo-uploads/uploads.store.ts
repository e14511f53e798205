import { and, eq, gt, inArray, lte, sql } from 'drizzle-orm';
import type { PhotoStage } from '../../../db/schema/cases.ts';
import { casesPhotoUpload } from '../../../db/schema/cases-uploads.ts';
import type { Db } from '../../../platform/db/database.ts';
import { queryRows } from '../../../platform/db/rows.ts';

export type NewUploadRow = typeof casesPhotoUpload.$inferInsert;

export async function insertUpload(db: Db, row: NewUploadRow): Promise<void> {
  await db.insert(casesPhotoUpload).values(row);
}

/** One staged photo a report names: its id, the secret's hash for a citizen's upload, and its place in the list. */
export interface WantedUpload {
  id: string;
  secretHash: string | null;
  sortOrder: number;
}

export interface ConsumeTarget {
  regionCode: string;
  caseId: number;
  stage: PhotoStage;
  /** The signed-in owner, or null for a citizen's uploads (matched by their secrets instead). */
  ownerId: string | null;
  now: Date;
}

/**
 * Moves staged photos into `cases_photo` in one statement inside the database: delete the live uploads that
 * belong to the caller and insert them as the case's photos (same id), so the bytes never travel back through
 * Node. Returns the ids moved; an id missing from the answer was someone else's, expired, or already used.
 */
export async function consumeUploads(
  db: Db,
  target: ConsumeTarget,
  wanted: readonly WantedUpload[],
): Promise<Set<string>> {
  if (wanted.length === 0) return new Set();
  const col = <T>(value: (w: WantedUpload) => T) => sql.param(wanted.map(value));
  const rows = await queryRows<{ id: string }>(
    db,
    sql`
      with wanted as (
        select * from unnest(${col((w) => w.id)}::uuid[], ${col((w) => w.secretHash)}::text[], ${col((w) => w.sortOrder)}::int2[]) as w(id, secret_hash, sort_order)
      ), taken as (
        delete from cases_photo_upload u using wanted w
        where u.region_code = ${target.regionCode} and u.id = w.id and u.expires_at > ${target.now.toISOString()}::timestamptz
          and u.owner_user_id is not distinct from ${target.ownerId}::uuid and u.secret_hash is not distinct from w.secret_hash
        returning u.*, w.sort_order as wanted_order
      )
      insert into cases_photo (region_code, case_id, id, stage, content_type, content, thumbnail, width, height, sha256, exif_lng, exif_lat, taken_at, uploaded_at, uploaded_by, sort_order)
      select region_code, ${target.caseId}::int8, id, ${target.stage}::text, content_type, content, thumbnail, width, height, sha256, exif_lng, exif_lat, taken_at, uploaded_at, owner_user_id, wanted_order
      from taken
      returning id`,
  );
  return new Set(rows.map((r) => r.id));
}

/** Deletes uploads past their expiry; returns how many. */
export async function deleteExpiredUploads(db: Db, regionCode: string, now: Date): Promise<number> {
  const rows = await db
    .delete(casesPhotoUpload)
    .where(and(eq(casesPhotoUpload.regionCode, regionCode), lte(casesPhotoUpload.expiresAt, now)))
    .returning({ id: casesPhotoUpload.id });
  return rows.length;
}

/**
 * Which of these ids name a live upload at all. Asked after a report failed to consume them: an id that is
 * live was someone else's (or came with a wrong secret) — "not yours", audited — rather than "not there".
 */
export async function liveUploadIds(
  db: Db,
  regionCode: string,
  ids: readonly string[],
  now: Date,
): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .select({ id: casesPhotoUpload.id })
    .from(casesPhotoUpload)
    .where(
      and(
        eq(casesPhotoUpload.regionCode, regionCode),
        inArray(casesPhotoUpload.id, [...ids]),
        gt(casesPhotoUpload.expiresAt, now),
      ),
    );
  return new Set(rows.map((r) => r.id));
}
