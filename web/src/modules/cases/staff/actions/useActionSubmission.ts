import type { FormInstance } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { ApiError } from '../../../../app/api.ts';
import { useT } from '../../../../app/i18n/I18nProvider.tsx';
import { type CaseDetail, casesApi } from '../../casesApi.ts';
import { failureMessages, isCaseConflict } from './actionErrors.ts';
import { type ActionKey, actionBody, actionSpecs, withoutBlanks } from './caseActionButtons.ts';
import type { PickedPhoto } from './PhotoPicker.tsx';
import { useActionPhotos } from './useActionPhotos.ts';
import { useDevicePosition } from './useDevicePosition.ts';

interface Options {
  action: ActionKey;
  detail: CaseDetail;
  form: FormInstance;
  onDone: (updated: CaseDetail) => void;
  onConflict: (error: ApiError) => void;
}

/**
 * Sending one action: with the case's revision, the photos by their upload ids (waiting for those still on their
 * way), the verifier's position; a conflict goes to the page, field messages to their fields, the rest above.
 */
export function useActionSubmission({ action, detail, form, onDone, onConflict }: Options) {
  const t = useT();
  const [failure, setFailure] = useState<string[]>([]);
  const [submitting, setSubmitting] = useState(false);
  const position = useDevicePosition(action === 'verify' || action === 'verifyReport');
  const photos = useActionPhotos();
  /** Pressed while photos were still on their way: sent as soon as they are all up. */
  const [waiting, setWaiting] = useState<Record<string, unknown>>();

  const send = (values: Record<string, unknown>, uploadIds: readonly string[]) => {
    const fix = position.status === 'found' ? { lng: position.lng, lat: position.lat } : undefined;
    const photosOf = uploadIds.map((uploadId) => ({ uploadId }));
    const body = withoutBlanks(actionBody(action, values, detail.revision, photosOf, fix));
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
    setFailure(failureMessages(form, error, actionSpecs[action].fields, t));
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

  return { submit, failure, submitting, waiting, position, uploads: photos.picker };
}
