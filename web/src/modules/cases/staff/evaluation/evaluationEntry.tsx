import { lazy } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { useCan } from '../../../../app/auth/permissions.ts';
import { CaseQueuesPage } from '../CaseQueuesPage.tsx';

/** `/m/cases/evaluation`, loaded when opened (its charts later still). */
export const EvaluationRoute = lazy(() => import('./EvaluationPage.tsx'));

/**
 * The module's landing. Whoever evaluates without working a queue of their own — the campaign office
 * (创文办, role coordinator) — opens on 综合评价; everyone else on the work queues. A link that names a tab
 * (`?tab=all`, the evaluation page's "案件列表") always opens the list.
 */
export function CasesLanding() {
  const can = useCan();
  const { search } = useLocation();
  const evaluates = can('cases.evaluate') && !can('cases.register', 'cases.dispatch', 'cases.handle', 'cases.verify');
  if (evaluates && search === '') return <Navigate to="evaluation" replace />;
  return <CaseQueuesPage />;
}
