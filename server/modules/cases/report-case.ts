import { createHash, randomBytes } from 'node:crypto';
import type { CaseChannel, CaseStatus } from '../../db/schema/cases.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { shanghaiYearOf } from '../../platform/calendar/shanghai-time.ts';
import type { Ctx } from '../../platform/context.ts';
import { emitEvent } from '../../platform/delivery/outbox.ts';
import type { InspectedImage } from '../../platform/files/image.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { blindIndexOf, encryptColumnValue } from '../../platform/pii/column-crypto.ts';
import { validateMobile } from '../../platform/validation/mobile.ts';
import {
  type CheckedPhotos,
  checkPhotos,
  inlinePhotos,
  type PhotoInput,
  storePhotos,
  type UploadOwner,
  uploadOwnerOf,
} from './case-photos.ts';
import { assertRegionInScope, checkRegion } from './case-region.ts';
import { CaseScope } from './case-scope.ts';
import { type CategoryFacts, loadCategory, loadPolicy, loadWorkTime } from './case-setup.ts';
import { appendFirstCaseEvent, insertNewCase, type NewCaseFields } from './cases.store.ts';
import { findNearbyOpenCases } from './duplicates.ts';
import { insideCounty } from './geo.ts';
import { stageDueAt } from './sla.ts';
import { initialStatusFor } from './verify-report-setting.ts';

export interface ReportInput {
  categoryCode: string;
  /** WGS84, both or neither: only a partner's report placed by its address alone has none (GeoReport v2). */
  lng?: number;
  lat?: number;
  address: string;
  /** The township or village; absent only in a partner's report (see `placeReport`). */
  regionCode?: string;
  gridCode?: string;
  description: string;
  areaM2?: number;
  photos: readonly PhotoInput[];
  channel: CaseChannel;
  priority?: 'normal' | 'urgent';
  phone?: string;
  /** The reporter agreed to SMS progress notices (needs `phone`); only the public form asks (cases.sms.ts). */
  smsConsent?: boolean;
  externalRef?: string;
  /** 热线受理: the caller's name as they gave it (sealed), and the 12345 工单号, normalised (hotline-intake.ts). */
  callerName?: string;
  ticketNo?: string;
}

type Point = { lng: number; lat: number };

/** What a report needs checked before a transaction opens: nothing is written when any of it fails. */
export interface CheckedReport {
  input: ReportInput;
  category: CategoryFacts;
  /** The data-scope key: the village, else the township, else the county (township to be assigned). */
  locationCode: string;
  /** The township, or the county code while the township is to be assigned (`isTownshipToAssign`). */
  townshipCode: string;
  point: Point | null;
  phone: string | null;
  photos: CheckedPhotos;
}

/**
 * `uploadOwner` says whose staged uploads the photos may name: the public form's (citizen, by secret) or the
 * signed-in reporter's (the default when there is an actor). `prechecked` photos skip the photo check.
 */
export async function checkReport(
  ctx: Ctx,
  input: ReportInput,
  prechecked?: InspectedImage[],
  uploadOwner: UploadOwner = uploadOwnerOf(ctx),
): Promise<CheckedReport> {
  const category = await loadCategory(ctx, input.categoryCode);
  if (category.measureUnit === 'm2' && input.areaM2 === undefined)
    throw AppError.field('areaM2', 'cases.area_required');
  if (category.measureUnit !== 'm2' && input.areaM2 !== undefined)
    throw AppError.field('areaM2', 'cases.area_not_applicable');
  const policy = await loadPolicy(ctx);
  const point = pointOf(input);
  if (point && !insideCounty(point, policy.bounds))
    throw AppError.validation({ lng: { key: 'cases.outside_county' }, lat: { key: 'cases.outside_county' } });
  const place = await placeReport(ctx, input.regionCode);
  const phone = input.phone === undefined || input.phone.trim() === '' ? null : validPhone(input.phone);
  if (input.smsConsent === true && phone === null) throw AppError.field('smsConsent', 'cases.sms_consent_needs_phone');
  const photos = prechecked ? inlinePhotos(prechecked) : await checkPhotos(input.photos, { owner: uploadOwner });
  return { input, category, ...place, point, phone, photos };
}

function pointOf(input: Pick<ReportInput, 'lng' | 'lat'>): Point | null {
  if (input.lng === undefined && input.lat === undefined) return null;
  if (input.lng === undefined || input.lat === undefined)
    throw AppError.field(input.lng === undefined ? 'lng' : 'lat', 'field.required');
  return { lng: input.lng, lat: input.lat };
}

/**
 * Where the case belongs. A named township or village is checked; a partner's key reports only inside its own
 * area (issue #9, item 8). Without one — a GeoReport v2 client sends only a location, and we hold no township
 * boundaries to find it from the point — a key scoped to one township or village files the case there, and
 * any other report waits in the county intake queue, township to be assigned, until the dispatcher sets it
 * when registering the case (`registerCase`).
 */
async function placeReport(
  ctx: Ctx,
  regionCode: string | undefined,
): Promise<{ locationCode: string; townshipCode: string }> {
  const partner = ctx.actor?.kind === 'api_key' ? ctx.actor : null;
  const code = regionCode ?? (partner && partner.scopeRegion !== ctx.countyCode ? partner.scopeRegion : undefined);
  if (code === undefined) return { locationCode: ctx.countyCode, townshipCode: ctx.countyCode };
  const townshipCode = await checkRegion(ctx, code);
  if (partner) await assertRegionInScope(ctx, code, 'cases.region_outside_key_scope');
  return { locationCode: code, townshipCode };
}

