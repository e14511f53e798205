import { useCallback, useEffect, useState } from 'react';
import type { ResponseOf } from '../../api/types.ts';
import { ApiError } from '../api.ts';
import { apiClient, dataOf } from '../apiClient.ts';

export type Verification = ResponseOf<'/api/verify/{code}', 'get'>;

export type VerificationState =
  | { state: 'loading' }
  | { state: 'found'; verification: Verification }
  | { state: 'notFound' }
  | { state: 'failed'; error: unknown };

/** Looks a code up (GET /api/verify/{code}); an unknown or malformed code is "not found", not an error. */
export function useVerification(code: string): VerificationState & { retry: () => void } {
  const [result, setResult] = useState<VerificationState>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: retry() bumps `attempt` to look again.
  useEffect(() => {
    const controller = new AbortController();
    setResult({ state: 'loading' });
    dataOf(apiClient.GET('/api/verify/{code}', { params: { path: { code } }, signal: controller.signal }))
      .then((verification) => setResult({ state: 'found', verification }))
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        const notFound = error instanceof ApiError && (error.status === 404 || error.status === 400);
        setResult(notFound ? { state: 'notFound' } : { state: 'failed', error });
      });
    return () => controller.abort();
  }, [code, attempt]);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { ...result, retry };
}
