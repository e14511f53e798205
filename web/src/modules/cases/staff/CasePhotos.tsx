import { Empty, Image, Typography } from 'antd';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import type { CasePhoto, PhotoStage } from '../casesApi.ts';

const stages: readonly PhotoStage[] = ['report', 'handle', 'verify'];

/**
 * The photos by stage (上报 / 处置 / 核查): thumbnails on the page, the full photo in the viewer, which pages
 * through all of them. Same-origin GETs, so the session cookie opens them.
 */
export function CasePhotos({ photos }: { photos: CasePhoto[] }) {
  const t = useT();
  if (photos.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('cases.photos.none')} />;
  return (
    <Image.PreviewGroup>
      {stages.map((stage) => {
        const group = photos.filter((photo) => photo.stage === stage);
        if (group.length === 0) return null;
        return (
          <section key={stage} className="wm-case-photo-group" data-testid={`case-photos-${stage}`}>
            <Typography.Title level={3} className="wm-case-subtitle">
              {t(`cases.photoStage.${stage}`)}
            </Typography.Title>
            <div className="wm-case-photo-row">
              {group.map((photo, index) => (
                <Image
                  key={photo.id}
                  src={photo.thumbnailUrl}
                  alt={t('cases.photos.alt', { stage: t(`cases.photoStage.${stage}`), n: index + 1 })}
                  width={96}
                  height={96}
                  className="wm-case-thumb"
                  preview={{ src: photo.url }}
                />
              ))}
            </div>
          </section>
        );
      })}
    </Image.PreviewGroup>
  );
}
