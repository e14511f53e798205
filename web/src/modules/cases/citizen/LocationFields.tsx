import { useState } from 'react';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import type { CountyBounds, FormTownship } from './citizenApi.ts';
import { Field, fieldAria } from './Field.tsx';
import type { Position, ReportDraft } from './reportDraft.ts';

export type LocationDraft = Pick<ReportDraft, 'location' | 'townshipCode' | 'villageCode' | 'address'>;

/** A typed coordinate: empty or not a number is none. */
function coordinateOf(text: string): number | null {
  const value = Number.parseFloat(text);
  return Number.isFinite(value) ? value : null;
}

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
      <button
        type="button"
        className="wm-button wm-button-link wm-location-advanced"
        onClick={() => setManual({ lng: current?.lng ?? null, lat: current?.lat ?? null })}
        data-testid="manual-position"
      >
        {t('citizen.location.manual')}
      </button>
    );
  const apply = () => {
    if (manual.lng == null || manual.lat == null) return;
    onApply({ lng: manual.lng, lat: manual.lat, source: 'manual' });
  };
  const coordinate = { className: 'wm-input', type: 'number', inputMode: 'decimal', step: 'any' } as const;
  return (
    <div className="wm-location-manual">
      <Field id="report-lng" label={t('citizen.location.lng')}>
        <input
          id="report-lng"
          {...coordinate}
          min={-180}
          max={180}
          defaultValue={manual.lng ?? undefined}
          placeholder={`${bounds.minLng}–${bounds.maxLng}`}
          onChange={(event) => setManual({ ...manual, lng: coordinateOf(event.target.value) })}
        />
      </Field>
      <Field id="report-lat" label={t('citizen.location.lat')}>
        <input
          id="report-lat"
          {...coordinate}
          min={-90}
          max={90}
          defaultValue={manual.lat ?? undefined}
          placeholder={`${bounds.minLat}–${bounds.maxLat}`}
          onChange={(event) => setManual({ ...manual, lat: coordinateOf(event.target.value) })}
        />
      </Field>
      <button type="button" className="wm-button wm-location-manual-apply" onClick={apply} data-testid="manual-apply">
        {t('citizen.location.manualApply')}
      </button>
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

/**
 * The township (it decides who handles the case), the village, and the address in words. Native selects: the
 * phone's own picker, searchable by typing on a keyboard, with no widget library to download.
 */
export function PlaceFields({ townships, draft, hasPoint, errors, onChange }: PlaceProps) {
  const t = useT();
  const villages = townships.find((tw) => tw.code === draft.townshipCode)?.villages ?? [];
  const townshipHint = hasPoint ? t('citizen.location.townshipOptional') : undefined;
  const addressHint = hasPoint ? undefined : t('citizen.location.addressHint');
  return (
    <>
      <Field id="report-township" label={t('citizen.location.township')} error={errors.regionCode} hint={townshipHint}>
        <select
          {...fieldAria('report-township', { error: errors.regionCode, hint: townshipHint, required: !hasPoint })}
          className="wm-input"
          value={draft.townshipCode ?? ''}
          onChange={(event) => onChange({ townshipCode: event.target.value || undefined, villageCode: undefined })}
          data-testid="township-select"
        >
          <option value="">{t('citizen.location.townshipPlaceholder')}</option>
          {townships.map((tw) => (
            <option key={tw.code} value={tw.code}>
              {tw.name}
            </option>
          ))}
        </select>
      </Field>
      <Field id="report-village" label={t('citizen.location.village')}>
        <select
          id="report-village"
          className="wm-input"
          value={draft.villageCode ?? ''}
          onChange={(event) => onChange({ villageCode: event.target.value || undefined })}
          disabled={villages.length === 0}
          data-testid="village-select"
        >
          <option value="">{t('citizen.location.villagePlaceholder')}</option>
          {villages.map((v) => (
            <option key={v.code} value={v.code}>
              {v.name}
            </option>
          ))}
        </select>
      </Field>
      <Field id="report-address" label={t('citizen.location.address')} error={errors.address} hint={addressHint}>
        <input
          {...fieldAria('report-address', { error: errors.address, hint: addressHint, required: true })}
          className="wm-input"
          value={draft.address}
          maxLength={200}
          autoComplete="off"
          placeholder={t('citizen.location.addressPlaceholder')}
          onChange={(event) => onChange({ address: event.target.value })}
          data-testid="address-input"
        />
      </Field>
    </>
  );
}
