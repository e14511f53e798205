import type { FormInstance } from 'antd';
import { useRef, useState } from 'react';
import { ApiError } from '../../../app/api.ts';
import { errorText } from '../../../app/errorText.ts';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { type Merchant, merchantsApi } from '../merchantsApi.ts';
import { newSubmissionKey } from './submissionKey.ts';
import {
  isStaleRevision,
  type MerchantFormValues,
  merchantBodyOf,
  merchantEditBodyOf,
  placeFieldErrors,
} from './merchantForm.ts';

export type SubmitProblem =
  /** Messages for the alert above the form: fields it does not have, or a failure without fields. */
  | { kind: 'failed'; messages: string[] }
  /** The key was used for another body: the first attempt may have been registered; the person looks it up. */
  | { kind: 'maybeStored' }
  /** 409 on an edit: someone saved the merchant since the form read it; the form reloads before anything else. */
  | { kind: 'stale'; message: string };

/**
 * Sends the form: a registration with one Idempotency-Key per draft, kept across every retry (an answer lost on
 * the way back is fetched again by sending again, and the server answers with the merchant it registered, never a
 * second one; a refused send stored nothing, so the corrected draft may use the same key); an edit with the
 * revision it read. Field messages go to their fields, the rest above the form.
 */
export function useMerchantSubmit(form: FormInstance<MerchantFormValues>, editing: Merchant | undefined) {
  const t = useT();
  const key = useRef(newSubmissionKey());
  const [submitting, setSubmitting] = useState(false);
  const [problem, setProblem] = useState<SubmitProblem>();

  const send = (values: MerchantFormValues): Promise<Merchant> =>
    editing
      ? merchantsApi.edit(editing.id, merchantEditBodyOf(values, editing))
      : merchantsApi.register(merchantBodyOf(values), key.current);

  const submit = async (values: MerchantFormValues): Promise<Merchant | undefined> => {
    setSubmitting(true);
    setProblem(undefined);
    try {
      return await send(values);
    } catch (error) {
      setProblem(problemOf(error));
      return undefined;
    } finally {
      setSubmitting(false);
    }
  };

  const problemOf = (error: unknown): SubmitProblem => {
    if (isStaleRevision(error)) return { kind: 'stale', message: error.message || t('merchants.form.stale') };
    if (error instanceof ApiError && error.code === 'idempotency_key_reused') return { kind: 'maybeStored' };
    const elsewhere = placeFieldErrors(form, error);
    if (elsewhere.length > 0) return { kind: 'failed', messages: elsewhere };
    // Every message at its field says it all; a failure without fields is said above the form.
    const atFields = error instanceof ApiError && Object.keys(error.fields).length > 0;
    return { kind: 'failed', messages: atFields ? [] : [errorText(error, t)] };
  };

  return { submit, submitting, problem };
}
