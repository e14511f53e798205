import type { BodyOf, ItemOf, ResponseOf } from '../../../api/types.ts';
import { ApiError, readApiError, withQuery } from '../../../app/api.ts';
import { languageTag, readStoredLanguage } from '../../../app/i18n/language.ts';
import { photoUploadUrls, sendPhotoUpload, type UploadedPhoto } from '../uploads/photoUpload.ts';
import { citizenDeviceId } from './deviceId.ts';

/**
 * The citizen's side of the case API (server: modules/cases/public.routes.ts). The shapes are the server's own,
 * generated from its route schemas (`npm run gen:api`); this file names them and sends the requests.
 */

export type PublicForm = ResponseOf<'/api/public/cases/form', 'get'>;
/** In plain words ("路边有垃圾没清理"), not the standard's title; 私搭乱建 and the like are measured in m². */
export type FormCategory = ItemOf<PublicForm['categories']>;
export type FormTownship = ItemOf<PublicForm['townships']>;
export type CountyBounds = PublicForm['bounds'];
export type NearbyCase = ItemOf<ResponseOf<'/api/public/cases/nearby', 'get'>['items']>;
export type ReportBody = BodyOf<'/api/public/cases', 'post'>;
/** `trackingToken` is shown once: with the case number it opens the tracking page. */
export type Reported = ResponseOf<'/api/public/cases', 'post'>;
/** `followsCaseNo`: merged into another case, whose progress is this report's progress. */
export type Tracking = ResponseOf<'/api/public/cases/{caseNo}', 'get'>;
export type TrackingStep = ItemOf<Tracking['steps']>;
export type RatingInput = BodyOf<'/api/public/cases/{caseNo}/rating', 'post'>;
export type CaseStatus = Tracking['status'];

/** A report of nine phone photos over a weak signal can take a while; after this it counts as a lost connection. */
const reportTimeoutMs = 120_000;
const readTimeoutMs = 30_000;

interface PublicRequest {
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  timeoutMs?: number;
}

/**
 * The public routes are anonymous on purpose: no cookie goes with them (`credentials: 'omit'`), so a staff
 * member's session in the same browser neither signs the report nor trips the session's CSRF check.
 * A timeout becomes a network failure (status 0), which the report page offers to retry with the same key.
 */
async function send(method: string, path: string, request: PublicRequest): Promise<Response> {
  // One controller for both the caller's cancel and the timeout (AbortSignal.any is too new for older phones).
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), request.timeoutMs ?? readTimeoutMs);
  const cancel = () => controller.abort();
  request.signal?.addEventListener('abort', cancel);
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Language': languageTag(readStoredLanguage()),
    ...request.headers,
  };
  if (request.body !== undefined) headers['Content-Type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'omit',
      signal: controller.signal,
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
    });
  } catch (cause) {
    if (request.signal?.aborted) throw cause;
    throw ApiError.network();
  } finally {
    clearTimeout(timer);
    request.signal?.removeEventListener('abort', cancel);
  }
  if (!response.ok) throw await readApiError(response);
  return response;
}

async function json<T>(method: string, path: string, request: PublicRequest = {}): Promise<T> {
  return (await (await send(method, path, request)).json()) as T;
}

const casePath = (caseNo: string) => `/api/public/cases/${encodeURIComponent(caseNo)}`;
const tokenHeader = (token: string) => ({ 'x-case-token': token });

export const citizenApi = {
  form: (signal?: AbortSignal) => json<PublicForm>('GET', '/api/public/cases/form', { signal }),

  nearby: (query: { categoryCode: string; lng: number; lat: number }, signal?: AbortSignal) =>
    json<{ radiusM: number; items: NearbyCase[] }>('GET', withQuery('/api/public/cases/nearby', query), { signal }),

  /** `idempotencyKey` stays the same for every retry of one submission, so the server stores it once. */
  report: (body: ReportBody, idempotencyKey: string) =>
    json<Reported>('POST', '/api/public/cases', {
      body,
      headers: { 'Idempotency-Key': idempotencyKey, 'X-Device-Id': citizenDeviceId() },
      timeoutMs: reportTimeoutMs,
    }),

  /**
   * One photo, as soon as it is picked. Its id carries the upload's secret: nobody else can use it. The staff
   * session of the same browser goes along (XMLHttpRequest sends it) but the server ignores it here.
   */
  uploadPhoto: (
    photo: Blob,
    idempotencyKey: string,
    onProgress: (fraction: number) => void,
    signal: AbortSignal,
  ): Promise<UploadedPhoto> =>
    sendPhotoUpload({
      url: photoUploadUrls.citizen,
      photo,
      idempotencyKey,
      onProgress,
      signal,
      credentials: 'omit',
      deviceId: citizenDeviceId(),
      languageTag: languageTag(readStoredLanguage()),
    }),

  track: (caseNo: string, token: string, signal?: AbortSignal) =>
    json<Tracking>('GET', casePath(caseNo), { headers: tokenHeader(token), signal }),

  rate: (caseNo: string, token: string, rating: RatingInput) =>
    json<Tracking>('POST', `${casePath(caseNo)}/rating`, { body: rating, headers: tokenHeader(token) }),

  /** Withdraws the consent to SMS notices (the public-write budget counts it, like a report). */
  stopSms: (caseNo: string, token: string) =>
    json<Tracking>('DELETE', `${casePath(caseNo)}/sms-consent`, {
      headers: { ...tokenHeader(token), 'X-Device-Id': citizenDeviceId() },
    }),

  /** A result photo: the token goes in a header, so an `<img src>` cannot fetch it; the page shows a Blob. */
  photo: async (caseNo: string, token: string, photoId: string, signal?: AbortSignal): Promise<Blob> => {
    const response = await send('GET', `${casePath(caseNo)}/photos/${encodeURIComponent(photoId)}`, {
      headers: tokenHeader(token),
      signal,
    });
    return response.blob();
  },
};
