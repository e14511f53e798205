import { DownloadButton } from '../../../app/DownloadButton.tsx';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { type CaseFilters, casesApi } from '../casesApi.ts';

/** Excel of exactly the queue and filters on screen (GET /api/cases/export.xlsx). */
export function ExportCasesButton({ filters }: { filters: CaseFilters }) {
  const t = useT();
  return (
    <DownloadButton fetchFile={() => casesApi.export(filters)} fallbackName="cases.xlsx" testId="case-export">
      {t('cases.export')}
    </DownloadButton>
  );
}
