import { CameraOutlined, CloseOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useEffect, useRef } from 'react';
import { useT } from '../../../../app/i18n/I18nProvider.tsx';
import { UploadStatus } from '../../uploads/UploadStatus.tsx';
import { maxPhotos, type PickedPhoto, type PickerUploads } from '../actions/PhotoPicker.tsx';
import { FieldError } from './ReportFields.tsx';

let nextId = 0;

interface Props {
  photos: PickedPhoto[];
  onChange: (photos: PickedPhoto[]) => void;
  uploads: PickerUploads;
  /** The field form opens the rear camera; the hotline desk picks files a caller sent. */
  camera: boolean;
  error?: string;
}

/**
 * Photos first: one big button opens the camera (or the file picker on a desk), each photo is shrunk and
 * uploaded as soon as it is taken, its progress and a retry under its thumbnail.
 */
export function CapturePhotos({ photos, onChange, uploads, camera, error }: Props) {
  const t = useT();
  const latest = useRef(photos);
  latest.current = photos;
  useEffect(
    () => () => {
      for (const photo of latest.current) URL.revokeObjectURL(photo.previewUrl);
    },
    [],
  );

  const add = (files: FileList | null, input: HTMLInputElement) => {
    const picked = [...(files ?? [])]
      .slice(0, Math.max(0, maxPhotos - photos.length))
      .map((file) => ({ id: `staff-photo-${nextId++}`, file, previewUrl: URL.createObjectURL(file) }));
    input.value = '';
    if (picked.length === 0) return;
    onChange([...photos, ...picked]);
    uploads.onAdded(picked);
  };
  const remove = (photo: PickedPhoto) => {
    URL.revokeObjectURL(photo.previewUrl);
    uploads.onRemoved(photo.id);
    onChange(photos.filter((p) => p.id !== photo.id));
  };

  return (
    <div className="wm-staff-report-photos">
      {photos.length < maxPhotos && (
        <label className={photos.length === 0 ? 'wm-capture wm-capture-first' : 'wm-capture'}>
          <CameraOutlined aria-hidden="true" />
          <span>{t(camera ? 'staffReport.photos.take' : 'staffReport.photos.pick')}</span>
          <input
            type="file"
            accept="image/*"
            capture={camera ? 'environment' : undefined}
            multiple
            onChange={(event) => add(event.target.files, event.target)}
            data-testid="staff-photo-input"
          />
        </label>
      )}
      <FieldError message={error} testId="staff-photos-error" />
      <ul className="wm-staff-report-photo-grid">
        {photos.map((photo, index) => (
          <li key={photo.id}>
            <img src={photo.previewUrl} alt={t('cases.photos.picked', { n: index + 1 })} />
            <Button
              shape="circle"
              icon={<CloseOutlined />}
              aria-label={t('cases.photos.remove', { n: index + 1 })}
              onClick={() => remove(photo)}
              className="wm-photo-remove"
            />
            <UploadStatus
              state={uploads.items.find((u) => u.id === photo.id)?.state}
              n={index + 1}
              onRetry={() => uploads.onRetry(photo.id)}
            />
          </li>
        ))}
      </ul>
    </div>
  );
}
