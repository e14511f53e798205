import { Alert, type ButtonProps, Form, type FormInstance, Modal } from 'antd';
import { type ReactNode, useState } from 'react';
import { applyFieldErrors } from './api.ts';
import { errorText } from './errorText.ts';
import { useT } from './i18n/I18nProvider.tsx';

export interface FormDialogProps<Values> {
  open: boolean;
  title: string;
  okText: string;
  onCancel: () => void;
  /** Resolves when done (the caller closes the dialog); a rejection is shown in the dialog. */
  onSubmit: (values: Values) => Promise<void>;
  initialValues?: Partial<Values>;
  /** Shown above the fields: what this does, what to watch out for. */
  notice?: ReactNode;
  danger?: boolean;
  testId?: string;
  children: ReactNode | ((form: FormInstance<Values>) => ReactNode);
}

/**
 * A form in a modal: Enter or OK submits; the server's field messages appear under the fields and any other
 * failure above them. The form is rebuilt each time the dialog opens, so it always starts from `initialValues`.
 */
export function FormDialog<Values>({
  open,
  title,
  okText,
  onCancel,
  onSubmit,
  initialValues,
  notice,
  danger,
  testId,
  children,
}: FormDialogProps<Values>) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const [submitting, setSubmitting] = useState(false);
  const [failure, setFailure] = useState<string>();

  const submit = async (values: Values) => {
    setSubmitting(true);
    setFailure(undefined);
    try {
      await onSubmit(values);
    } catch (error) {
      if (!applyFieldErrors(form, error)) setFailure(errorText(error, t));
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Modal
      open={open}
      title={title}
      okText={okText}
      cancelText={t('app.cancel')}
      okButtonProps={{ danger, ...(testId ? { 'data-testid': `${testId}-ok` } : {}) } as ButtonProps}
      confirmLoading={submitting}
      onOk={() => form.submit()}
      onCancel={() => {
        setFailure(undefined);
        onCancel();
      }}
      afterClose={() => setFailure(undefined)}
      destroyOnHidden
      data-testid={testId}
    >
      {notice && <div className="wm-dialog-notice">{notice}</div>}
      {failure && <Alert type="error" showIcon title={failure} className="wm-dialog-notice" role="alert" />}
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onFinish={submit}
        data-testid={testId ? `${testId}-form` : undefined}
      >
        {typeof children === 'function' ? children(form) : children}
        {/* A hidden submit button lets Enter in a single-line field submit the form. */}
        <button type="submit" hidden aria-hidden="true" tabIndex={-1} />
      </Form>
    </Modal>
  );
}
