import type { CaseStatus } from '../../../db/schema/cases.ts';
import type { Locale } from '../../../platform/i18n/locale.ts';
import { translate } from '../../../platform/i18n/translate.ts';
import { scrubPersonalNumbers } from '../../../platform/pii/scrub.ts';
import type { CaseRow } from '../cases.store.ts';
import { townshipLabel } from '../case-region.ts';
import { citySdkStatus, extendedStatus, type Open311Status, open311Status } from './status-map.ts';

/** What a page of cases needs besides the rows: names in the caller's language and merged-into case numbers. */
export interface RequestNames {
  serviceName(version: string, code: string): string;
  regionName(code: string): string;
  departmentTitle(key: string): string | null;
  caseNoOf(id: number): string | null;
}

/** A GeoReport v2 service request (GET Service Request(s)), fields in the spec's order. */
export type Open311ServiceRequest = {
  service_request_id: string;
  status: Open311Status;
  status_notes: string | null;
  service_name: string;
  service_code: string;
  description: string;
  agency_responsible: string | null;
  service_notice: null;
  requested_datetime: Date;
  updated_datetime: Date;
  expected_datetime: Date | null;
  address: string;
  address_id: string;
  zipcode: null;
  /** null for a report placed by its address alone (the partner sent no point). */
  lat: number | null;
  long: number | null;
  media_url: null;
  extended_attributes?: {
    channel: string;
    detailed_status: string;
    extended_status: string;
    township: string;
    township_code: string;
    escalation_level: number;
  };
};

/** The columns the presenter reads (a full `CaseRow` fits). */
export type PresentedCase = Pick<
  CaseRow,
  | 'regionCode'
  | 'caseNo'
  | 'status'
  | 'closingNote'
  | 'duplicateOf'
  | 'catalogueVersion'
  | 'categoryCode'
  | 'description'
  | 'department'
  | 'reportedAt'
  | 'updatedAt'
  | 'closedAt'
  | 'stageDueAt'
  | 'handleDueAt'
  | 'suspendedAt'
  | 'address'
  | 'locationCode'
  | 'townshipCode'
  | 'lat'
  | 'lng'
  | 'channel'
  | 'escalationLevel'
>;

/**
 * A case as the public reads it through Open311. GET Service Requests needs no key, so only what may be
 * published leaves: never the reporter (phone, account, partner), never staff notes. Free text typed by
 * reporters — description, address, the rejection reason — may carry a phone or ID number by accident, and is
 * scrubbed (138****5678). `media_url` stays empty: case photos are served to staff and to the reporter only.
 */
export function presentServiceRequest(
  row: PresentedCase,
  names: RequestNames,
  locale: Locale,
  extensions: boolean,
): Open311ServiceRequest {
  const status = open311Status(row.status);
  const request: Open311ServiceRequest = {
    service_request_id: row.caseNo,
    status,
    status_notes: statusNotesOf(row, names, locale),
    service_name: names.serviceName(row.catalogueVersion, row.categoryCode),
    service_code: row.categoryCode,
    description: scrubPersonalNumbers(row.description),
    agency_responsible: row.department === null ? null : names.departmentTitle(row.department),
    service_notice: null,
    requested_datetime: row.reportedAt,
    // spec: "For requests with status=closed, this will be the date the request was closed" (a later rating
    // bumps updated_at, not the closing).
    updated_datetime: status === 'closed' ? (row.closedAt ?? row.updatedAt) : row.updatedAt,
    expected_datetime: expectedDatetimeOf(row),
    address: scrubPersonalNumbers(row.address),
    address_id: row.locationCode,
    zipcode: null,
    lat: row.lat,
    long: row.lng,
    media_url: null,
  };
  if (!extensions) return request;
  return {
    ...request,
    extended_attributes: {
      channel: row.channel,
      detailed_status: citySdkStatus(row.status),
      extended_status: extendedStatus(row.status),
      township: townshipLabel(row.townshipCode, row.regionCode, locale, names.regionName),
      township_code: row.townshipCode,
      escalation_level: row.escalationLevel,
    },
  };
}

/** Why it is closed when the reason is public: 不予立案's reason (shown to reporters too) or the case it joined. */
function statusNotesOf(row: PresentedCase, names: RequestNames, locale: Locale): string | null {
  if (row.status === 'rejected' && row.closingNote) return scrubPersonalNumbers(row.closingNote);
  if (row.status === 'duplicate' && row.duplicateOf !== null) {
    const caseNo = names.caseNoOf(row.duplicateOf);
    return caseNo ? translate(locale, 'open311.status_notes.duplicate', { caseNo }) : null;
  }
  return null;
}

/**
 * The SLA deadline the case is working to: the 处置 deadline (extended by approved 延期) while a department
 * has it, else the running stage's (受理, 派遣, 核查). None once closed, and none while 挂起: the clock is
 * stopped and the new deadline is only known when it restarts.
 */
export function expectedDatetimeOf(
  row: Pick<PresentedCase, 'status' | 'stageDueAt' | 'handleDueAt' | 'suspendedAt'>,
): Date | null {
  if (open311Status(row.status) === 'closed' || row.suspendedAt !== null) return null;
  const atDepartment: readonly CaseStatus[] = ['dispatched', 'handling'];
  if (atDepartment.includes(row.status)) return row.handleDueAt ?? row.stageDueAt;
  return row.stageDueAt;
}
