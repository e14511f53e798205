import type { ResponseOf } from '../../api/types.ts';
import { ApiError, apiDownload, api, type DownloadedFile, readApiError, send, withQuery } from '../api.ts';

/**
 * Spreadsheet imports (server platform/imports). Every kind has the same routes under /api/imports/<kind> behind
 * its own permission, so the answers are typed from one kind's generated paths (they are the same schemas).
 */
export type ImportKindInfo = ResponseOf<'/api/imports/auth.accounts', 'get'>;
export type ImportRun = ResponseOf<'/api/imports/auth.accounts/runs/{id}', 'get'>;
export type ImportRunPage = ResponseOf<'/api/imports/auth.accounts/runs', 'get'>;
export type RowErrorPage = ResponseOf<'/api/imports/auth.accounts/runs/{id}/errors', 'get'>;
export type ImportMode = 'all' | 'valid';

/** Statuses the worker is still working towards: the page polls while the run is in one of them. */
export const busyStatuses: ReadonlySet<ImportRun['status']> = new Set([
  'check_pending',
  'checking',
  'commit_pending',
  'committing',
]);

export const errorPageSize = 10;

const base = (kind: string) => `/api/imports/${kind}`;

export const importsApi = {
  kind: (kind: string, signal?: AbortSignal) => api.get<ImportKindInfo>(base(kind), { signal }),
  latest: (kind: string, signal?: AbortSignal) =>
    api.get<ImportRunPage>(withQuery(`${base(kind)}/runs`, { pageSize: 1 }), { signal }),
  run: (kind: string, id: string, signal?: AbortSignal) => api.get<ImportRun>(`${base(kind)}/runs/${id}`, { signal }),
  errors: (kind: string, id: string, page: number, signal?: AbortSignal) =>
    api.get<RowErrorPage>(withQuery(`${base(kind)}/runs/${id}/errors`, { page, pageSize: errorPageSize }), { signal }),
  commit: (kind: string, id: string, mode: ImportMode) =>
    api.post<ImportRun>(`${base(kind)}/runs/${id}/commit`, { mode }),
  discard: (kind: string, id: string) => api.post<ImportRun>(`${base(kind)}/runs/${id}/discard`, {}),
  template: (kind: string) => apiDownload(`${base(kind)}/template.xlsx`),
  report: (kind: string, id: string) => apiDownload(`${base(kind)}/runs/${id}/errors.xlsx`),
  /** The one download of the initial passwords (a POST: it takes them out of the server). */
  async handouts(kind: string, id: string): Promise<DownloadedFile> {
    const response = await send('POST', `${base(kind)}/runs/${id}/handouts.xlsx`, { json: '{}' }, '*/*');
    return { blob: await response.blob(), filename: `${kind}-passwords.xlsx` };
  },
};

export interface ImportUpload {
  kind: string;
  file: File;
  csrfToken: string | undefined;
  languageTag: string;
  /** 0–1 of the file sent so far. */
  onProgress: (fraction: number) => void;
}

/**
 * Sends the file as the raw body (the server reads its type from its bytes). XMLHttpRequest reports upload
 * progress; without it (tests) fetch sends the same without a moving bar.
 */
export function uploadImport(upload: ImportUpload): Promise<ImportRun> {
  const url = withQuery(`${base(upload.kind)}/runs`, { fileName: upload.file.name });
  const headers: Record<string, string> = {
    'Content-Type': 'application/octet-stream',
    Accept: 'application/json',
    'Accept-Language': upload.languageTag,
    ...(upload.csrfToken ? { 'X-CSRF-Token': upload.csrfToken } : {}),
  };
  if (typeof XMLHttpRequest === 'undefined')
    return fetch(url, { method: 'POST', headers, body: upload.file, credentials: 'same-origin' }).then(async (r) => {
      if (!r.ok) throw await readApiError(r);
      return (await r.json()) as ImportRun;
    });
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    for (const [name, value] of Object.entries(headers)) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) upload.onProgress(event.loaded / event.total);
    };
    xhr.onerror = () => reject(ApiError.network());
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) resolve(JSON.parse(xhr.responseText) as ImportRun);
      else void readApiError(new Response(xhr.responseText, { status: xhr.status })).then(reject);
    };
    xhr.send(upload.file);
  });
}
