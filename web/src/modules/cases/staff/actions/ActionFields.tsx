import { Alert, Button, Form, type FormInstance, Input, InputNumber, Radio, Select, Typography } from 'antd';
import { useCallback } from 'react';
import { formatDateTime } from '../../../../app/format.ts';
import { useT } from '../../../../app/i18n/I18nProvider.tsx';
import { useLoad } from '../../../../app/useLoad.ts';
import { useAuth } from '../../../../app/auth/AuthProvider.tsx';
import { RegionPicker } from '../../../../app/regions/RegionPicker.tsx';
import {
  type CaseDetail,
  casesApi,
  type Department,
  isPlaced,
  isTownshipToAssign,
  type PlacedCase,
} from '../../casesApi.ts';
import type { ActionKey } from './caseActionButtons.ts';
import { maxPhotos, PhotoPicker, type PickedPhoto, type PickerUploads } from './PhotoPicker.tsx';
import type { DevicePosition } from './useDevicePosition.ts';

const textLimit = 500;

function TextField({ name, label, required }: { name: string; label: string; required?: boolean }) {
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

function PhotosField({ required, uploads }: { required: boolean; uploads: PickerUploads | undefined }) {
  const t = useT();
  const rules = required
    ? [
        {
          validator: (_: unknown, value?: PickedPhoto[]) =>
            value && value.length > 0 ? Promise.resolve() : Promise.reject(new Error(t('cases.form.photosRequired'))),
        },
      ]
    : [];
  return (
    <Form.Item
      name="photos"
      label={t('cases.form.photos')}
      extra={t('cases.form.photosHint', { max: maxPhotos })}
      rules={rules}
      data-testid="action-field-photos"
    >
      <PhotoPicker uploads={uploads} />
    </Form.Item>
  );
}

/** 合并: the open cases of the same category nearby, any of which can be picked as the case this one joins. */
function NearbyCases({ detail, form }: { detail: CaseDetail & PlacedCase; form: FormInstance }) {
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

function PositionNote({ position }: { position: DevicePosition }) {
  const t = useT();
  if (position.status === 'off') return null;
  const text =
    position.status === 'locating'
      ? t('cases.form.positionLocating')
      : position.status === 'found'
        ? t('cases.form.positionFound', { accuracy: position.accuracyM })
        : t('cases.form.positionUnavailable');
  return (
    <Form.Item label={t('cases.form.position')}>
      <Typography.Text type={position.status === 'unavailable' ? 'warning' : 'secondary'} data-testid="verify-position">
        {text}
      </Typography.Text>
    </Form.Item>
  );
}

/** 立案 of a case reported without a township: the dispatcher sets it, from their own area down. */
function TownshipField() {
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

export interface ActionFieldsProps {
  action: ActionKey;
  detail: CaseDetail;
  form: FormInstance;
  departments: Department[];
  position: DevicePosition;
  /** Photos upload as they are picked (处理反馈 and 核查). */
  uploads?: PickerUploads;
}

/** The fields of one action's form. */
export function ActionFields({ action, detail, form, departments, position, uploads }: ActionFieldsProps) {
  const t = useT();
  const required = { required: true, message: t('cases.form.required') };
  switch (action) {
    case 'register':
      return (
        <>
          {isTownshipToAssign(detail) ? <TownshipField /> : null}
          <Form.Item name="priority" label={t('cases.form.priority')}>
            <Radio.Group
              options={(['normal', 'urgent'] as const).map((p) => ({ value: p, label: t(`cases.priority.${p}`) }))}
            />
          </Form.Item>
          <TextField name="note" label={t('cases.form.note')} />
        </>
      );
    case 'reject':
    case 'return':
    case 'suspension':
      return <TextField name="reason" label={t('cases.form.reason')} required />;
    case 'merge':
      return (
        <>
          <Form.Item
            name="duplicateOf"
            label={t('cases.form.duplicateOf')}
            rules={[required, { pattern: /^\d{4}-\d{8,12}$/, message: t('cases.form.caseNoFormat') }]}
          >
            <Input placeholder="2026-00000001" maxLength={17} data-testid="action-field-duplicateOf" />
          </Form.Item>
          {isPlaced(detail) ? <NearbyCases detail={detail} form={form} /> : null}
          <TextField name="note" label={t('cases.form.note')} />
        </>
      );
    case 'dispatch':
      return (
        <>
          <Form.Item name="department" label={t('cases.form.department')} rules={[required]}>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              options={departments.map((d) => ({ value: d.key, label: d.name }))}
              placeholder={t('cases.form.departmentPlaceholder')}
              data-testid="action-field-department"
            />
          </Form.Item>
          <TextField name="note" label={t('cases.form.note')} />
        </>
      );
    case 'feedback':
      return (
        <>
          <TextField name="result" label={t('cases.form.result')} required />
          <PhotosField required uploads={uploads} />
        </>
      );
    case 'verify':
      return (
        <>
          <Form.Item name="passed" label={t('cases.form.verifyResult')} rules={[required]}>
            <Radio.Group
              options={[
                { value: true, label: t('cases.form.passed') },
                { value: false, label: t('cases.form.failed') },
              ]}
              data-testid="action-field-passed"
            />
          </Form.Item>
          <TextField name="note" label={t('cases.form.note')} />
          <PhotosField required={false} uploads={uploads} />
          <PositionNote position={position} />
        </>
      );
    case 'extension':
      return (
        <>
          <Form.Item name="hours" label={t('cases.form.hours')} rules={[required]}>
            <InputNumber min={1} max={400} precision={0} style={{ width: '100%' }} data-testid="action-field-hours" />
          </Form.Item>
          <TextField name="reason" label={t('cases.form.reason')} required />
        </>
      );
    case 'decision':
      return (
        <>
          {detail.pendingRequest && (
            <Alert
              type="info"
              className="wm-dialog-notice"
              title={
                detail.pendingRequest.kind === 'extension'
                  ? t('cases.pending.extension', { hours: detail.pendingRequest.hours ?? 0 })
                  : t('cases.pending.suspension')
              }
              description={t('cases.pending.reason', {
                reason: detail.pendingRequest.reason,
                time: formatDateTime(detail.pendingRequest.requestedAt),
              })}
            />
          )}
          <Form.Item name="approved" label={t('cases.form.decision')} rules={[required]}>
            <Radio.Group
              options={[
                { value: true, label: t('cases.form.approve') },
                { value: false, label: t('cases.form.refuse') },
              ]}
              data-testid="action-field-approved"
            />
          </Form.Item>
          <TextField name="note" label={t('cases.form.note')} />
        </>
      );
    case 'escalate':
      return <TextField name="note" label={t('cases.form.escalateNote')} required />;
    case 'accept':
    case 'resume':
      return <TextField name="note" label={t('cases.form.note')} />;
  }
}
