import { Alert, type ButtonProps, Form, Modal, Progress, Typography } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../../../app/api.ts';
import { useAuth } from '../../../../app/auth/AuthProvider.tsx';
import { errorText } from '../../../../app/errorText.ts';
import { useLanguage, useT } from '../../../../app/i18n/I18nProvider.tsx';
import type { Translate } from '../../../../app/i18n/translate.ts';
import { languageTag } from '../../../../app/i18n/language.ts';
import type { CaseDetail, Department } from '../../casesApi.ts';
import { ActionFields } from './ActionFields.tsx';
import { type ActionKey, actionBody, actionSpecs, type PreparedPhoto, withoutBlanks } from './caseActionButtons.ts';
import type { PickedPhoto } from './PhotoPicker.tsx';
import { preparePhoto, UnreadablePhotoError } from './photoPrep.ts';
import { sendAction } from './sendAction.ts';
import { useDevicePosition } from './useDevicePosition.ts';

type Upload = { phase: 'preparing'; done: number; total: number } | { phase: 'uploading'; fraction: number };

/** 409 from a case action: someone moved the case first (stale revision) or its state no longer allows this. */
export function isCaseConflict(error: unknown): error is ApiError {
  return error instanceof ApiError && error.status === 409 && (error.code === 'stale_revision' || error.code === 'action_not_allowed');
}

/**
 * Puts the server's field messages next to the form's fields: `photos.3` goes to the photos field as
 * "photo 4: …", a field the form does not have (`status`, `_`) is returned for the alert above the form.
 */
export function placeFieldErrors(form: { setFields: (fields: { name: string; errors: string[] }[]) => void }, error: unknown, fields: readonly string[], t: Translate): string[] {
  if (!(error instanceof ApiError)) return [];
  const byField = new Map<string, string[]>();
  const elsewhere: string[] = [];
  for (const [name, message] of Object.entries(error.fields)) {
    const [head, index] = name.split('.');
    if (head === undefined || !fields.includes(head)) {
      elsewhere.push(message);
      continue;
    }
    const text = head === 'photos' && index !== undefined && /^\d+$/.test(index) ? t('cases.photos.fieldError', { n: Number(index) + 1, message }) : message;
    byField.set(head, [...(byField.get(head) ?? []), text]);
  }
  form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
  return elsewhere;
}

/** Field messages go to their fields; what is left (or a failure without fields) is said above the form. */
function failureMessages(form: Parameters<typeof placeFieldErrors>[0], error: unknown, fields: readonly string[], t: Translate): string[] {
  const elsewhere = placeFieldErrors(form, error, fields, t);
  if (elsewhere.length > 0) return elsewhere;
  const placed = error instanceof ApiError && Object.keys(error.fields).length > 0;
  return placed ? [] : [errorText(error, t)];
}

async function preparePhotos(picked: PickedPhoto[] | undefined, onStep: (done: number, total: number) => void): Promise<PreparedPhoto[]> {
  const photos: PreparedPhoto[] = [];
  for (const [index, photo] of (picked ?? []).entries()) {
    onStep(index, picked!.length);
    photos.push({ data: await preparePhoto(photo.file) });
  }
  return photos;
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

/** One action's form in a modal: sends it with the case's revision, shows progress for photos and errors in place. */
export function ActionDialog({ action, detail, departments, initialValues, onClose, onDone, onConflict }: ActionDialogProps) {
  const t = useT();
  const { language } = useLanguage();
  const { session } = useAuth();
  const [form] = Form.useForm();
  const [failure, setFailure] = useState<string[]>([]);
  const [upload, setUpload] = useState<Upload>();
  const [submitting, setSubmitting] = useState(false);
  const spec = actionSpecs[action];
  const position = useDevicePosition(action === 'verify');

  const csrfToken = session.status === 'signed-in' ? session.me.csrfToken : undefined;

  const send = async (values: Record<string, unknown>) => {
    const photos = await preparePhotos(values.photos as PickedPhoto[] | undefined, (done, total) => setUpload({ phase: 'preparing', done, total }));
    const fix = position.status === 'found' ? { lng: position.lng, lat: position.lat } : undefined;
    const body = withoutBlanks(actionBody(action, values, detail.revision, photos, fix));
    if (photos.length === 0) return sendAction(detail.caseNo, action, body);
    setUpload({ phase: 'uploading', fraction: 0 });
    return sendAction(detail.caseNo, action, body, { csrfToken, languageTag: languageTag(language), onProgress: (fraction) => setUpload({ phase: 'uploading', fraction }) });
  };

  const showError = (error: unknown) => {
    if (error instanceof UnreadablePhotoError) form.setFields([{ name: 'photos', errors: [t('cases.photos.unreadable', { name: error.fileName })] }]);
    else if (isCaseConflict(error)) onConflict(error);
    else setFailure(failureMessages(form, error, spec.fields, t));
  };

  const submit = async (values: Record<string, unknown>) => {
    setFailure([]);
    setSubmitting(true);
    try {
      onDone(await send(values));
    } catch (error) {
      showError(error);
    } finally {
      setUpload(undefined);
      setSubmitting(false);
    }
  };

  return (
    <Modal
      open
      title={t(`cases.action.${action}`)}
      okText={t(`cases.action.${action}`)}
      cancelText={t('app.cancel')}
      okButtonProps={{ danger: spec.danger, 'data-testid': 'action-submit' } as ButtonProps}
      confirmLoading={submitting}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      mask={{ closable: false }}
      data-testid={`action-dialog-${action}`}
    >
      {failure.length > 0 && <Alert type="error" showIcon title={failure.join(t('cases.listSeparator'))} className="wm-dialog-notice" role="alert" data-testid="action-failure" />}
      <Form form={form} layout="vertical" initialValues={initialValues} onFinish={(values) => submit(values)} data-testid="action-form">
        <ActionFields action={action} detail={detail} form={form} departments={departments} position={position} />
        <button type="submit" hidden aria-hidden="true" tabIndex={-1} />
      </Form>
      {upload && (
        <div data-testid="action-upload">
          <Typography.Text type="secondary">
            {upload.phase === 'preparing' ? t('cases.photos.preparing', { done: upload.done + 1, total: upload.total }) : t('cases.photos.uploading', { percent: Math.round(upload.fraction * 100) })}
          </Typography.Text>
          <Progress percent={upload.phase === 'preparing' ? Math.round((upload.done / upload.total) * 100) : Math.round(upload.fraction * 100)} status="active" size="small" />
        </div>
      )}
    </Modal>
  );
}
