import { AimOutlined, PictureOutlined } from '@ant-design/icons';
import { Button, Form, Typography } from 'antd';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import type { CountyBounds, FormTownship } from './citizenApi.ts';
import { type LocationDraft, ManualPoint, PlaceFields } from './LocationFields.tsx';
import type { DraftPhoto, Position } from './reportDraft.ts';
import { useDeviceLocation } from './useDeviceLocation.ts';

interface Props {
  townships: readonly FormTownship[];
  bounds: CountyBounds;
  draft: LocationDraft;
  photos: readonly DraftPhoto[];
  errors: Readonly<Record<string, string>>;
  onChange: (change: Partial<LocationDraft>) => void;
}

/**
 * Step 3: the point (the phone's position, the photo's, or typed in — WGS84, as phones give it) and the
 * township/village with the address in words. Without map tiles this is the picker: the township decides
 * who handles the case, the words let the inspector find the spot.
 */
export function LocationStep({ townships, bounds, draft, photos, errors, onChange }: Props) {
  const t = useT();
  const device = useDeviceLocation((position) => onChange({ position }));
  const pointError = errors.lng ?? errors.lat;
  return (
    <section aria-labelledby="report-location-question">
      <Typography.Title level={2} className="wm-report-question" id="report-location-question">
        {t('citizen.location.question')}
      </Typography.Title>
      <PointButtons device={device} photos={photos} onChange={onChange} />
      {draft.position && <FoundPosition position={draft.position} />}
      {device.problem && (
        <div className="wm-field-error" role="alert">
          {t(device.problem)}
        </div>
      )}
      {pointError && (
        <div className="wm-field-error" role="alert" data-testid="position-error">
          {pointError}
        </div>
      )}
      <Form layout="vertical" requiredMark={false} size="large" component="div" className="wm-location-form">
        <ManualPoint bounds={bounds} current={draft.position} onApply={(position) => onChange({ position })} />
        <PlaceFields townships={townships} draft={draft} errors={errors} onChange={onChange} />
      </Form>
    </section>
  );
}

/** "Use my location", and "use the photo's" when a photo carries a point. */
function PointButtons({
  device,
  photos,
  onChange,
}: {
  device: ReturnType<typeof useDeviceLocation>;
  photos: readonly DraftPhoto[];
  onChange: Props['onChange'];
}) {
  const t = useT();
  const photoPoint = photos.find((p) => p.position !== null)?.position ?? null;
  return (
    <div className="wm-location-buttons">
      <Button
        type="primary"
        size="large"
        block
        icon={<AimOutlined />}
        loading={device.locating}
        onClick={device.locate}
        data-testid="use-my-location"
      >
        {device.locating ? t('citizen.location.locating') : t('citizen.location.useMine')}
      </Button>
      {photoPoint && (
        <Button
          size="large"
          block
          icon={<PictureOutlined />}
          onClick={() => onChange({ position: { ...photoPoint, source: 'photo' } })}
          data-testid="use-photo-location"
        >
          {t('citizen.location.fromPhoto')}
        </Button>
      )}
    </div>
  );
}

function FoundPosition({ position }: { position: Position }) {
  const t = useT();
  return (
    <div className="wm-location-found" role="status" data-testid="position-found">
      {t('citizen.location.got', { lng: position.lng.toFixed(5), lat: position.lat.toFixed(5) })}
      {position.accuracyM !== undefined && t('citizen.location.accuracy', { meters: Math.round(position.accuracyM) })}
      {' · '}
      {t(`citizen.location.source.${position.source}`)}
    </div>
  );
}
