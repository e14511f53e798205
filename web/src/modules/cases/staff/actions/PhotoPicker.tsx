import { CameraOutlined, CloseOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useEffect, useRef } from 'react';
import { useT } from '../../../../app/i18n/I18nProvider.tsx';
import { UploadStatus } from '../../uploads/UploadStatus.tsx';
import type { UploadItem } from '../../uploads/uploadQueue.ts';

export interface PickedPhoto {
  id: string;
  file: File;
  previewUrl: string;
}

export const maxPhotos = 9;

/** The form's photo uploads: each picked photo starts uploading at once; the picker shows how each is doing. */
export interface PickerUploads {
  items: readonly UploadItem[];
  onAdded: (photos: PickedPhoto[]) => void;
  onRemoved: (id: string) => void;
  onRetry: (id: string) => void;
}

let nextId = 0;

/**
 * Picks up to nine photos from the camera or the gallery, with thumbnails and a remove button each. Each photo
 * is shrunk (photoPrep.ts) and uploaded as soon as it is picked, with its progress and a retry under it.
 */
export function PhotoPicker({
  value = [],
  onChange,
  id,
  uploads,
}: {
  value?: PickedPhoto[];
  onChange?: (photos: PickedPhoto[]) => void;
  id?: string;
  uploads?: PickerUploads;
}) {
  const t = useT();
  const input = useRef<HTMLInputElement>(null);
  const latest = useRef(value);
  latest.current = value;

  // Thumbnails are object URLs: free them when the picker goes away.
  useEffect(
    () => () => {
      for (const photo of latest.current) URL.revokeObjectURL(photo.previewUrl);
    },
    [],
  );

  const add = (files: FileList | null) => {
    const room = maxPhotos - value.length;
    const picked = [...(files ?? [])]
      .slice(0, Math.max(0, room))
      .map((file) => ({ id: `photo-${nextId++}`, file, previewUrl: URL.createObjectURL(file) }));
    if (picked.length > 0) {
      onChange?.([...value, ...picked]);
      uploads?.onAdded(picked);
    }
    if (input.current) input.current.value = '';
  };

  const remove = (photo: PickedPhoto) => {
    URL.revokeObjectURL(photo.previewUrl);
    uploads?.onRemoved(photo.id);
    onChange?.(value.filter((p) => p.id !== photo.id));
  };

  return (
    <div className="wm-photo-picker" data-testid="photo-picker">
      {value.map((photo, index) => (
        <PickedPhotoFigure
          key={photo.id}
          photo={photo}
          n={index + 1}
          uploads={uploads}
          onRemove={() => remove(photo)}
        />
      ))}
      {value.length < maxPhotos && (
        <Button icon={<CameraOutlined />} onClick={() => input.current?.click()} className="wm-photo-add" id={id}>
          {t('cases.photos.add')}
        </Button>
      )}
      <input
        ref={input}
        type="file"
        accept="image/jpeg,image/png,image/webp,image/*"
        multiple
        hidden
        style={{ display: 'none' }}
        onChange={(event) => add(event.target.files)}
        data-testid="photo-input"
      />
    </div>
  );
}

interface FigureProps {
  photo: PickedPhoto;
  n: number;
  uploads: PickerUploads | undefined;
  onRemove: () => void;
}

/** One picked photo: its thumbnail, a remove button, and its upload's progress or retry. */
function PickedPhotoFigure({ photo, n, uploads, onRemove }: FigureProps) {
  const t = useT();
  return (
    <figure className="wm-photo-picked">
      <img src={photo.previewUrl} alt={t('cases.photos.picked', { n })} />
      <Button
        size="small"
        shape="circle"
        icon={<CloseOutlined />}
        aria-label={t('cases.photos.remove', { n })}
        onClick={onRemove}
        className="wm-photo-remove"
      />
      {uploads && (
        <figcaption>
          <UploadStatus
            state={uploads.items.find((u) => u.id === photo.id)?.state}
            n={n}
            onRetry={() => uploads.onRetry(photo.id)}
          />
        </figcaption>
      )}
    </figure>
  );
}
