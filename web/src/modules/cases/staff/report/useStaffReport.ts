import { useCallback, useRef, useState } from 'react';
import type { ResponseOf } from '../../../../api/types.ts';
import { ApiError } from '../../../../app/api.ts';
import { apiClient, dataOf } from '../../../../app/apiClient.ts';
import { newIdempotencyKey } from '../../citizen/submissionKey.ts';
import type { StaffReportBody } from './staffReportBody.ts';

export type StaffReported = ResponseOf<'/api/cases', 'post'>;

export type ReportSending =
  | { phase: 'idle' }
  | { phase: 'sending' }
  /** No answer (lost signal, timeout) or a server failure: "重试" sends the same draft under the same key. */
  | { phase: 'failed'; error: unknown }
  /** The key was used for another body: the first attempt may have been stored; the user checks 我的上报. */
  | { phase: 'maybeStored' }
  | { phase: 'done'; reported: StaffReported };

/** A report from a weak field signal may take a while; after this it counts as a lost connection. */
const reportTimeoutMs = 120_000;

async function postReport(body: StaffReportBody, key: string): Promise<StaffReported> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), reportTimeoutMs);
  try {
    return await dataOf(
      apiClient.POST('/api/cases', { body, headers: { 'Idempotency-Key': key }, signal: controller.signal }),
    );
  } catch (error) {
    if (controller.signal.aborted) throw ApiError.network();
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Sends a staff report with one Idempotency-Key per draft, kept across every retry: an answer lost on the way
 * back is fetched again by sending the same draft, and the server answers with the case it stored, never a
 * second one. A field error (400/409) leaves the key: nothing was stored under it, so the fixed draft may use it.
 * `reset` starts the next draft ("再报一件") with a new key.
 */
export function useStaffReport(onFieldErrors: (fields: Readonly<Record<string, string>>, error: ApiError) => void) {
  const [state, setState] = useState<ReportSending>({ phase: 'idle' });
  const key = useRef(newIdempotencyKey());

  const submit = useCallback(
    async (body: StaffReportBody) => {
      setState({ phase: 'sending' });
      try {
        setState({ phase: 'done', reported: await postReport(body, key.current) });
      } catch (error) {
        if (error instanceof ApiError && error.code === 'idempotency_key_reused') setState({ phase: 'maybeStored' });
        else if (error instanceof ApiError && Object.keys(error.fields).length > 0) {
          setState({ phase: 'idle' });
          onFieldErrors(error.fields, error);
        } else setState({ phase: 'failed', error });
      }
    },
    [onFieldErrors],
  );

  const reset = useCallback(() => {
    key.current = newIdempotencyKey();
    setState({ phase: 'idle' });
  }, []);

  return { state, submit, reset };
}
