import { useCallback, useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { ApiError } from '../../../app/api.ts';
import { errorText } from '../../../app/errorText.ts';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { citizenApi, type Tracking } from './citizenApi.ts';
import { focusFirstInvalid } from './focusFirstInvalid.ts';
import { type Lookup, type LookupErrors, lookupProblems, trimmedLookup } from './lookupCheck.ts';
import { findMyReport, type MyReport, readMyReports, saveMyReport } from './myReports.ts';

/** Server field names → this form's: the code travels as the `x-case-token` header. */
const formFieldOf: Record<string, keyof Lookup> = { 'x-case-token': 'token', caseNo: 'caseNo' };

const emptyLookup: Lookup = { caseNo: '', token: '' };

/** The tracking form's values and messages: each field's own, and one for the form when no field is to blame. */
function useLookupForm() {
  const [lookup, setLookup] = useState<Lookup>(emptyLookup);
  const [errors, setErrors] = useState<LookupErrors>({});
  const [failure, setFailure] = useState<string>();
  const change = useCallback((field: keyof Lookup, value: string) => {
    setLookup((current) => ({ ...current, [field]: value }));
    setErrors((current) => ({ ...current, [field]: undefined }));
  }, []);
  const reset = useCallback(() => {
    setLookup(emptyLookup);
    setErrors({});
    setFailure(undefined);
  }, []);
  return { lookup, setLookup, errors, setErrors, failure, setFailure, change, reset };
}

/**
 * Opening a case by its number and code: the case shown, this phone's reports (我的举报, remembered on success),
 * and the address following the case. A wrong number or code lands on the form's field, focused.
 */
export function useTracking() {
  const t = useT();
  const navigate = useNavigate();
  const { caseNo: routeCaseNo } = useParams();
  const form = useLookupForm();
  const { setLookup, setErrors, setFailure } = form;
  const [mine, setMine] = useState<MyReport[]>(readMyReports);
  const [shown, setShown] = useState<{ tracking: Tracking; token: string }>();
  const [loading, setLoading] = useState(false);

  const refused = useCallback(
    (error: unknown, lookup: Lookup) => {
      setShown(undefined);
      setLookup(lookup);
      const fields =
        error instanceof ApiError ? Object.entries(error.fields).filter(([name]) => name in formFieldOf) : [];
      if (fields.length === 0) return setFailure(errorText(error, t));
      setErrors(Object.fromEntries(fields.map(([name, message]) => [formFieldOf[name] ?? 'token', message])));
      focusFirstInvalid();
    },
    [setLookup, setErrors, setFailure, t],
  );

  const open = useCallback(
    async ({ caseNo, token }: Lookup, signal?: AbortSignal) => {
      setLoading(true);
      setFailure(undefined);
      try {
        const tracking = await citizenApi.track(caseNo, token, signal);
        setShown({ tracking, token });
        const savedAt = new Date().toISOString();
        setMine(saveMyReport({ caseNo: tracking.caseNo, token, category: tracking.categoryName, savedAt }));
        if (routeCaseNo !== tracking.caseNo)
          navigate(`/track/${encodeURIComponent(tracking.caseNo)}`, { replace: true });
      } catch (error) {
        if (signal?.aborted) return;
        refused(error, { caseNo, token });
      } finally {
        if (!signal?.aborted) setLoading(false);
      }
    },
    [navigate, routeCaseNo, refused, setFailure],
  );

  /** 查询: the typed number and code, checked for shape first; a field that is off is said and focused. */
  const submit = useCallback(
    (typed: Lookup) => {
      const lookup = trimmedLookup(typed);
      const problems = Object.entries(lookupProblems(lookup));
      if (problems.length === 0) return void open(lookup);
      setErrors(Object.fromEntries(problems.map(([field, key]) => [field, t(key)])));
      focusFirstInvalid();
    },
    [open, setErrors, t],
  );

  // Arriving at /track/:caseNo (from the result page, a bookmark): open it if this phone has its code.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the address changes, not when `open` is recreated.
  useEffect(() => {
    if (!routeCaseNo) {
      setShown(undefined);
      return;
    }
    if (shown?.tracking.caseNo === routeCaseNo) return;
    const saved = findMyReport(routeCaseNo);
    if (!saved) {
      setLookup((current) => ({ ...current, caseNo: routeCaseNo }));
      return;
    }
    const controller = new AbortController();
    void open({ caseNo: saved.caseNo, token: saved.token }, controller.signal);
    return () => controller.abort();
  }, [routeCaseNo]);

  return { mine, shown, setShown, loading, open, submit, form };
}
