import { type Dispatch, type SetStateAction, useCallback, useEffect, useRef, useState } from 'react';
import type { UploadedPhoto } from '../uploads/photoUpload.ts';
import { summarise, uploadIdsInOrder } from '../uploads/uploadQueue.ts';
import { usePhotoUploads } from '../uploads/usePhotoUploads.ts';
import { citizenApi } from './citizenApi.ts';
import type { DraftPhoto, ReportDraft } from './reportDraft.ts';

interface Options {
  draft: ReportDraft;
  setDraft: Dispatch<SetStateAction<ReportDraft>>;
  /** Every photo is uploaded: send the report with these ids, in the draft's order. */
  onAllUploaded: (uploadIds: string[]) => void;
  /** A photo failed while the report was waiting for it: the citizen must retry or remove it. */
  onUploadFailed: () => void;
}

/**
 * The report form's photos travel one by one as they are picked, while the citizen goes on with the place and
 * the description. "提交" waits for any still on their way and then sends the report with their ids. The place
 * the server read from a photo's EXIF fills in the photo's position when the phone itself gave none.
 */
export function useReportPhotos({ draft, setDraft, onAllUploaded, onUploadFailed }: Options) {
  const takePlace = useCallback(
    (id: string, uploaded: UploadedPhoto) => {
      const place = uploaded.location;
      if (!place) return;
      setDraft((d) => ({
        ...d,
        photos: d.photos.map((p) => (p.id === id && p.position === null ? { ...p, position: place } : p)),
      }));
    },
    [setDraft],
  );
  const uploads = usePhotoUploads(citizenApi.uploadPhoto, takePlace);
  const [awaiting, setAwaiting] = useState(false);
  const callbacks = useRef({ onAllUploaded, onUploadFailed });
  callbacks.current = { onAllUploaded, onUploadFailed };

  const ids = draft.photos.map((p) => p.id);
  const mine = uploads.items.filter((item) => ids.includes(item.id));
  const summary = summarise(mine);
  const uploadIds = uploadIdsInOrder(uploads.items, ids);

  useEffect(() => {
    if (!awaiting) return;
    if (summary.failed > 0) {
      setAwaiting(false);
      callbacks.current.onUploadFailed();
    } else if (uploadIds) {
      setAwaiting(false);
      callbacks.current.onAllUploaded(uploadIds);
    }
  }, [awaiting, summary.failed, uploadIds]);

  return {
    uploads,
    /** The report is waiting for photos still on their way: how many are done. */
    waiting: awaiting ? { done: summary.uploaded, total: ids.length } : undefined,
    sendWhenUploaded: () => setAwaiting(true),
    cancelWaiting: () => setAwaiting(false),
    add: (added: readonly DraftPhoto[]) => uploads.add(added.map((p) => ({ id: p.id, source: p.blob }))),
  };
}
