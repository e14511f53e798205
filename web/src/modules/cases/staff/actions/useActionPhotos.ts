import { useCallback } from 'react';
import { ApiError } from '../../../../app/api.ts';
import { useAuth } from '../../../../app/auth/AuthProvider.tsx';
import { useLanguage, useT } from '../../../../app/i18n/I18nProvider.tsx';
import { languageTag } from '../../../../app/i18n/language.ts';
import type { MessageKey } from '../../../../app/i18n/zh.ts';
import { photoUploadUrls, sendPhotoUpload } from '../../uploads/photoUpload.ts';
import { summarise, uploadIdsInOrder } from '../../uploads/uploadQueue.ts';
import { type UploadSender, usePhotoUploads } from '../../uploads/usePhotoUploads.ts';
import type { PickedPhoto, PickerUploads } from './PhotoPicker.tsx';
import { preparePhoto, UnreadablePhotoError } from './photoPrep.ts';

/** The upload ids, or why there are none yet: photos still on their way, or one that failed. */
export type PhotoIds = { ids: string[] } | { pending: true } | { problem: MessageKey };

/**
 * The photos of a 处理反馈 or 核查 form: each is shrunk and uploaded as soon as it is picked, so pressing the
 * action sends only their ids. A photo the phone cannot read fails at once, under its thumbnail.
 */
export function useActionPhotos() {
  const t = useT();
  const { language } = useLanguage();
  const { session } = useAuth();
  const csrfToken = session.status === 'signed-in' ? session.me.csrfToken : undefined;

  const send = useCallback<UploadSender>(
    async (source, idempotencyKey, onProgress, signal) => {
      const file = source instanceof File ? source : new File([source], 'photo', { type: source.type });
      let photo: Blob;
      try {
        photo = await preparePhoto(file);
      } catch (error) {
        if (!(error instanceof UnreadablePhotoError)) throw error;
        const message = t('cases.photos.unreadable', { name: error.fileName });
        throw new ApiError(400, 'unreadable_photo', message, { photo: message });
      }
      return sendPhotoUpload({
        url: photoUploadUrls.staff,
        photo,
        idempotencyKey,
        csrfToken,
        languageTag: languageTag(language),
        onProgress,
        signal,
      });
    },
    [csrfToken, language, t],
  );
  const uploads = usePhotoUploads(send);

  const picker: PickerUploads = {
    items: uploads.items,
    onAdded: (picked) => uploads.add(picked.map((p) => ({ id: p.id, source: p.file }))),
    onRemoved: uploads.remove,
    onRetry: uploads.retry,
  };

  /** The upload ids in the picker's order, or why the form cannot be sent yet. */
  const idsFor = (picked: readonly PickedPhoto[]): PhotoIds => {
    const ids = uploadIdsInOrder(
      uploads.items,
      picked.map((p) => p.id),
    );
    if (ids) return { ids };
    const summary = summarise(uploads.items.filter((item) => picked.some((p) => p.id === item.id)));
    // A photo with no upload at all (removed while the form waited) counts as failed: the form is pressed again.
    return summary.failed === 0 && summary.pending > 0 ? { pending: true } : { problem: 'cases.form.photosFailed' };
  };

  return { picker, items: uploads.items, idsFor, markGone: uploads.markGone };
}
