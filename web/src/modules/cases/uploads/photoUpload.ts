import { ApiError, readApiError } from '../../../app/api.ts';

/** The server's answer to one photo upload (server: cases/photo-uploads, PhotoUploadedSchema). */
export interface UploadedPhoto {
  uploadId: string;
  width: number;
  height: number;
  takenAt: string | null;
  /** EXIF GPS the server read before stripping it: a place to suggest when the phone gives none. */
  location: { lng: number; lat: number } | null;
  expiresAt: string;
}

export const photoUploadUrls = {
  staff: '/api/cases/photo-uploads',
  citizen: '/api/public/cases/photo-uploads',
} as const;

export interface PhotoUploadRequest {
  url: string;
  photo: Blob;
  idempotencyKey: string;
  languageTag: string;
  csrfToken?: string | undefined;
  /** The citizen page's device id (citizen/deviceId.ts): its hourly budget and its own idempotency keys. */
  deviceId?: string;
  /** The citizen page sends no cookie where it can choose (fetch); XMLHttpRequest always sends it same-origin. */
  credentials?: RequestCredentials;
  /** 0–1 of the photo sent so far. */
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
  timeoutMs?: number;
}

/** One photo on a weak signal: generous, but a dead connection still ends as a retryable failure. */
const uploadTimeoutMs = 120_000;

/**
 * Sends one photo as the raw request body. XMLHttpRequest is the one browser API that reports upload progress;
 * without it (tests, odd browsers) fetch does the same without a moving bar. Failures are ApiErrors either way:
 * status 0 when no answer came (retry with the same key: the server stores the photo once).
 */
export function sendPhotoUpload(request: PhotoUploadRequest): Promise<UploadedPhoto> {
  if (typeof XMLHttpRequest === 'undefined') return sendWithFetch(request);
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', request.url);
    xhr.timeout = request.timeoutMs ?? uploadTimeoutMs;
    for (const [name, value] of Object.entries(headersOf(request))) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) request.onProgress?.(event.loaded / event.total);
    };
    const lost = () => reject(ApiError.network());
    xhr.onerror = lost;
    xhr.ontimeout = lost;
    xhr.onabort = () => reject(new DOMException('aborted', 'AbortError'));
    request.signal?.addEventListener('abort', () => xhr.abort());
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        try {
          resolve(JSON.parse(xhr.responseText) as UploadedPhoto);
        } catch {
          reject(new ApiError(xhr.status, `http_${xhr.status}`, ''));
        }
        return;
      }
      void readApiError(new Response(xhr.responseText, { status: xhr.status })).then(reject);
    };
    xhr.send(request.photo);
  });
}

function headersOf(request: PhotoUploadRequest): Record<string, string> {
  const headers: Record<string, string> = {
    'Content-Type': request.photo.type === '' ? 'application/octet-stream' : request.photo.type,
    Accept: 'application/json',
    'Accept-Language': request.languageTag,
    'Idempotency-Key': request.idempotencyKey,
  };
  if (request.csrfToken) headers['X-CSRF-Token'] = request.csrfToken;
  if (request.deviceId) headers['X-Device-Id'] = request.deviceId;
  return headers;
}

async function sendWithFetch(request: PhotoUploadRequest): Promise<UploadedPhoto> {
  let response: Response;
  try {
    response = await fetch(request.url, {
      method: 'POST',
      headers: headersOf(request),
      body: request.photo,
      credentials: request.credentials ?? 'same-origin',
      signal: request.signal,
    });
  } catch (cause) {
    if (request.signal?.aborted) throw cause;
    throw ApiError.network();
  }
  if (!response.ok) throw await readApiError(response);
  request.onProgress?.(1);
  return (await response.json()) as UploadedPhoto;
}
