import { Alert, type ButtonProps, Form, Modal } from 'antd';
import type { ApiError } from '../../../../app/api.ts';
import { useT } from '../../../../app/i18n/I18nProvider.tsx';
import type { CaseDetail, Department } from '../../casesApi.ts';
import { ActionFields } from './ActionFields.tsx';
import { type ActionKey, actionSpecs } from './caseActionButtons.ts';
import { useActionSubmission } from './useActionSubmission.ts';

export interface ActionDialogProps {
  action: ActionKey;
  detail: CaseDetail;
  departments: Department[];
  /** Which way the verify form starts (the 通过 / 不通过 buttons). */
  initialValues?: Record<string, unknown>;
  onClose: () => void;
  onDone: (updated: CaseDetail) => void;
  onConflict: (error: ApiError) => void;
}

/** One action's form in a modal: sends it with the case's revision (photos by their upload ids), errors in place. */
export function ActionDialog({
  action,
  detail,
  departments,
  initialValues,
  onClose,
  onDone,
  onConflict,
}: ActionDialogProps) {
  const t = useT();
  const [form] = Form.useForm();
  const { submit, failure, submitting, waiting, position, uploads } = useActionSubmission({
    action,
    detail,
    form,
    onDone,
    onConflict,
  });
  const spec = actionSpecs[action];

  return (
    <Modal
      open
      title={t(`cases.action.${action}`)}
      okText={t(`cases.action.${action}`)}
      cancelText={t('app.cancel')}
      okButtonProps={{ danger: spec.danger, 'data-testid': 'action-submit' } as ButtonProps}
      confirmLoading={submitting || waiting !== undefined}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      mask={{ closable: false }}
      data-testid={`action-dialog-${action}`}
    >
      {waiting && (
        <Alert
          type="info"
          showIcon
          title={t('cases.form.photosWaiting')}
          className="wm-dialog-notice"
          role="status"
          data-testid="action-waiting-photos"
        />
      )}
      {failure.length > 0 && (
        <Alert
          type="error"
          showIcon
          title={failure.join(t('cases.listSeparator'))}
          className="wm-dialog-notice"
          role="alert"
          data-testid="action-failure"
        />
      )}
      <Form
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onFinish={(values) => submit(values)}
        data-testid="action-form"
      >
        <ActionFields
          action={action}
          detail={detail}
          form={form}
          departments={departments}
          position={position}
          uploads={uploads}
        />
        <button type="submit" hidden aria-hidden="true" tabIndex={-1} />
      </Form>
    </Modal>
  );
}
