import { AimOutlined, PictureOutlined } from '@ant-design/icons';
import { Button, Form, Input, InputNumber, Select, Typography } from 'antd';
import { useState } from 'react';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import type { MessageKey } from '../../../app/i18n/zh.ts';
import type { CountyBounds, FormTownship } from './citizenApi.ts';
import type { DraftPhoto, Position, ReportDraft } from './reportDraft.ts';

type LocationDraft = Pick<ReportDraft, 'position' | 'townshipCode' | 'villageCode' | 'address'>;

interface Props {
  townships: readonly FormTownship[];
  bounds: CountyBounds;
  draft: LocationDraft;
  photos: readonly DraftPhoto[];
  errors: Readonly<Record<string, string>>;
  onChange: (change: Partial<LocationDraft>) => void;
}

function locationProblem(error: GeolocationPositionError | undefined): MessageKey {
  if (!error) return 'citizen.location.unsupported';
  return error.code === error.PERMISSION_DENIED ? 'citizen.location.denied' : 'citizen.location.unavailable';
}

/**
 * Step 3: the point (the phone's position, the photo's, or typed in — WGS84, as phones give it) and the
 * township/village with the address in words. Without map tiles this is the picker: the township decides
 * who handles the case, the words let the inspector find the spot.
 */
export function LocationStep({ townships, bounds, draft, photos, errors, onChange }: Props) {
  const t = useT();
  const [locating, setLocating] = useState(false);
  const [problem, setProblem] = useState<MessageKey>();
  const [manual, setManual] = useState<{ lng: number | null; lat: number | null }>();
  const photoPoint = photos.find((p) => p.position !== null)?.position ?? null;
  const villages = townships.find((tw) => tw.code === draft.townshipCode)?.villages ?? [];
  const pointError = errors.lng ?? errors.lat;

  const locate = () => {
    setProblem(undefined);
    if (!('geolocation' in navigator)) {
      setProblem(locationProblem(undefined));
      return;
    }
    setLocating(true);
    navigator.geolocation.getCurrentPosition(
      ({ coords }) => {
        setLocating(false);
        onChange({
          position: { lng: coords.longitude, lat: coords.latitude, accuracyM: coords.accuracy, source: 'device' },
        });
      },
      (error) => {
        setLocating(false);
        setProblem(locationProblem(error));
      },
      { enableHighAccuracy: true, timeout: 20_000, maximumAge: 60_000 },
    );
  };

  const applyManual = () => {
    if (manual?.lng == null || manual.lat == null) return;
    onChange({ position: { lng: manual.lng, lat: manual.lat, source: 'manual' } });
  };

  return (
    <section aria-labelledby="report-location-question">
      <Typography.Title level={2} className="wm-report-question" id="report-location-question">
        {t('citizen.location.question')}
      </Typography.Title>
      <div className="wm-location-buttons">
        <Button
          type="primary"
          size="large"
          block
          icon={<AimOutlined />}
          loading={locating}
          onClick={locate}
          data-testid="use-my-location"
        >
          {locating ? t('citizen.location.locating') : t('citizen.location.useMine')}
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
      {draft.position && <FoundPosition position={draft.position} />}
      {problem && (
        <div className="wm-field-error" role="alert">
          {t(problem)}
        </div>
      )}
      {pointError && (
        <div className="wm-field-error" role="alert" data-testid="position-error">
          {pointError}
        </div>
      )}
      <Form layout="vertical" requiredMark={false} size="large" component="div" className="wm-location-form">
        {manual === undefined ? (
          <Button
            type="link"
            onClick={() => setManual({ lng: draft.position?.lng ?? null, lat: draft.position?.lat ?? null })}
            data-testid="manual-position"
          >
            {t('citizen.location.manual')}
          </Button>
        ) : (
          <div className="wm-location-manual">
            <Form.Item label={t('citizen.location.lng')} htmlFor="report-lng">
              <InputNumber
                id="report-lng"
                inputMode="decimal"
                min={-180}
                max={180}
                step={0.0001}
                precision={6}
                value={manual.lng}
                placeholder={`${bounds.minLng}–${bounds.maxLng}`}
                onChange={(lng) => setManual({ ...manual, lng })}
              />
            </Form.Item>
            <Form.Item label={t('citizen.location.lat')} htmlFor="report-lat">
              <InputNumber
                id="report-lat"
                inputMode="decimal"
                min={-90}
                max={90}
                step={0.0001}
                precision={6}
                value={manual.lat}
                placeholder={`${bounds.minLat}–${bounds.maxLat}`}
                onChange={(lat) => setManual({ ...manual, lat })}
              />
            </Form.Item>
            <Button onClick={applyManual} className="wm-location-manual-apply" data-testid="manual-apply">
              {t('citizen.location.manualApply')}
            </Button>
          </div>
        )}
        <Form.Item
          label={t('citizen.location.township')}
          htmlFor="report-township"
          required
          validateStatus={errors.regionCode ? 'error' : undefined}
          help={errors.regionCode}
        >
          <Select
            id="report-township"
            value={draft.townshipCode}
            placeholder={t('citizen.location.townshipPlaceholder')}
            options={townships.map((tw) => ({ value: tw.code, label: tw.name }))}
            onChange={(townshipCode: string) => onChange({ townshipCode, villageCode: undefined })}
            showSearch={{ optionFilterProp: 'label' }}
            data-testid="township-select"
          />
        </Form.Item>
        <Form.Item label={t('citizen.location.village')} htmlFor="report-village">
          <Select
            id="report-village"
            value={draft.villageCode}
            placeholder={t('citizen.location.villagePlaceholder')}
            options={villages.map((v) => ({ value: v.code, label: v.name }))}
            onChange={(villageCode?: string) => onChange({ villageCode })}
            allowClear
            disabled={villages.length === 0}
            showSearch={{ optionFilterProp: 'label' }}
            data-testid="village-select"
          />
        </Form.Item>
        <Form.Item
          label={t('citizen.location.address')}
          htmlFor="report-address"
          required
          validateStatus={errors.address ? 'error' : undefined}
          help={errors.address}
        >
          <Input
            id="report-address"
            value={draft.address}
            maxLength={200}
            placeholder={t('citizen.location.addressPlaceholder')}
            onChange={(event) => onChange({ address: event.target.value })}
            data-testid="address-input"
          />
        </Form.Item>
      </Form>
    </section>
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
