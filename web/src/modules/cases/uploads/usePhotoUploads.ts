import { useCallback, useEffect, useReducer, useRef } from 'react';
import { newIdempotencyKey } from '../citizen/submissionKey.ts';
import type { UploadedPhoto } from './photoUpload.ts';
import { nextToUpload, type UploadItem, uploadsReducer } from './uploadQueue.ts';

/** Sends one photo (shrinking it first if the caller must); reports progress 0–1; rejects with an ApiError. */
export type UploadSender = (
  source: Blob,
  idempotencyKey: string,
  onProgress: (fraction: number) => void,
  signal: AbortSignal,
) => Promise<UploadedPhoto>;

export interface PhotoUploads {
  items: readonly UploadItem[];
  /** Queues photos for upload, in this order, as soon as they are picked. */
  add: (photos: ReadonlyArray<{ id: string; source: Blob }>) => void;
  remove: (id: string) => void;
  retry: (id: string) => void;
  /** The server said this upload is gone (expired or used): show `problem` and let it be sent again. */
  markGone: (id: string, problem: unknown) => void;
}

/**
 * Uploads photos one after another while the rest of the form is filled in. A removed photo's upload is
 * aborted; everything still on its way is aborted when the form goes away. `onUploaded` hears each success
 * (the citizen form takes the photo's EXIF place from it).
 */
export function usePhotoUploads(
  send: UploadSender,
  onUploaded?: (id: string, uploaded: UploadedPhoto) => void,
): PhotoUploads {
  const [items, dispatch] = useReducer(uploadsReducer, []);
  const running = useRef(new Map<string, AbortController>());
  const listener = useRef(onUploaded);
  listener.current = onUploaded;

  useEffect(() => {
    const item = nextToUpload(items);
    if (!item) return;
    const controller = new AbortController();
    running.current.set(item.id, controller);
    dispatch({ type: 'started', id: item.id });
    send(item.source, item.key, (fraction) => dispatch({ type: 'progress', id: item.id, fraction }), controller.signal)
      .then((uploaded) => {
        dispatch({ type: 'uploaded', id: item.id, uploaded });
        listener.current?.(item.id, uploaded);
      })
      .catch((problem: unknown) => {
        if (!controller.signal.aborted) dispatch({ type: 'failed', id: item.id, problem });
      })
      .finally(() => running.current.delete(item.id));
  }, [items, send]);

  useEffect(() => {
    const uploads = running.current;
    return () => {
      for (const controller of uploads.values()) controller.abort();
    };
  }, []);

  const add = useCallback(
    (photos: ReadonlyArray<{ id: string; source: Blob }>) =>
      dispatch({ type: 'add', items: photos.map((p) => ({ ...p, key: newIdempotencyKey() })) }),
    [],
  );
  const remove = useCallback((id: string) => {
    running.current.get(id)?.abort();
    dispatch({ type: 'remove', id });
  }, []);
  const retry = useCallback((id: string) => dispatch({ type: 'retry', id }), []);
  const markGone = useCallback(
    (id: string, problem: unknown) => dispatch({ type: 'gone', id, problem, key: newIdempotencyKey() }),
    [],
  );
  return { items, add, remove, retry, markGone };
}
