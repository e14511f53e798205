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

export async function apiRequest<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': languageTag(requestLanguage) };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
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
  return (await readJson(response)) as T;
}

export const api = {
  get: <T>(path: string, options?: Omit<RequestOptions, 'body'>) => apiRequest<T>('GET', path, options),
  post: <T>(path: string, body?: unknown, options?: Omit<RequestOptions, 'body'>) =>
    apiRequest<T>('POST', path, { ...options, body }),
};

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
  return Object.fromEntries(Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
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
