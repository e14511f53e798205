import type { FormInstance } from 'antd';
import { useT } from '../../../../app/i18n/I18nProvider.tsx';
import type { CaseDetail, Department } from '../../casesApi.ts';
import { PhotosField, TextField } from './actionFieldParts.tsx';
import {
  DecisionFields,
  DispatchFields,
  ExtensionFields,
  MergeFields,
  RegisterFields,
  VerifyFields,
} from './ActionFieldSets.tsx';
import type { ActionKey } from './caseActionButtons.ts';
import { SendToVerifyFields, VerifyReportFields } from './VerifyReportFields.tsx';
import type { PickerUploads } from './PhotoPicker.tsx';
import type { DevicePosition } from './useDevicePosition.ts';

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
  switch (action) {
    case 'register':
      return <RegisterFields detail={detail} />;
    case 'reject':
    case 'return':
    case 'suspension':
      return <TextField name="reason" label={t('cases.form.reason')} required />;
    case 'sendToVerify':
      return <SendToVerifyFields detail={detail} />;
    case 'verifyReport':
      return <VerifyReportFields position={position} uploads={uploads} />;
    case 'merge':
      return <MergeFields detail={detail} form={form} />;
    case 'dispatch':
      return <DispatchFields detail={detail} departments={departments} />;
    case 'feedback':
      return (
        <>
          <TextField name="result" label={t('cases.form.result')} required />
          <PhotosField required uploads={uploads} />
        </>
      );
    case 'verify':
      return <VerifyFields position={position} uploads={uploads} />;
    case 'extension':
      return <ExtensionFields detail={detail} />;
    case 'decision':
      return <DecisionFields detail={detail} />;
    case 'escalate':
      return <TextField name="note" label={t('cases.form.escalateNote')} required />;
    case 'accept':
    case 'resume':
      return <TextField name="note" label={t('cases.form.note')} />;
  }
}
