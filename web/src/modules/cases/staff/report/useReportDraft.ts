import { useCallback, useState } from 'react';
import type { MessageKey } from '../../../../app/i18n/zh.ts';
import type { PickedPhoto } from '../actions/PhotoPicker.tsx';
import { useActionPhotos } from '../actions/useActionPhotos.ts';
import { collectFieldErrors } from './SendProblem.tsx';
import type { HotlineDraft } from './staffReportBody.ts';
import { useStaffReport } from './useStaffReport.ts';

/**
 * One draft of a staff report: its fields, its photos (uploaded as they are picked), its errors — the form's
 * own checks once the user has tried to send, then the server's at their fields — and its sending.
 */
export function useReportDraft(initial: HotlineDraft) {
  const [draft, setDraft] = useState<HotlineDraft>(initial);
  const [photos, setPhotos] = useState<PickedPhoto[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string>();
  const uploads = useActionPhotos();
  const onFieldErrors = useCallback((fields: Readonly<Record<string, string>>, error: Error) => {
    const mapped = collectFieldErrors(fields);
    setErrors(mapped);
    setGeneral(Object.keys(mapped).length > 0 ? error.message : undefined);
  }, []);
  const sending = useStaffReport(onFieldErrors);

  const change = (patch: Partial<HotlineDraft>) => {
    setDraft((current) => ({ ...current, ...patch }));
    setErrors((current) => {
      const next = { ...current };
      for (const name of Object.keys(patch)) delete next[name];
      return next;
    });
  };

  /** The photos' upload ids, or the message that holds the send back (still uploading, or one failed). */
  const photoIds = (): { ids: string[] } | { problem: MessageKey } => {
    const ids = uploads.idsFor(photos);
    if ('ids' in ids) return ids;
    return { problem: 'pending' in ids ? 'staffReport.photos.waiting' : ids.problem };
  };

  const anotherOne = () => {
    for (const photo of photos) uploads.picker.onRemoved(photo.id);
    setPhotos([]);
    setDraft(initial);
    setErrors({});
    setGeneral(undefined);
    sending.reset();
  };

  return { draft, change, photos, setPhotos, uploads, errors, setErrors, general, sending, photoIds, anotherOne };
}
export type ReportDraft = ReturnType<typeof useReportDraft>;
