import { useT } from '../../../../app/i18n/I18nProvider.tsx';
import { rememberCode } from './recentCategories.ts';
import type { ReportProblems } from './reportProblems.ts';
import type { StaffReportBody } from './staffReportBody.ts';
import type { ReportDraft } from './useReportDraft.ts';

/**
 * The send both staff forms share: the form's own checks first (each problem at its field), then the photos'
 * upload ids (one still uploading or failed holds the send back), then the category remembered for the next
 * report and the body sent under the draft's key.
 */
export function useSendReport(
  report: ReportDraft,
  problemsOf: () => ReportProblems,
  bodyOf: (uploadIds: string[]) => StaffReportBody,
): () => void {
  const t = useT();
  return () => {
    const problems = problemsOf();
    if (Object.keys(problems).length > 0) return report.setErrors(problems);
    const ids = report.photoIds();
    if ('problem' in ids) return report.setErrors({ photos: t(ids.problem) });
    if (report.draft.categoryCode) rememberCode(report.draft.categoryCode);
    void report.sending.submit(bodyOf(ids.ids));
  };
}
