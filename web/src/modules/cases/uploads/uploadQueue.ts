import { ApiError } from '../../../app/api.ts';
import type { UploadedPhoto } from './photoUpload.ts';

/**
 * The state of each photo being uploaded while the form is filled in. Photos go one at a time, in the order
 * picked (on a weak signal parallel uploads only slow each other down). A failure keeps its Idempotency-Key, so
 * a retry after a lost answer is stored once; a photo the server no longer has (expired, already used) gets a
 * new key, or the retry would only be handed the old, gone upload back.
 */
export type UploadState =
  | { status: 'waiting' }
  | { status: 'uploading'; fraction: number }
  | { status: 'uploaded'; uploaded: UploadedPhoto }
  /** `problem`: the server's error, or its message about this photo; `retryable`: worth sending again. */
  | { status: 'failed'; problem: unknown; retryable: boolean };

export interface UploadItem {
  id: string;
  source: Blob;
  key: string;
  state: UploadState;
}

export type UploadAction =
  | { type: 'add'; items: ReadonlyArray<{ id: string; source: Blob; key: string }> }
  | { type: 'remove'; id: string }
  | { type: 'started'; id: string }
  | { type: 'progress'; id: string; fraction: number }
  | { type: 'uploaded'; id: string; uploaded: UploadedPhoto }
  | { type: 'failed'; id: string; problem: unknown }
  | { type: 'retry'; id: string }
  | { type: 'gone'; id: string; problem: unknown; key: string };

/** A network failure, a timeout, a 5xx or the rate limit: the same request may well succeed later. */
export function isRetryable(problem: unknown): boolean {
  return !(problem instanceof ApiError) || problem.status === 0 || problem.status === 429 || problem.status >= 500;
}

export function uploadsReducer(items: readonly UploadItem[], action: UploadAction): UploadItem[] {
  if (action.type === 'add')
    return [...items, ...action.items.map((item) => ({ ...item, state: { status: 'waiting' } as const }))];
  if (action.type === 'remove') return items.filter((item) => item.id !== action.id);
  return items.map((item) => (item.id === action.id ? next(item, action) : item));
}

function next(item: UploadItem, action: Exclude<UploadAction, { type: 'add' } | { type: 'remove' }>): UploadItem {
  const { state } = item;
  switch (action.type) {
    case 'started':
      return state.status === 'waiting' ? { ...item, state: { status: 'uploading', fraction: 0 } } : item;
    case 'progress':
      return state.status === 'uploading'
        ? { ...item, state: { status: 'uploading', fraction: Math.max(state.fraction, Math.min(1, action.fraction)) } }
        : item;
    case 'uploaded':
      return state.status === 'uploading'
        ? { ...item, state: { status: 'uploaded', uploaded: action.uploaded } }
        : item;
    case 'failed':
      return state.status === 'uploading'
        ? { ...item, state: { status: 'failed', problem: action.problem, retryable: isRetryable(action.problem) } }
        : item;
    case 'retry':
      return state.status === 'failed' && state.retryable ? { ...item, state: { status: 'waiting' } } : item;
    case 'gone':
      return { ...item, key: action.key, state: { status: 'failed', problem: action.problem, retryable: true } };
  }
}

/** The photo to send now: the first waiting one, when none is on its way. */
export function nextToUpload(items: readonly UploadItem[]): UploadItem | undefined {
  if (items.some((item) => item.state.status === 'uploading')) return undefined;
  return items.find((item) => item.state.status === 'waiting');
}

export interface UploadSummary {
  /** Waiting or on their way. */
  pending: number;
  failed: number;
  uploaded: number;
}

export function summarise(items: readonly UploadItem[]): UploadSummary {
  const count = (status: UploadState['status']) => items.filter((item) => item.state.status === status).length;
  return { pending: count('waiting') + count('uploading'), failed: count('failed'), uploaded: count('uploaded') };
}

/** The upload ids in the order of `ids` (the form's order), or undefined while any is missing. */
export function uploadIdsInOrder(items: readonly UploadItem[], ids: readonly string[]): string[] | undefined {
  const byId = new Map(items.map((item) => [item.id, item.state]));
  const uploadIds: string[] = [];
  for (const id of ids) {
    const state = byId.get(id);
    if (state?.status !== 'uploaded') return undefined;
    uploadIds.push(state.uploaded.uploadId);
  }
  return uploadIds;
}
