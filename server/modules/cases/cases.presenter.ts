import { decryptColumnValue } from '../../platform/pii/column-crypto.ts';
import { maskName, maskPhone } from '../../platform/pii/mask.ts';
import type { Ctx } from '../../platform/context.ts';
import type { CaseLookups } from './case-lookups.ts';
import type { CaseRequestRow } from './case-requests.store.ts';
import { actionsOpenTo } from './cases.policy.ts';
import type { CaseDetailDto, CaseListItemDto } from './cases.schema.ts';
import type { PhotoMeta } from './case-photos.store.ts';
import type { CaseEventRow, CaseRow } from './cases.store.ts';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** Clock state as of `now`: overdue only while it runs (a suspended clock is never overdue). */
export function presentClock(row: Pick<CaseRow, 'clockStage' | 'stageDueAt' | 'suspendedAt'>, now: Date) {
  return {
    stage: row.clockStage,
    dueAt: iso(row.stageDueAt),
    overdue: row.stageDueAt !== null && row.suspendedAt === null && row.stageDueAt < now,
    suspended: row.suspendedAt !== null,
  };
}

export function presentListItem(row: CaseRow, lookups: CaseLookups, now: Date): CaseListItemDto {
  return {
    caseNo: row.caseNo,
    status: row.status,
    categoryCode: row.categoryCode,
    categoryName: lookups.categoryName(row.catalogueVersion, row.categoryCode),
    channel: row.channel,
    priority: row.priority,
    regionCode: row.locationCode,
    townshipCode: row.townshipCode,
    townshipName: lookups.townshipName(row.townshipCode),
    address: row.address,
    lng: row.lng,
    lat: row.lat,
    department: row.department,
    reportedAt: row.reportedAt.toISOString(),
    closedAt: iso(row.closedAt),
    clock: presentClock(row, now),
    reworkCount: row.reworkCount,
    escalationLevel: row.escalationLevel,
  };
}

export interface DetailParts {
  row: CaseRow;
  events: CaseEventRow[];
  photos: PhotoMeta[];
  pending: CaseRequestRow | undefined;
  duplicateOfNo: string | null;
  duplicateNos: string[];
  suggestedDepartment: string | null;
  /** The county's policy value `requestExtension` checks (case-requests.ts). */
  maxExtensionHours: number;
}

function reporterOf(ctx: Ctx, row: CaseRow): CaseDetailDto['reporter'] {
  const phone = row.reporterPhoneEnc
    ? maskPhone(decryptColumnValue(ctx.keyring, 'cases_case', 'reporter_phone_enc', row.reporterPhoneEnc))
    : null;
  // Imported history and hotline transcriptions may name no staff account; only the citizen channel means a resident.
  const kind = row.reporterApiKeyId ? 'partner' : row.reporterUserId || row.channel !== 'citizen' ? 'staff' : 'citizen';
  const name = row.reporterNameEnc
    ? maskName(decryptColumnValue(ctx.keyring, 'cases_case', 'reporter_name_enc', row.reporterNameEnc))
    : null;
  return { kind, phone, smsConsent: row.smsConsent, name, ticketNo: row.hotlineTicketNo };
}

export function presentDetail(ctx: Ctx, parts: DetailParts, lookups: CaseLookups): CaseDetailDto {
  const { row } = parts;
  return {
    ...presentListItem(row, lookups, ctx.clock()),
    description: row.description,
    areaM2: row.areaM2,
    gridCode: row.gridCode,
    reporter: reporterOf(ctx, row),
    registeredAt: iso(row.registeredAt),
    dispatchedAt: iso(row.dispatchedAt),
    handledAt: iso(row.handledAt),
    handleDueAt: iso(row.handleDueAt),
    closedOnTime: row.closedOnTime,
    duplicateOf: parts.duplicateOfNo,
    duplicates: parts.duplicateNos,
    suggestedDepartment: parts.suggestedDepartment,
    satisfaction: row.satisfaction,
    satisfactionComment: row.satisfactionComment,
    closingNote: row.closingNote,
    revision: row.revision,
    limits: { maxExtensionHours: parts.maxExtensionHours },
    ...actionsOf(ctx, parts),
    pendingRequest: presentPending(parts.pending),
    photos: parts.photos.map((p) => presentPhoto(p, `/api/cases/${row.caseNo}/photos`)),
    events: parts.events.map((e) => ({
      seq: e.seq,
      at: e.at.toISOString(),
      action: e.action,
      actor: actorLabel(e, lookups, ctx.locale),
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      note: e.note,
      details: e.details,
    })),
  };
}

function presentPending(pending: DetailParts['pending']): CaseDetailDto['pendingRequest'] {
  if (!pending) return null;
  const { id, kind, reason, hours } = pending;
  return { id, kind, reason, hours, requestedAt: pending.requestedAt.toISOString() };
}

/** A photo's facts and where to fetch it and its thumbnail (under the case, so the read checks the case's scope). */
function presentPhoto(p: PhotoMeta, base: string): CaseDetailDto['photos'][number] {
  return {
    id: p.id,
    stage: p.stage,
    width: p.width,
    height: p.height,
    url: `${base}/${p.id}`,
    thumbnailUrl: `${base}/${p.id}?variant=thumbnail`,
    takenAt: iso(p.takenAt),
  };
}

function actionsOf(ctx: Ctx, parts: DetailParts): Pick<CaseDetailDto, 'actions' | 'withheldActions'> {
  if (!ctx.actor) return { actions: [], withheldActions: [] };
  const { actions, withheld } = actionsOpenTo(ctx.actor, parts.row, parts.pending);
  return { actions, withheldActions: withheld };
}

function actorLabel(e: CaseEventRow, lookups: CaseLookups, locale: string): string {
  if (e.actorKind === 'user') return lookups.userName(e.actorId) ?? (locale === 'en' ? 'Staff' : '工作人员');
  if (e.actorKind === 'api_key') return locale === 'en' ? 'Partner system' : '对接系统';
  if (e.actorKind === 'system') return locale === 'en' ? 'System' : '系统';
  return locale === 'en' ? 'Reporter' : '举报人';
}
