import type { FormInstance } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { ApiError } from '../../../app/api.ts';
import { errorText } from '../../../app/errorText.ts';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { citizenApi, type Tracking } from './citizenApi.ts';
import { findMyReport, type MyReport, readMyReports, saveMyReport } from './myReports.ts';

export interface Lookup {
  caseNo: string;
  token: string;
}

/** Server field names → this form's: the code travels as the `x-case-token` header. */
const formFieldOf: Record<string, keyof Lookup> = { 'x-case-token': 'token', caseNo: 'caseNo' };

/**
 * Opening a case by its number and code: the case shown, this phone's reports (我的举报, remembered on success),
 * and the address following the case. A wrong number or code lands on the form's field.
 */
export function useTracking(form: FormInstance<Lookup>) {
  const t = useT();
  const navigate = useNavigate();
  const { caseNo: routeCaseNo } = useParams();
  const [mine, setMine] = useState<MyReport[]>(readMyReports);
  const [shown, setShown] = useState<{ tracking: Tracking; token: string }>();
  const [loading, setLoading] = useState(false);
  const [failure, setFailure] = useState<string>();

  const refused = useCallback(
    (error: unknown, lookup: Lookup) => {
      setShown(undefined);
      form.setFieldsValue(lookup);
      const fields =
        error instanceof ApiError ? Object.entries(error.fields).filter(([name]) => name in formFieldOf) : [];
      if (fields.length > 0)
        form.setFields(fields.map(([name, message]) => ({ name: formFieldOf[name] ?? 'token', errors: [message] })));
      else setFailure(errorText(error, t));
    },
    [form, t],
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
    [navigate, routeCaseNo, refused],
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
      form.setFieldsValue({ caseNo: routeCaseNo });
      return;
    }
    const controller = new AbortController();
    void open({ caseNo: saved.caseNo, token: saved.token }, controller.signal);
    return () => controller.abort();
  }, [routeCaseNo]);

  return { mine, shown, setShown, loading, failure, open };
}
