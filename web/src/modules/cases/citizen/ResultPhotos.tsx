import { useEffect, useState } from 'react';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { citizenApi } from './citizenApi.ts';

type Loaded = { id: string; url: string } | { id: string; failed: true };

/**
 * The department's "after" photos. They need the tracking code in a header, so each is fetched and shown
 * from an object URL, released when the page no longer shows it.
 */
export function ResultPhotos({
  caseNo,
  token,
  photoIds,
}: {
  caseNo: string;
  token: string;
  photoIds: readonly string[];
}) {
  const t = useT();
  const [photos, setPhotos] = useState<Loaded[]>([]);
  const ids = photoIds.join(',');

  useEffect(() => {
    const controller = new AbortController();
    const urls: string[] = [];
    setPhotos([]);
    const wanted = ids === '' ? [] : ids.split(',');
    Promise.all(
      wanted.map(async (id): Promise<Loaded> => {
        try {
          const url = URL.createObjectURL(await citizenApi.photo(caseNo, token, id, controller.signal));
          // Arrived after the page moved on: the cleanup below has already run.
          if (controller.signal.aborted) URL.revokeObjectURL(url);
          else urls.push(url);
          return { id, url };
        } catch {
          return { id, failed: true };
        }
      }),
    ).then((loaded) => {
      if (!controller.signal.aborted) setPhotos(loaded);
    });
    return () => {
      controller.abort();
      for (const url of urls) URL.revokeObjectURL(url);
    };
  }, [caseNo, token, ids]);

  if (photoIds.length === 0) return null;
  return (
    <section aria-labelledby="tracking-photos-title">
      <h2 className="wm-report-question" id="tracking-photos-title">
        {t('citizen.case.resultPhotos')}
      </h2>
      {/* Each opens full size in the phone's own viewer, where it can be zoomed. */}
      <div className="wm-result-photos" data-testid="result-photos">
        {photos.map((photo, index) =>
          'url' in photo ? (
            <a key={photo.id} href={photo.url} target="_blank" rel="noopener">
              <img src={photo.url} alt={t('citizen.case.photoAlt', { n: index + 1 })} />
            </a>
          ) : (
            <span key={photo.id} className="wm-field-error">
              {t('citizen.case.photoFailed')}
            </span>
          ),
        )}
      </div>
    </section>
  );
}
