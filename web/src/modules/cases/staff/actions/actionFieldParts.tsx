import { Button, Form, type FormInstance, Input, Typography } from 'antd';
import { useCallback } from 'react';
import { useT } from '../../../../app/i18n/I18nProvider.tsx';
import { useLoad } from '../../../../app/useLoad.ts';
import { useAuth } from '../../../../app/auth/AuthProvider.tsx';
import { RegionPicker } from '../../../../app/regions/RegionPicker.tsx';
import { type CaseDetail, casesApi, type PlacedCase } from '../../casesApi.ts';
import { maxPhotos, PhotoPicker, type PickedPhoto, type PickerUploads } from './PhotoPicker.tsx';
import type { DevicePosition } from './useDevicePosition.ts';

/** The fields the action forms share: a note or reason, photos, the township, the nearby cases, the position. */

const textLimit = 500;

export function TextField({ name, label, required }: { name: string; label: string; required?: boolean }) {
  const t = useT();
  return (
    <Form.Item
      name={name}
      label={label}
      rules={required ? [{ required: true, whitespace: true, message: t('cases.form.required') }] : []}
    >
      <Input.TextArea rows={3} maxLength={textLimit} showCount data-testid={`action-field-${name}`} />
    </Form.Item>
  );
}

/** What a form calls its photos, when not the handling's (处置后照片): 核实 asks for photos of the spot. */
export interface PhotosWording {
  label: string;
  required: string;
}

export function PhotosField({
  required,
  uploads,
  wording,
}: {
  required: boolean;
  uploads: PickerUploads | undefined;
  wording?: PhotosWording;
}) {
  const t = useT();
  const missing = wording?.required ?? t('cases.form.photosRequired');
  const rules = required
    ? [
        {
          validator: (_: unknown, value?: PickedPhoto[]) =>
            value && value.length > 0 ? Promise.resolve() : Promise.reject(new Error(missing)),
        },
      ]
    : [];
  return (
    <Form.Item
      name="photos"
      label={wording?.label ?? t('cases.form.photos')}
      extra={t('cases.form.photosHint', { max: maxPhotos })}
      rules={rules}
      data-testid="action-field-photos"
    >
      <PhotoPicker uploads={uploads} />
    </Form.Item>
  );
}

/** 合并: the open cases of the same category nearby, any of which can be picked as the case this one joins. */
export function NearbyCases({ detail, form }: { detail: CaseDetail & PlacedCase; form: FormInstance }) {
  const t = useT();
  const load = useCallback(
    (signal: AbortSignal) =>
      casesApi.nearby({ categoryCode: detail.categoryCode, lng: detail.lng, lat: detail.lat }, signal),
    [detail.categoryCode, detail.lng, detail.lat],
  );
  const nearby = useLoad(load);
  const others = (nearby.data?.items ?? []).filter((item) => item.caseNo !== detail.caseNo);
  if (nearby.loading) return <Typography.Text type="secondary">{t('app.loading')}</Typography.Text>;
  if (nearby.error !== undefined) return null;
  if (others.length === 0)
    return (
      <Typography.Text type="secondary">
        {t('cases.form.nearbyNone', { radius: nearby.data?.radiusM ?? 0 })}
      </Typography.Text>
    );
  return (
    <div data-testid="merge-nearby">
      <Typography.Text type="secondary">
        {t('cases.form.nearby', { radius: nearby.data?.radiusM ?? 0 })}
      </Typography.Text>
      <ul className="wm-nearby-list">
        {others.map((item) => (
          <li key={item.caseNo}>
            <Button
              type="link"
              size="small"
              onClick={() => form.setFields([{ name: 'duplicateOf', value: item.caseNo, errors: [] }])}
              data-testid={`merge-pick-${item.caseNo}`}
            >
              {item.caseNo}
            </Button>
            <span>
              {t('cases.form.nearbyItem', {
                distance: Math.round(item.distanceM),
                status: t(`cases.status.${item.status}`),
                address: item.address,
              })}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** What a form calls the position it sends, when not 核查's: 核实 has its own words. */
export interface PositionWording {
  label: string;
  found: (accuracy: number) => string;
}

export function PositionNote({ position, wording }: { position: DevicePosition; wording?: PositionWording }) {
  const t = useT();
  if (position.status === 'off') return null;
  const found = wording?.found ?? ((accuracy: number) => t('cases.form.positionFound', { accuracy }));
  const text =
    position.status === 'locating'
      ? t('cases.form.positionLocating')
      : position.status === 'found'
        ? found(position.accuracyM)
        : t('cases.form.positionUnavailable');
  return (
    <Form.Item label={wording?.label ?? t('cases.form.position')}>
      <Typography.Text type={position.status === 'unavailable' ? 'warning' : 'secondary'} data-testid="verify-position">
        {text}
      </Typography.Text>
    </Form.Item>
  );
}

/** 立案 of a case reported without a township: the dispatcher sets it, from their own area down. */
export function TownshipField() {
  const t = useT();
  const { session } = useAuth();
  const root = session.status === 'signed-in' ? session.user.scopeRegion : '';
  return (
    <Form.Item
      name="regionCode"
      label={t('cases.form.township')}
      extra={t('cases.form.townshipHint')}
      rules={[{ required: true, message: t('cases.form.townshipRequired') }]}
    >
      <RegionPicker root={root} />
    </Form.Item>
  );
}
