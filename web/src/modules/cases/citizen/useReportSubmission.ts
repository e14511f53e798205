import { useCallback, useRef, useState } from 'react';
import { ApiError } from '../../../app/api.ts';
import { citizenApi, type NearbyCase, type ReportBody, type Reported } from './citizenApi.ts';
import { submissionKeys } from './submissionKey.ts';

export type Sending =
  | { phase: 'idle' }
  | { phase: 'checking' }
  | { phase: 'nearby'; radiusM: number; items: NearbyCase[] }
  | { phase: 'sending'; photos: number }
  | { phase: 'failed'; error: unknown; canRetry: boolean }
  | { phase: 'done'; reported: Reported };

interface Callbacks {
  /** The server named fields to fix (`photos.1`, `lng`, `areaM2`…): the form shows them at their steps. */
  onFieldErrors: (fields: Readonly<Record<string, string>>) => void;
  onReported: (reported: Reported) => void;
}

/** Worth sending the very same request again: it never arrived, timed out, or the server failed. */
function canRetry(error: unknown): boolean {
  return !(error instanceof ApiError) || error.status === 0 || error.status >= 500;
}

/**
 * Sending a report: first the nearby check (advice only: when it fails the report still goes), then the POST
 * with an Idempotency-Key that stays the same for the same body, so "重试" after a lost answer stores it once.
 */
export function useReportSubmission({ onFieldErrors, onReported }: Callbacks) {
  const [state, setState] = useState<Sending>({ phase: 'idle' });
  const keys = useRef(submissionKeys());
  const pending = useRef<ReportBody>(undefined);

  const send = useCallback(
    async (body: ReportBody) => {
      pending.current = body;
      const key = keys.current.keyFor(body);
      setState({ phase: 'sending', photos: body.photos.length });
      try {
        const reported = await citizenApi.report(body, key);
        setState({ phase: 'done', reported });
        onReported(reported);
      } catch (error) {
        if (error instanceof ApiError && error.status !== 0 && Object.keys(error.fields).length > 0) {
          setState({ phase: 'idle' });
          onFieldErrors(error.fields);
        } else {
          setState({ phase: 'failed', error, canRetry: canRetry(error) });
        }
      }
    },
    [onFieldErrors, onReported],
  );

  const submit = useCallback(
    async (body: ReportBody) => {
      pending.current = body;
      const { lng, lat } = body;
      // Without a point there is nothing to measure nearby from: the intake staff look for duplicates instead.
      if (lng === undefined || lat === undefined) return send(body);
      setState({ phase: 'checking' });
      const nearby = await citizenApi.nearby({ categoryCode: body.categoryCode, lng, lat }).catch(() => undefined);
      if (nearby && nearby.items.length > 0)
        setState({ phase: 'nearby', radiusM: nearby.radiusM, items: nearby.items });
      else await send(body);
    },
    [send],
  );

  /** "仍然举报" after the nearby notice, and "重试" after a failure: the same body, hence the same key. */
  const sendPending = useCallback(async () => {
    if (pending.current) await send(pending.current);
  }, [send]);

  const cancel = useCallback(() => setState({ phase: 'idle' }), []);

  return { state, submit, sendPending, cancel };
}
