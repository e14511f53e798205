import type { FormInstance } from 'antd';
import { type Language, languageTag } from './i18n/language.ts';

/**
 * An API failure in the server's one error shape `{ error: { code, message, fields } }`.
 * `message` is already in the user's language when the server wrote it; it is empty when the failure never
 * reached our server (network down, a proxy's HTML page), so the UI falls back to its own text.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: Readonly<Record<string, string>> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** status 0: the request never got an HTTP answer. */
  static network(): ApiError {
    return new ApiError(0, 'network', '');
  }
}

let requestLanguage: Language = 'zh';

/** Called by the i18n provider so every request asks for messages in the UI's language. */
export function setRequestLanguage(language: Language): void {
  requestLanguage = language;
}

/**
 * The session's anti-forgery token (from the login answer or `/api/auth/me`). Kept in memory only: a script
 * injected into another tab cannot read it from storage, and a reload fetches it again with the session check.
 */
let csrfToken: string | undefined;

export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

/** GET and HEAD change nothing, so the server does not ask them for the token. */
const safeMethods = new Set(['GET', 'HEAD']);

type UnauthorizedListener = () => void;
const unauthorizedListeners = new Set<UnauthorizedListener>();

/** The session provider listens here, so an expired session anywhere sends the user back to sign in. */
export function onUnauthorized(listener: UnauthorizedListener): () => void {
  unauthorizedListeners.add(listener);
  return () => unauthorizedListeners.delete(listener);
}

export interface RequestOptions {
  body?: unknown;
  signal?: AbortSignal;
  /** The caller handles 401 itself (the session check, the login form): don't broadcast it. */
  expectUnauthorized?: boolean;
}

function requestHeaders(method: string, hasBody: boolean, accept: string): Record<string, string> {
  const headers: Record<string, string> = { Accept: accept, 'Accept-Language': languageTag(requestLanguage) };
  if (hasBody) headers['Content-Type'] = 'application/json';
  if (csrfToken && !safeMethods.has(method)) headers['X-CSRF-Token'] = csrfToken;
  return headers;
}

/** What goes on the wire: the body already serialized (JSON text), so the typed client can hand over its own. */
export interface WireRequest extends Omit<RequestOptions, 'body'> {
  json?: string;
  /** A write from the field names its attempt (`Idempotency-Key`), so a retry after a lost answer is stored once. */
  idempotencyKey?: string;
}

/** Sends the request; a non-2xx answer becomes an ApiError (and a 401 tells the session provider). */
export async function send(method: string, path: string, options: WireRequest, accept: string): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers: {
        ...requestHeaders(method, options.json !== undefined, accept),
        ...(options.idempotencyKey ? { 'Idempotency-Key': options.idempotencyKey } : {}),
      },
      credentials: 'same-origin',
      body: options.json,
      signal: options.signal,
    });
  } catch (cause) {
    if (options.signal?.aborted) throw cause;
    throw ApiError.network();
  }
  if (!response.ok) {
    const error = await readApiError(response);
    if (error.status === 401 && !options.expectUnauthorized) for (const listener of unauthorizedListeners) listener();
    throw error;
  }
  return response;
}

export async function apiRequest<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const { body, ...rest } = options;
  const json = body === undefined ? undefined : JSON.stringify(body);
  const response = await send(method, path, { ...rest, json }, 'application/json');
  return (await readJson(response)) as T;
}

export interface DownloadedFile {
  blob: Blob;
  /** From the server's Content-Disposition, when it names one. */
  filename: string | undefined;
}

/** A GET that answers a file (an export): the body as a Blob, errors in the usual shape. */
export async function apiDownload(path: string, options: Omit<RequestOptions, 'body'> = {}): Promise<DownloadedFile> {
  const response = await send('GET', path, options, '*/*');
  return { blob: await response.blob(), filename: filenameOf(response.headers.get('Content-Disposition')) };
}

function filenameOf(disposition: string | null): string | undefined {
  return disposition ? /filename="?([^";]+)"?/i.exec(disposition)?.[1] : undefined;
}

type BodyOptions = Omit<RequestOptions, 'body'>;

export const api = {
  get: <T>(path: string, options?: BodyOptions) => apiRequest<T>('GET', path, options),
  post: <T>(path: string, body?: unknown, options?: BodyOptions) => apiRequest<T>('POST', path, { ...options, body }),
  put: <T>(path: string, body?: unknown, options?: BodyOptions) => apiRequest<T>('PUT', path, { ...options, body }),
  patch: <T>(path: string, body?: unknown, options?: BodyOptions) => apiRequest<T>('PATCH', path, { ...options, body }),
  delete: <T>(path: string, options?: BodyOptions) => apiRequest<T>('DELETE', path, options),
};

export type QueryValue = string | number | boolean | undefined | null;

/** `path?a=1&b=x`, leaving out empty values so the server's "unknown or empty field" checks stay quiet. */
export function withQuery(path: string, query: Readonly<Record<string, QueryValue>>): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(name, String(value));
  }
  const text = params.toString();
  return text === '' ? path : `${path}?${text}`;
}

async function readJson(response: Response): Promise<unknown> {
  if (response.status === 204) return undefined;
  const text = await response.text();
  return text === '' ? undefined : JSON.parse(text);
}

/** Reads the error shape; anything else (an HTML error page, an empty body) keeps only the status. */
export async function readApiError(response: Response): Promise<ApiError> {
  let body: unknown;
  try {
    body = await readJson(response);
  } catch {
    body = undefined;
  }
  const error = isRecord(body) && isRecord(body.error) ? body.error : undefined;
  if (!error) return new ApiError(response.status, `http_${response.status}`, '');
  const code = typeof error.code === 'string' ? error.code : `http_${response.status}`;
  const message = typeof error.message === 'string' ? error.message : '';
  return new ApiError(response.status, code, message, stringFields(error.fields));
}

function stringFields(value: unknown): Record<string, string> {
  if (!isRecord(value)) return {};
  return Object.fromEntries(
    Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Shows the server's per-field messages under the matching antd form items. Field names may be dotted
 * (`address.street`, `items.0.name`) or JSON pointers (`/items/0/name`); both become antd name paths.
 * Returns whether any field error was shown, so the caller can decide whether a summary is still needed.
 */
export function applyFieldErrors(form: Pick<FormInstance, 'setFields'>, error: unknown): boolean {
  if (!(error instanceof ApiError)) return false;
  const entries = Object.entries(error.fields);
  if (entries.length === 0) return false;
  form.setFields(entries.map(([name, message]) => ({ name: toNamePath(name), errors: [message] })));
  return true;
}

function toNamePath(field: string): (string | number)[] {
  return field
    .split(/[./]/)
    .filter((part) => part !== '')
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}
