import { ApiError, readApiError } from '../../../../app/api.ts';
import { type ActionPath, type CaseDetail, casesApi } from '../../casesApi.ts';

export interface UploadContext {
  csrfToken: string | undefined;
  languageTag: string;
  /** 0–1 of the request body sent so far. */
  onProgress: (fraction: number) => void;
}

/**
 * Posts an action. Without photos it goes through the app's API client; with photos through XMLHttpRequest,
 * the one browser API that reports upload progress (a 10 MB body on a field connection takes a while, and a
 * bar that moves keeps people from pressing again). Errors come back as the same ApiError either way.
 */
export function sendAction(caseNo: string, path: ActionPath, body: Record<string, unknown>, upload?: UploadContext): Promise<CaseDetail> {
  if (!upload || typeof XMLHttpRequest === 'undefined') return casesApi.act(caseNo, path, body);
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', casesApi.actionUrl(caseNo, path));
    xhr.withCredentials = true;
    xhr.setRequestHeader('Content-Type', 'application/json');
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('Accept-Language', upload.languageTag);
    if (upload.csrfToken) xhr.setRequestHeader('X-CSRF-Token', upload.csrfToken);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) upload.onProgress(event.loaded / event.total);
    };
    xhr.onerror = () => reject(ApiError.network());
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        try {
          resolve(JSON.parse(xhr.responseText) as CaseDetail);
        } catch {
          reject(new ApiError(xhr.status, `http_${xhr.status}`, ''));
        }
        return;
      }
      // An expired session: read the case through the API client, which tells the session provider.
      if (xhr.status === 401) void casesApi.detail(caseNo).catch(() => undefined);
      void readApiError(new Response(xhr.responseText, { status: xhr.status })).then(reject);
    };
    xhr.send(JSON.stringify(body));
  });
}
