import { Route, Routes } from 'react-router-dom';
import { NotFoundPage } from '../../app/NotFoundPage.tsx';
import { CaseMapPage } from './staff/map/CaseMapPage.tsx';
import { CasePage } from './staff/CasePage.tsx';
import { CasesLanding, EvaluationRoute } from './staff/evaluation/evaluationEntry.tsx';
import { StaffReportPage } from './staff/report/StaffReportPage.tsx';
import { CaseSettingsPage } from './staff/settings/CaseSettingsPage.tsx';
import './staff/cases.css';

/**
 * 市容案件, the staff side: `/m/cases` the work queues and list (综合评价 for the campaign office),
 * `/m/cases/evaluation` 综合评价, `/m/cases/map` the same filter on the map,
 * `/m/cases/:caseNo` one case with its timeline and actions.
 */
export default function CasesModule() {
  return (
    <Routes>
      <Route index element={<CasesLanding />} />
      <Route path="evaluation" element={<EvaluationRoute />} />
      <Route path="map" element={<CaseMapPage />} />
      <Route path="report" element={<StaffReportPage />} />
      <Route path="settings" element={<CaseSettingsPage />} />
      <Route path=":caseNo" element={<CasePage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
