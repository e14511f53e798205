import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.ts';
import { queryOne } from '../../../platform/db/rows.ts';
import type { InspectedImage } from '../../../platform/files/image.ts';
import type { CaseRow } from '../cases.store.ts';
import type { CaseHistory, DemoEvent, DemoRequest } from './case-history.ts';
import type { DemoPhoto } from './demo-photos.ts';

/**
 * Bulk writes of the demo history: one `insert … select from unnest(arrays)` per batch and table, as
 * upsertRegions does (the drizzle insert builder costs ~50 µs a row; this is ~50× faster). Instants travel as
 * ISO strings so both engines parse them alike.
 */

type Column<R> = readonly [name: string, type: string, value: (row: R) => unknown];

const iso = (d: Date | null) => (d ? d.toISOString() : null);

const caseColumns: ReadonlyArray<Column<CaseRow>> = [
  ['region_code', 'text', (r) => r.regionCode],
  ['id', 'int8', (r) => r.id],
  ['case_no', 'text', (r) => r.caseNo],
  ['tracking_token_hash', 'text', (r) => r.trackingTokenHash],
  ['catalogue_version', 'text', (r) => r.catalogueVersion],
  ['category_code', 'text', (r) => r.categoryCode],
  ['channel', 'text', (r) => r.channel],
  ['status', 'text', (r) => r.status],
  ['priority', 'text', (r) => r.priority],
  ['location_code', 'text', (r) => r.locationCode],
  ['township_code', 'text', (r) => r.townshipCode],
  ['lng', 'float8', (r) => r.lng],
  ['lat', 'float8', (r) => r.lat],
  ['address', 'text', (r) => r.address],
  ['description', 'text', (r) => r.description],
  ['area_m2', 'numeric', (r) => r.areaM2],
  ['reporter_user_id', 'uuid', (r) => r.reporterUserId],
  ['external_ref', 'text', (r) => r.externalRef],
  ['department', 'text', (r) => r.department],
  ['handler_user_id', 'uuid', (r) => r.handlerUserId],
  ['duplicate_of', 'int8', (r) => r.duplicateOf],
  ['closing_note', 'text', (r) => r.closingNote],
  ['reported_at', 'timestamptz', (r) => iso(r.reportedAt)],
  ['registered_at', 'timestamptz', (r) => iso(r.registeredAt)],
  ['dispatched_at', 'timestamptz', (r) => iso(r.dispatchedAt)],
  ['handled_at', 'timestamptz', (r) => iso(r.handledAt)],
  ['handling_minutes', 'float8', (r) => r.handlingMinutes],
  ['closed_at', 'timestamptz', (r) => iso(r.closedAt)],
  ['updated_at', 'timestamptz', (r) => iso(r.updatedAt)],
  ['clock_stage', 'text', (r) => r.clockStage],
  ['stage_started_at', 'timestamptz', (r) => iso(r.stageStartedAt)],
  ['stage_due_at', 'timestamptz', (r) => iso(r.stageDueAt)],
  ['suspended_at', 'timestamptz', (r) => iso(r.suspendedAt)],
  ['suspended_remaining_minutes', 'int4', (r) => r.suspendedRemainingMinutes],
  ['handle_due_at', 'timestamptz', (r) => iso(r.handleDueAt)],
  ['closed_on_time', 'bool', (r) => r.closedOnTime],
  ['rework_count', 'int2', (r) => r.reworkCount],
  ['escalation_level', 'int2', (r) => r.escalationLevel],
  ['satisfaction', 'int2', (r) => r.satisfaction],
  ['satisfaction_comment', 'text', (r) => r.satisfactionComment],
  ['rated_at', 'timestamptz', (r) => iso(r.ratedAt)],
  ['revision', 'int4', (r) => r.revision],
];

type EventRow = DemoEvent & { caseId: number };
const eventColumns: ReadonlyArray<Column<EventRow>> = [
  ['case_id', 'int8', (e) => e.caseId],
  ['seq', 'int4', (e) => e.seq],
  ['at', 'timestamptz', (e) => iso(e.at)],
  ['action', 'text', (e) => e.action],
  ['actor_kind', 'text', (e) => e.actorKind],
  ['actor_id', 'uuid', (e) => e.actorId],
  ['from_status', 'text', (e) => e.fromStatus],
  ['to_status', 'text', (e) => e.toStatus],
  ['note', 'text', (e) => e.note],
  ['details', 'jsonb', (e) => JSON.stringify(e.details)],
];

type RequestRow = DemoRequest & { caseId: number };
const requestColumns: ReadonlyArray<Column<RequestRow>> = [
  ['id', 'uuid', (r) => r.id],
  ['case_id', 'int8', (r) => r.caseId],
  ['kind', 'text', (r) => r.kind],
  ['reason', 'text', (r) => r.reason],
  ['hours', 'int4', (r) => r.hours],
  ['requested_by', 'uuid', (r) => r.requestedBy],
  ['requested_at', 'timestamptz', (r) => iso(r.requestedAt)],
  ['decision', 'text', (r) => r.decision],
  ['decided_by', 'uuid', (r) => r.decidedBy],
  ['decided_at', 'timestamptz', (r) => iso(r.decidedAt)],
  ['decision_note', 'text', (r) => r.decisionNote],
];

