import { and, asc, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { type CaseStatus, casesCase, casesEvent, casesPhoto } from '../../db/schema/cases.ts';
import type { Db } from '../../platform/db/database.ts';
import { queryOne } from '../../platform/db/rows.ts';
import { regionSubtree } from '../../platform/regions/region-scope.ts';

export type CaseRow = typeof casesCase.$inferSelect;
export type NewCaseRow = typeof casesCase.$inferInsert;
export type CaseEventRow = typeof casesEvent.$inferSelect;
export type PhotoRow = typeof casesPhoto.$inferSelect;
export type PhotoMeta = Omit<PhotoRow, 'content' | 'thumbnail'>;

/** Who sees which cases (cases.policy.ts decides): a region subtree, narrowed to a department or own reports. */
export interface CaseVisibility {
  region: string;
  department: string | null;
  reporterId: string | null;
}

export function visibilityFilter(v: CaseVisibility): SQL {
  const parts = [regionSubtree(casesCase.locationCode, v.region)];
  if (v.department !== null) parts.push(eq(casesCase.department, v.department));
  if (v.reporterId !== null) parts.push(eq(casesCase.reporterUserId, v.reporterId));
  return and(...parts) as SQL;
}

/** Ids come first so the case number (year + id) is known when the row is written. */
export async function nextCaseId(db: Db): Promise<number> {
  const row = await queryOne<{ id: number }>(db, sql`select nextval(pg_get_serial_sequence('cases_case', 'id')) as id`);
  return Number(row?.id);
}

export async function insertCase(db: Db, row: NewCaseRow): Promise<void> {
  await db.insert(casesCase).values(row);
}

export async function findCaseByNo(db: Db, regionCode: string, caseNo: string, visibility?: CaseVisibility): Promise<CaseRow | undefined> {
  const where = [eq(casesCase.regionCode, regionCode), eq(casesCase.caseNo, caseNo)];
  if (visibility) where.push(visibilityFilter(visibility));
  return (await db.select().from(casesCase).where(and(...where)))[0];
}

export async function findCaseById(db: Db, regionCode: string, id: number): Promise<CaseRow | undefined> {
  return (await db.select().from(casesCase).where(and(eq(casesCase.regionCode, regionCode), eq(casesCase.id, id))))[0];
}

export async function caseNosOf(db: Db, regionCode: string, ids: readonly number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: casesCase.id, caseNo: casesCase.caseNo })
    .from(casesCase)
    .where(and(eq(casesCase.regionCode, regionCode), inArray(casesCase.id, [...ids])));
  return new Map(rows.map((r) => [r.id, r.caseNo]));
}

/**
 * Applies a transition only if nobody moved the case since the caller read it: the revision and the status
 * must still be the ones the rule was checked against. Returns the new row, or undefined when it lost.
 */
export async function updateCaseIf(db: Db, current: CaseRow, set: Partial<NewCaseRow>): Promise<CaseRow | undefined> {
  const rows = await db
    .update(casesCase)
    .set({ ...set, revision: current.revision + 1 })
    .where(and(eq(casesCase.regionCode, current.regionCode), eq(casesCase.id, current.id), eq(casesCase.revision, current.revision), eq(casesCase.status, current.status)))
    .returning();
  return rows[0];
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
  await db.insert(casesEvent).values({
    regionCode,
    caseId,
    seq: sql`(select coalesce(max(seq), 0) + 1 from cases_event where region_code = ${regionCode} and case_id = ${caseId})`,
    ...event,
    note: event.note ?? null,
    details: event.details ?? {},
  });
}

export async function listCaseEvents(db: Db, regionCode: string, caseId: number): Promise<CaseEventRow[]> {
  return db
    .select()
    .from(casesEvent)
    .where(and(eq(casesEvent.regionCode, regionCode), eq(casesEvent.caseId, caseId)))
    .orderBy(asc(casesEvent.seq));
}

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

export async function listPhotoMeta(db: Db, regionCode: string, caseId: number): Promise<PhotoMeta[]> {
  return db
    .select(photoMetaColumns)
    .from(casesPhoto)
    .where(and(eq(casesPhoto.regionCode, regionCode), eq(casesPhoto.caseId, caseId)))
    .orderBy(sql`case ${casesPhoto.stage} when 'report' then 0 when 'handle' then 1 else 2 end`, asc(casesPhoto.uploadedAt), asc(casesPhoto.sortOrder));
}

export async function countPhotos(db: Db, regionCode: string, caseId: number, stage: PhotoRow['stage']): Promise<number> {
  const row = await queryOne<{ n: number }>(db, sql`select count(*)::int as n from cases_photo where region_code = ${regionCode} and case_id = ${caseId} and stage = ${stage}`);
  return row?.n ?? 0;
}

export async function findPhoto(db: Db, regionCode: string, caseId: number, photoId: string, variant: 'content' | 'thumbnail'): Promise<{ contentType: string; bytes: Buffer } | undefined> {
  const column = variant === 'content' ? casesPhoto.content : casesPhoto.thumbnail;
  const rows = await db
    .select({ contentType: casesPhoto.contentType, bytes: column })
    .from(casesPhoto)
    .where(and(eq(casesPhoto.regionCode, regionCode), eq(casesPhoto.caseId, caseId), eq(casesPhoto.id, photoId)));
  const row = rows[0];
  if (!row) return undefined;
  return { contentType: variant === 'content' ? row.contentType : 'image/jpeg', bytes: row.bytes };
}

export const caseOrder = { newest: [desc(casesCase.reportedAt), desc(casesCase.id)], due: [asc(casesCase.stageDueAt), asc(casesCase.id)] };
