import { useT } from '../../../app/i18n/I18nProvider.tsx';
import type { UploadItem } from '../uploads/uploadQueue.ts';
import { Icon } from './icons.tsx';
import { Notice } from './Notice.tsx';
import { PhotoUploadStatus } from './PhotoUploadStatus.tsx';
import { type DraftPhoto, maxPhotos } from './reportDraft.ts';
import { usePhotoPreparation } from './usePhotoPreparation.ts';

interface Props {
  photos: readonly DraftPhoto[];
  /** Server or local messages: per photo index, and for the list as a whole. */
  photoErrors: Readonly<Record<number, string>>;
  error?: string;
  /** Each photo's upload, by photo id: it starts as soon as the photo is added. */
  uploads: readonly UploadItem[];
  onAdd: (photos: DraftPhoto[]) => void;
  onRemove: (id: string) => void;
  onRetry: (id: string) => void;
}

/**
 * Step 2: photos from the camera (or the gallery), shrunk on the phone one by one with a visible count, then
 * each uploaded on its own with its progress, a retry when it fails, a large remove button and its error line.
 */
export function PhotoStep({ photos, photoErrors, error, uploads, onAdd, onRemove, onRetry }: Props) {
  const t = useT();
  const { preparing, notices, choose } = usePhotoPreparation(maxPhotos - photos.length, onAdd);

  return (
    <section aria-labelledby="report-photos-question">
      <h2 className="wm-report-question" id="report-photos-question">
        {t('citizen.photos.question')}
      </h2>
      {photos.length < maxPhotos && (
        <label className="wm-citizen-photo-picker">
          <Icon name="camera" />
          <span>{t('citizen.photos.take')}</span>
          <input
            type="file"
            accept="image/*"
            capture="environment"
            multiple
            onChange={choose}
            disabled={preparing !== undefined}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? 'report-photos-error report-photos-hint' : 'report-photos-hint'}
            data-testid="photo-input"
          />
        </label>
      )}
      <p className="wm-citizen-hint" id="report-photos-hint">
        {t('citizen.photos.count', { count: photos.length, max: maxPhotos })} · {t('citizen.photos.hint')}
      </p>
      {preparing && <PreparingPhotos done={preparing.done} total={preparing.total} />}
      {notices.map((notice) => (
        <Notice key={notice} tone="warning" role="status" title={notice} className="wm-report-notice" />
      ))}
      {error && (
        <div className="wm-field-error" role="alert" id="report-photos-error" data-testid="photos-error">
          {error}
        </div>
      )}
      <PhotoList photos={photos} photoErrors={photoErrors} uploads={uploads} onRemove={onRemove} onRetry={onRetry} />
    </section>
  );
}

/** "正在处理照片 2/3…" while the phone shrinks the picked photos one by one. */
function PreparingPhotos({ done, total }: { done: number; total: number }) {
  const t = useT();
  const label = t('citizen.photos.preparing', { done: done + 1, total });
  return (
    <div role="status" data-testid="photo-preparing">
      {label}
      <progress className="wm-progress" max={total} value={done} aria-label={label} />
    </div>
  );
}

type ListProps = Pick<Props, 'photos' | 'photoErrors' | 'uploads' | 'onRemove' | 'onRetry'>;

/** The picked photos: each with a large remove button, its upload's progress or retry, and its error line. */
function PhotoList({ photos, photoErrors, uploads, onRemove, onRetry }: ListProps) {
  const t = useT();
  return (
    <ul className="wm-citizen-photo-grid" data-testid="photo-list">
      {photos.map((photo, index) => {
        const upload = uploads.find((u) => u.id === photo.id)?.state;
        return (
          <li key={photo.id} className="wm-citizen-photo-item">
            <div className="wm-citizen-photo-frame">
              <img src={photo.previewUrl} alt={t('citizen.photos.alt', { n: index + 1 })} />
              <button
                type="button"
                className="wm-citizen-photo-remove"
                aria-label={t('citizen.photos.remove', { n: index + 1 })}
                onClick={() => onRemove(photo.id)}
              >
                <Icon name="remove" />
              </button>
            </div>
            <PhotoUploadStatus state={upload} n={index + 1} onRetry={() => onRetry(photo.id)} />
            {photoErrors[index] && upload?.status !== 'failed' && (
              <div className="wm-citizen-photo-error" role="alert" data-testid={`photo-error-${index}`}>
                {photoErrors[index]}
              </div>
            )}
          </li>
        );
      })}
    </ul>
  );
}
