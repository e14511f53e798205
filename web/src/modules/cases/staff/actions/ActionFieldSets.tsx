import { Alert, Form, type FormInstance, Input, InputNumber, Radio, Select } from 'antd';
import { formatDateTime } from '../../../../app/format.ts';
import { useT } from '../../../../app/i18n/I18nProvider.tsx';
import { type CaseDetail, type Department, isPlaced, isTownshipToAssign } from '../../casesApi.ts';
import { NearbyCases, PhotosField, PositionNote, TextField, TownshipField } from './actionFieldParts.tsx';
import type { PickerUploads } from './PhotoPicker.tsx';
import type { DevicePosition } from './useDevicePosition.ts';

/** The forms of the actions that ask more than a note or a reason, one component each. */

function useRequired() {
  const t = useT();
  return { required: true, message: t('cases.form.required') };
}

/** 立案: the township when the report came without one (待定乡镇), the priority, a note. */
export function RegisterFields({ detail }: { detail: CaseDetail }) {
  const t = useT();
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
}

/** 合并: the case this one joins, typed or picked from the open ones nearby. */
export function MergeFields({ detail, form }: { detail: CaseDetail; form: FormInstance }) {
  const t = useT();
  const required = useRequired();
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
}

/**
 * 派遣: the department, preselected with the one the routing rules suggest for this category and place (when it
 * is still an active department), said to be the rule's suggestion, and changeable.
 */
export function DispatchFields({ detail, departments }: { detail: CaseDetail; departments: Department[] }) {
  const t = useT();
  const required = useRequired();
  const suggested = departments.find((d) => d.key === detail.suggestedDepartment);
  return (
    <>
      <Form.Item
        name="department"
        label={t('cases.form.department')}
        rules={[required]}
        initialValue={suggested?.key}
        extra={suggested ? t('cases.form.departmentSuggested', { name: suggested.name }) : undefined}
      >
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
}

/** 核查: passed or not, a note, optional photos, and where the verifier stands. */
export function VerifyFields({ position, uploads }: { position: DevicePosition; uploads?: PickerUploads }) {
  const t = useT();
  const required = useRequired();
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
}

/**
 * 申请延期: the hours, up to the county's limit as the case reports it (the value the server checks), refused
 * here in the user's words rather than clamped silently.
 */
export function ExtensionFields({ detail }: { detail: CaseDetail }) {
  const t = useT();
  const required = useRequired();
  const max = detail.limits.maxExtensionHours;
  return (
    <>
      <Form.Item
        name="hours"
        label={t('cases.form.hours')}
        extra={t('cases.form.hoursHint', { max })}
        rules={[required, { type: 'number', max, message: t('cases.form.hoursTooMany', { max }) }]}
      >
        <InputNumber min={1} precision={0} style={{ width: '100%' }} data-testid="action-field-hours" />
      </Form.Item>
      <TextField name="reason" label={t('cases.form.reason')} required />
    </>
  );
}

/** 审批: the request waiting (extension hours or suspension, its reason and time), approve or refuse. */
export function DecisionFields({ detail }: { detail: CaseDetail }) {
  const t = useT();
  const required = useRequired();
  const pending = detail.pendingRequest;
  return (
    <>
      {pending && (
        <Alert
          type="info"
          className="wm-dialog-notice"
          title={
            pending.kind === 'extension'
              ? t('cases.pending.extension', { hours: pending.hours ?? 0 })
              : t('cases.pending.suspension')
          }
          description={t('cases.pending.reason', { reason: pending.reason, time: formatDateTime(pending.requestedAt) })}
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
}
