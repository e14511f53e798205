import { type ChangeEvent, useState } from 'react';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { photoPosition } from './photoLocation.ts';
import { preparePhoto } from './photoPrep.ts';
import { type DraftPhoto, maxPhotos } from './reportDraft.ts';

let photoIds = 0;

/**
 * Photos picked from the camera or the gallery, shrunk on the phone one by one with a visible count; too many
 * or unreadable ones are said in notices. `room` is how many more the report takes.
 */
export function usePhotoPreparation(room: number, onAdd: (photos: DraftPhoto[]) => void) {
  const t = useT();
  const [preparing, setPreparing] = useState<{ done: number; total: number }>();
  const [notices, setNotices] = useState<string[]>([]);

  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    const files = Array.from(event.target.files ?? []);
    // Reset, so choosing the same picture again after removing it fires a change.
    event.target.value = '';
    const taken = files.slice(0, Math.max(0, room));
    const next: string[] = [];
    if (files.length > taken.length)
      next.push(t('citizen.photos.tooMany', { max: maxPhotos, extra: files.length - taken.length }));
    const added: DraftPhoto[] = [];
    let unreadable = 0;
    for (const [index, file] of taken.entries()) {
      setPreparing({ done: index, total: taken.length });
      try {
        const [prepared, position] = await Promise.all([preparePhoto(file), photoPosition(file)]);
        photoIds += 1;
        added.push({ ...prepared, id: `photo-${photoIds}`, position });
      } catch {
        unreadable += 1;
      }
    }
    setPreparing(undefined);
    if (unreadable > 0) next.push(t('citizen.photos.unreadable', { count: unreadable }));
    setNotices(next);
    if (added.length > 0) onAdd(added);
  };

  return { preparing, notices, choose };
}
