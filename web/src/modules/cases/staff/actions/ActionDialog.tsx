import { Alert, type ButtonProps, Form, Modal } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { ApiError } from '../../../../app/api.ts';
import { errorText } from '../../../../app/errorText.ts';
import { useT } from '../../../../app/i18n/I18nProvider.tsx';
import type { Translate } from '../../../../app/i18n/translate.ts';
import { type CaseDetail, casesApi, type Department } from '../../casesApi.ts';
import { ActionFields } from './ActionFields.tsx';
import { type ActionKey, actionBody, actionSpecs, withoutBlanks } from './caseActionButtons.ts';
import type { PickedPhoto } from './PhotoPicker.tsx';
import { useActionPhotos } from './useActionPhotos.ts';
import { useDevicePosition } from './useDevicePosition.ts';

/** 409 from a case action: someone moved the case first (stale revision) or its state no longer allows this. */
export function isCaseConflict(error: unknown): error is ApiError {
  return (
    error instanceof ApiError &&
    error.status === 409 &&
    (error.code === 'stale_revision' || error.code === 'action_not_allowed')
  );
}

/**
 * Puts the server's field messages next to the form's fields: `photos.3` goes to the photos field as
 * "photo 4: …", a field the form does not have (`status`, `_`) is returned for the alert above the form.
 */
export function placeFieldErrors(
  form: { setFields: (fields: { name: string; errors: string[] }[]) => void },
  error: unknown,
  fields: readonly string[],
  t: Translate,
): string[] {
  if (!(error instanceof ApiError)) return [];
  const byField = new Map<string, string[]>();
  const elsewhere: string[] = [];
  for (const [name, message] of Object.entries(error.fields)) {
    const [head, index] = name.split('.');
    if (head === undefined || !fields.includes(head)) {
      elsewhere.push(message);
      continue;
    }
    const text =
      head === 'photos' && index !== undefined && /^\d+$/.test(index)
        ? t('cases.photos.fieldError', { n: Number(index) + 1, message })
        : message;
    byField.set(head, [...(byField.get(head) ?? []), text]);
  }
  form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
  return elsewhere;
}

/** Field messages go to their fields; what is left (or a failure without fields) is said above the form. */
function failureMessages(
  form: Parameters<typeof placeFieldErrors>[0],
  error: unknown,
  fields: readonly string[],
  t: Translate,
): string[] {
  const elsewhere = placeFieldErrors(form, error, fields, t);
  if (elsewhere.length > 0) return elsewhere;
  const placed = error instanceof ApiError && Object.keys(error.fields).length > 0;
  return placed ? [] : [errorText(error, t)];
}

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
  const [failure, setFailure] = useState<string[]>([]);
  const [submitting, setSubmitting] = useState(false);
  const spec = actionSpecs[action];
  const position = useDevicePosition(action === 'verify');
  const photos = useActionPhotos();
  /** Pressed while photos were still on their way: sent as soon as they are all up. */
  const [waiting, setWaiting] = useState<Record<string, unknown>>();

  const send = (values: Record<string, unknown>, uploadIds: readonly string[]) => {
    const fix = position.status === 'found' ? { lng: position.lng, lat: position.lat } : undefined;
    const body = withoutBlanks(
      actionBody(
        action,
        values,
        detail.revision,
        uploadIds.map((uploadId) => ({ uploadId })),
        fix,
      ),
    );
    return casesApi.act(detail.caseNo, action, body);
  };

  const showError = (error: unknown, picked: readonly PickedPhoto[]) => {
    if (isCaseConflict(error)) return onConflict(error);
    // A photo refused by its upload id has expired or was used: it must be uploaded again.
    if (error instanceof ApiError) {
      for (const [field, message] of Object.entries(error.fields)) {
        const index = /^photos\.(\d+)$/.exec(field)?.[1];
        const photo = index === undefined ? undefined : picked[Number(index)];
        if (photo) photos.markGone(photo.id, message);
      }
    }
    setFailure(failureMessages(form, error, spec.fields, t));
  };

  const submit = async (values: Record<string, unknown>) => {
    const picked = (values.photos as PickedPhoto[] | undefined) ?? [];
    setFailure([]);
    const ready = photos.idsFor(picked);
    if ('pending' in ready) return setWaiting(values);
    setWaiting(undefined);
    if ('problem' in ready) return form.setFields([{ name: 'photos', errors: [t(ready.problem)] }]);
    setSubmitting(true);
    try {
      onDone(await send(values, ready.ids));
    } catch (error) {
      showError(error, picked);
    } finally {
      setSubmitting(false);
    }
  };

  // Each change in the uploads looks again at a form that is waiting for its photos.
  const latestSubmit = useRef(submit);
  latestSubmit.current = submit;
  useEffect(() => {
    if (waiting && photos.items) void latestSubmit.current(waiting);
  }, [waiting, photos.items]);

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
          uploads={photos.picker}
        />
        <button type="submit" hidden aria-hidden="true" tabIndex={-1} />
      </Form>
    </Modal>
  );
}
