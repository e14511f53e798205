import { CameraOutlined, DeleteOutlined } from '@ant-design/icons';
import { Alert, Button, Progress, Typography } from 'antd';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { UploadStatus } from '../uploads/UploadStatus.tsx';
import type { UploadItem } from '../uploads/uploadQueue.ts';
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
      <Typography.Title level={2} className="wm-report-question" id="report-photos-question">
        {t('citizen.photos.question')}
      </Typography.Title>
      {photos.length < maxPhotos && (
        <label className="wm-citizen-photo-picker">
          <CameraOutlined aria-hidden="true" />
          <span>{t('citizen.photos.take')}</span>
          <input
            type="file"
            accept="image/*"
            capture="environment"
            multiple
            onChange={choose}
            disabled={preparing !== undefined}
            data-testid="photo-input"
          />
        </label>
      )}
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
        {t('citizen.photos.count', { count: photos.length, max: maxPhotos })} · {t('citizen.photos.hint')}
      </Typography.Paragraph>
      {preparing && (
        <div role="status" data-testid="photo-preparing">
          {t('citizen.photos.preparing', { done: preparing.done + 1, total: preparing.total })}
          <Progress percent={Math.round((preparing.done / preparing.total) * 100)} showInfo={false} />
        </div>
      )}
      {notices.map((notice) => (
        <Alert key={notice} type="warning" showIcon title={notice} className="wm-report-notice" />
      ))}
      {error && (
        <div className="wm-field-error" role="alert" data-testid="photos-error">
          {error}
        </div>
      )}
      <PhotoList photos={photos} photoErrors={photoErrors} uploads={uploads} onRemove={onRemove} onRetry={onRetry} />
    </section>
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
              <Button
                className="wm-citizen-photo-remove"
                shape="circle"
                danger
                icon={<DeleteOutlined />}
                aria-label={t('citizen.photos.remove', { n: index + 1 })}
                onClick={() => onRemove(photo.id)}
              />
            </div>
            <UploadStatus state={upload} n={index + 1} onRetry={() => onRetry(photo.id)} />
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
