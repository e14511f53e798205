import { DownloadButton } from '../../../../app/DownloadButton.tsx';
import { useT } from '../../../../app/i18n/I18nProvider.tsx';
import { evaluationApi, type Period } from './evaluationApi.ts';

/** The period's Excel file, every dimension one sheet (GET /api/cases/evaluation.xlsx, audited by the server). */
export function ExportEvaluationButton({ period }: { period: Period }) {
  const t = useT();
  return (
    <DownloadButton fetchFile={() => evaluationApi.export(period)} fallbackName="evaluation.xlsx" testId="eval-export">
      {t('cases.eval.export')}
    </DownloadButton>
  );
}
