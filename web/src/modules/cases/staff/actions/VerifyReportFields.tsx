import { Form, Input, Radio } from 'antd';
import { useT } from '../../../../app/i18n/I18nProvider.tsx';
import { type CaseDetail, isTownshipToAssign } from '../../casesApi.ts';
import { PhotosField, PositionNote, TextField, TownshipField } from './actionFieldParts.tsx';
import type { PickerUploads } from './PhotoPicker.tsx';
import type { DevicePosition } from './useDevicePosition.ts';

/** 送核实: the township when the report came without one (its inspectors do the check), what to look at. */
export function SendToVerifyFields({ detail }: { detail: CaseDetail }) {
  const t = useT();
  return (
    <>
      {isTownshipToAssign(detail) ? <TownshipField /> : null}
      <TextField name="note" label={t('cases.form.sendToVerifyNote')} />
    </>
  );
}

/**
 * 现场核实: 属实 or 不属实, what was found (required when not confirmed: the reporter reads it), photos of the
 * spot and where the inspector stands.
 */
export function VerifyReportFields({ position, uploads }: { position: DevicePosition; uploads?: PickerUploads }) {
  const t = useT();
  return (
    <>
      <Form.Item
        name="confirmed"
        label={t('cases.form.verifyReportResult')}
        rules={[{ required: true, message: t('cases.form.required') }]}
      >
        <Radio.Group
          options={[
            { value: true, label: t('cases.form.confirmed') },
            { value: false, label: t('cases.form.refuted') },
          ]}
          data-testid="action-field-confirmed"
        />
      </Form.Item>
      <Form.Item noStyle dependencies={['confirmed']}>
        {({ getFieldValue }) => (
          <Form.Item
            name="note"
            label={t('cases.form.finding')}
            rules={
              getFieldValue('confirmed') === false
                ? [{ required: true, whitespace: true, message: t('cases.form.findingRequired') }]
                : []
            }
          >
            <Input.TextArea rows={3} maxLength={500} showCount data-testid="action-field-note" />
          </Form.Item>
        )}
      </Form.Item>
      <PhotosField
        required
        uploads={uploads}
        wording={{ label: t('cases.form.verifyReportPhotos'), required: t('cases.form.verifyReportPhotosRequired') }}
      />
      <PositionNote
        position={position}
        wording={{
          label: t('cases.form.verifyReportPosition'),
          found: (accuracy) => t('cases.form.verifyReportPositionFound', { accuracy }),
        }}
      />
    </>
  );
}
