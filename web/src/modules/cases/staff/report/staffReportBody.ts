import type { BodyOf } from '../../../../api/types.ts';

export type StaffReportBody = BodyOf<'/api/cases', 'post'>;

/** A point from the phone, with how far off it may be. */
export interface FieldPoint {
  lng: number;
  lat: number;
  accuracyM: number;
}

export interface FieldDraft {
  categoryCode?: string;
  regionCode?: string;
  address?: string;
  description?: string;
  areaM2?: number;
}

export interface HotlineDraft extends FieldDraft {
  ticketNo?: string;
  callerName?: string;
  phone?: string;
  smsConsent?: boolean;
}

const filled = (text: string | undefined) => (text === undefined || text.trim() === '' ? undefined : text.trim());

/** Leaves out what is empty, so the server's field checks speak only of what was said. */
function withoutEmpty<T extends Record<string, unknown>>(body: T): T {
  return Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined)) as T;
}

/** An inspector's (or any reporter's) report from the field: the channel is the server's to decide. */
export function fieldReportBody(
  draft: FieldDraft,
  point: FieldPoint | undefined,
  uploadIds: string[],
): StaffReportBody {
  return withoutEmpty({
    categoryCode: draft.categoryCode ?? '',
    regionCode: draft.regionCode ?? '',
    lng: point?.lng,
    lat: point?.lat,
    address: filled(draft.address),
    description: filled(draft.description),
    areaM2: draft.areaM2,
    photos: uploadIds.map((uploadId) => ({ uploadId })),
  });
}

/** A 12345 call taken in by the dispatcher: no point, photos optional, the caller's fields when given. */
export function hotlineIntakeBody(draft: HotlineDraft, uploadIds: string[]): StaffReportBody {
  const phone = filled(draft.phone);
  return withoutEmpty({
    channel: 'hotline' as const,
    categoryCode: draft.categoryCode ?? '',
    regionCode: draft.regionCode ?? '',
    address: filled(draft.address),
    description: filled(draft.description),
    areaM2: draft.areaM2,
    photos: uploadIds.map((uploadId) => ({ uploadId })),
    ticketNo: filled(draft.ticketNo),
    callerName: filled(draft.callerName),
    phone,
    smsConsent: phone !== undefined && draft.smsConsent === true ? true : undefined,
  });
}

/** A case number in a server message (the 409 of a ticket already taken in names the first case). */
export function caseNoIn(message: string | undefined): string | undefined {
  return message ? /\b\d{4}-\d{8,12}\b/.exec(message)?.[0] : undefined;
}