/** `insert into table (region_code?, cols…) select [region,] * from unnest($1::type[], …)`. */
async function insertUnnest<R>(
  db: Db,
  table: string,
  columns: ReadonlyArray<Column<R>>,
  rows: readonly R[],
  regionCode?: string,
): Promise<void> {
  if (rows.length === 0) return;
  // sql.param passes each array as ONE parameter; a bare array would expand into a ($1, $2, …) row.
  const arrays = columns.map(([, type, value]) => sql`${sql.param(rows.map(value))}::${sql.raw(type)}[]`);
  const names = sql.raw([...(regionCode ? ['region_code'] : []), ...columns.map(([name]) => name)].join(', '));
  const region: SQL = regionCode ? sql`${regionCode}::text, ` : sql``;
  await db.execute(
    sql`insert into ${sql.raw(table)} (${names}) select ${region}u.* from unnest(${sql.join(arrays, sql`, `)}) as u`,
  );
}

export async function countyHasCases(db: Db, regionCode: string): Promise<boolean> {
  return (
    (await queryOne(db, sql`select 1 as found from cases_case where region_code = ${regionCode} limit 1`)) !== undefined
  );
}

/**
 * Takes `count` ids from the table's identity sequence in one block, so case numbers (year + id) are known
 * before the rows are written and later reports continue after them. The seed runs alone (at start), so
 * nothing takes ids between the two statements.
 */
export async function reserveCaseIds(db: Db, count: number): Promise<number> {
  const row = await queryOne<{ first: number }>(
    db,
    sql`select nextval(pg_get_serial_sequence('cases_case', 'id')) as first`,
  );
  const first = Number(row?.first);
  if (count > 1)
    await db.execute(sql`select setval(pg_get_serial_sequence('cases_case', 'id'), ${first + count - 1}::int8)`);
  return first;
}

/** Cases of one batch with their timelines and requests. */
export async function insertHistories(db: Db, regionCode: string, batch: readonly CaseHistory[]): Promise<void> {
  await insertUnnest(
    db,
    'cases_case',
    caseColumns,
    batch.map((h) => h.row),
  );
  await insertUnnest(
    db,
    'cases_event',
    eventColumns,
    batch.flatMap((h) => h.events.map((e) => ({ ...e, caseId: h.row.id }))),
    regionCode,
  );
  await insertUnnest(
    db,
    'cases_request',
    requestColumns,
    batch.flatMap((h) => h.requests.map((r) => ({ ...r, caseId: h.row.id }))),
    regionCode,
  );
}

/**
 * The photos, each row pointing at one of the few demo images by index: the image bytes travel once per
 * batch as an array parameter, not once per row.
 */
export async function insertDemoPhotos(
  db: Db,
  regionCode: string,
  photos: readonly DemoPhoto[],
  images: readonly InspectedImage[],
  batchSize = 200,
): Promise<void> {
  const content = sql.param(images.map((i) => i.bytes.toString('base64')));
  const thumbnails = sql.param(images.map((i) => i.thumbnail.bytes.toString('base64')));
  for (let start = 0; start < photos.length; start += batchSize) {
    const batch = photos.slice(start, start + batchSize);
    const col = (value: (p: DemoPhoto) => unknown) => sql.param(batch.map(value));
    const image = (p: DemoPhoto) => images[p.image]!;
    await db.execute(sql`
      insert into cases_photo (region_code, case_id, id, stage, content_type, content, thumbnail, width, height, sha256, exif_lng, exif_lat, taken_at, uploaded_at, uploaded_by, sort_order)
      select ${regionCode}::text, u.case_id, u.id, u.stage, u.content_type,
        decode((${content}::text[])[u.image], 'base64'), decode((${thumbnails}::text[])[u.image], 'base64'),
        u.width, u.height, u.sha256, u.exif_lng, u.exif_lat, u.taken_at, u.uploaded_at, u.uploaded_by, u.sort_order
      from unnest(
        ${col((p) => p.history.row.id)}::int8[], ${col((p) => p.id)}::uuid[], ${col((p) => p.stage)}::text[], ${col((p) => image(p).contentType)}::text[],
        ${col((p) => p.image + 1)}::int4[], ${col((p) => image(p).width)}::int4[], ${col((p) => image(p).height)}::int4[], ${col((p) => image(p).sha256)}::text[],
        ${col((p) => p.exif?.lng ?? null)}::float8[], ${col((p) => p.exif?.lat ?? null)}::float8[], ${col((p) => iso(p.exif?.takenAt ?? null))}::timestamptz[],
        ${col((p) => iso(p.uploadedAt))}::timestamptz[], ${col((p) => p.uploadedBy)}::uuid[], ${col((p) => p.sortOrder)}::int2[]
      ) as u(case_id, id, stage, content_type, image, width, height, sha256, exif_lng, exif_lat, taken_at, uploaded_at, uploaded_by, sort_order)`);
  }
}