function validPhone(raw: string): string {
  const result = validateMobile(raw);
  if (!result.ok) throw AppError.field('phone', 'cases.phone_invalid');
  return result.value;
}

export interface ReportOutcome {
  caseNo: string;
  trackingToken: string;
  /** 待受理, or 待核实 when the county verifies this channel's reports on site first (verify-report-setting.ts). */
  status: 'reported' | 'verifying';
  duplicates: Array<{ caseNo: string; distanceM: number; status: CaseStatus }>;
}

export function trackingTokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** The ids a new case is written under: its row id, its number and the reporter's tracking code. */
interface NewCaseIds {
  id: number;
  caseNo: string;
  trackingToken: string;
  now: Date;
}

/** Stores a checked report: the case row, its photos, the first timeline entry, the audit row and the outbox event. */
export async function storeReport(t: Ctx, checked: CheckedReport): Promise<ReportOutcome> {
  const now = t.clock();
  const [policy, work] = [await loadPolicy(t), await loadWorkTime(t)];
  const trackingToken = randomBytes(12).toString('base64url');
  const start = await initialStatusFor(t, checked);
  const dueAt = stageDueAt(now, start.clockStage, checked.category.limits, policy, work);
  const created = await insertNewCase(t.db, {
    ...reportedCaseRow(t, checked, { trackingToken, now }, dueAt),
    ...start,
    caseNoPrefix: `${shanghaiYearOf(now)}-`,
  });
  const ids: NewCaseIds = { ...created, trackingToken, now };
  const id = ids.id;
  await storePhotos(t, id, 'report', checked.photos);
  await recordReported(t, checked, ids, start.status);
  const nearby =
    checked.point === null
      ? []
      : await findNearbyOpenCases(t.db, t.countyCode, CaseScope.countyWide('public-duplicate-check'), {
          categoryCode: checked.category.code,
          ...checked.point,
          radiusM: policy.duplicateRadiusM,
          excludeId: id,
          limit: 5,
        });
  return {
    caseNo: ids.caseNo,
    trackingToken: ids.trackingToken,
    status: start.status,
    duplicates: nearby.map((n) => ({ caseNo: n.caseNo, distanceM: n.distanceM, status: n.status })),
  };
}

/** The new case row: reported now, on the register clock; the reporter's phone sealed and blind-indexed. */
function reportedCaseRow(
  t: Ctx,
  checked: CheckedReport,
  ids: Pick<NewCaseIds, 'trackingToken' | 'now'>,
  dueAt: Date | null,
): Omit<NewCaseFields, 'caseNoPrefix'> {
  const { input, category, phone } = checked;
  const actor = t.actor;
  return {
    regionCode: t.countyCode,
    trackingTokenHash: trackingTokenHash(ids.trackingToken),
    catalogueVersion: category.version,
    categoryCode: category.code,
    channel: input.channel,
    status: 'reported',
    priority: input.priority ?? 'normal',
    locationCode: checked.locationCode,
    townshipCode: checked.townshipCode,
    gridCode: input.gridCode ?? null,
    lng: checked.point?.lng ?? null,
    lat: checked.point?.lat ?? null,
    address: input.address.trim(),
    description: input.description.trim(),
    areaM2: input.areaM2 ?? null,
    reporterUserId: actor?.kind === 'user' ? actor.id : null,
    reporterApiKeyId: actor?.kind === 'api_key' ? actor.id : null,
    reporterPhoneEnc: phone ? encryptColumnValue(t.keyring, 'cases_case', 'reporter_phone_enc', phone) : null,
    reporterPhoneHmac: phone ? blindIndexOf(t.keyring, 'cases_case', 'reporter_phone_enc', phone) : null,
    smsConsent: phone !== null && input.smsConsent === true,
    externalRef: input.externalRef ?? null,
    hotlineTicketNo: input.ticketNo ?? null,
    reporterNameEnc: input.callerName
      ? encryptColumnValue(t.keyring, 'cases_case', 'reporter_name_enc', input.callerName)
      : null,
    reportedAt: ids.now,
    updatedAt: ids.now,
    clockStage: 'register',
    stageStartedAt: ids.now,
    stageDueAt: dueAt,
  };
}

/** The report's first timeline entry, its audit row and its outbox event, in the report's transaction. */
async function recordReported(
  t: Ctx,
  checked: CheckedReport,
  ids: NewCaseIds,
  toStatus: CaseStatus = 'reported',
): Promise<void> {
  const { input, category } = checked;
  await appendFirstCaseEvent(t, ids.id, {
    action: 'report',
    at: ids.now,
    actorKind: t.actor ? t.actor.kind : 'reporter',
    actorId: t.actor?.id ?? null,
    fromStatus: null,
    toStatus,
    details: { channel: input.channel, photos: checked.photos.count },
  });
  await recordAudit(t, {
    eventType: 'cases.report',
    action: 'create',
    objectType: 'case',
    objectId: ids.caseNo,
    details: {
      category: category.code,
      channel: input.channel,
      township: checked.townshipCode,
      ...(input.ticketNo ? { ticketNo: input.ticketNo } : {}),
    },
  });
  await emitEvent(t, {
    topic: 'case.reported',
    objectType: 'case',
    objectId: ids.caseNo,
    payload: { category: category.code, township: checked.townshipCode, channel: input.channel },
  });
}
