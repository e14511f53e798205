import { Button, Form, Input, InputNumber, Select } from 'antd';
import { useState } from 'react';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import type { CountyBounds, FormTownship } from './citizenApi.ts';
import type { Position, ReportDraft } from './reportDraft.ts';

export type LocationDraft = Pick<ReportDraft, 'location' | 'townshipCode' | 'villageCode' | 'address'>;

/**
 * The point typed in as decimal degrees: an advanced fallback behind a small link (most people do not know their
 * coordinates; the township and the address in words serve them better).
 */
export function ManualPoint({
  bounds,
  current,
  onApply,
}: {
  bounds: CountyBounds;
  current: Position | null | undefined;
  onApply: (position: Position) => void;
}) {
  const t = useT();
  const [manual, setManual] = useState<{ lng: number | null; lat: number | null }>();
  if (manual === undefined)
    return (
      <Button
        type="link"
        onClick={() => setManual({ lng: current?.lng ?? null, lat: current?.lat ?? null })}
        size="small"
        className="wm-location-advanced"
        data-testid="manual-position"
      >
        {t('citizen.location.manual')}
      </Button>
    );
  const apply = () => {
    if (manual.lng == null || manual.lat == null) return;
    onApply({ lng: manual.lng, lat: manual.lat, source: 'manual' });
  };
  const coordinate = { inputMode: 'decimal', step: 0.0001, precision: 6 } as const;
  return (
    <div className="wm-location-manual">
      <Form.Item label={t('citizen.location.lng')} htmlFor="report-lng">
        <InputNumber
          id="report-lng"
          {...coordinate}
          min={-180}
          max={180}
          value={manual.lng}
          placeholder={`${bounds.minLng}–${bounds.maxLng}`}
          onChange={(lng) => setManual({ ...manual, lng })}
        />
      </Form.Item>
      <Form.Item label={t('citizen.location.lat')} htmlFor="report-lat">
        <InputNumber
          id="report-lat"
          {...coordinate}
          min={-90}
          max={90}
          value={manual.lat}
          placeholder={`${bounds.minLat}–${bounds.maxLat}`}
          onChange={(lat) => setManual({ ...manual, lat })}
        />
      </Form.Item>
      <Button onClick={apply} className="wm-location-manual-apply" data-testid="manual-apply">
        {t('citizen.location.manualApply')}
      </Button>
    </div>
  );
}

interface PlaceProps {
  townships: readonly FormTownship[];
  draft: LocationDraft;
  /** With a point the township may be left to the dispatcher (待定乡镇); without one it is required. */
  hasPoint: boolean;
  errors: Readonly<Record<string, string>>;
  onChange: (change: Partial<LocationDraft>) => void;
}

/** The township (it decides who handles the case), the village, and the address in words. */
export function PlaceFields({ townships, draft, hasPoint, errors, onChange }: PlaceProps) {
  const t = useT();
  const villages = townships.find((tw) => tw.code === draft.townshipCode)?.villages ?? [];
  const problem = (field: string) => ({
    validateStatus: errors[field] ? ('error' as const) : undefined,
    help: errors[field],
  });
  return (
    <>
      <Form.Item
        label={t('citizen.location.township')}
        htmlFor="report-township"
        required={!hasPoint}
        extra={hasPoint ? t('citizen.location.townshipOptional') : undefined}
        {...problem('regionCode')}
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
        extra={hasPoint ? undefined : t('citizen.location.addressHint')}
        {...problem('address')}
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
    </>
  );
}
