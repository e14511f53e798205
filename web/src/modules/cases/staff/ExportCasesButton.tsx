import { DownloadOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useState } from 'react';
import { errorText } from '../../../app/errorText.ts';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { saveFile } from '../../../app/saveFile.ts';
import { type CaseFilters, casesApi } from '../casesApi.ts';

/**
 * Excel of exactly the queue and filters on screen (GET /api/cases/export.xlsx). Fetched rather than linked
 * so a refusal shows the server's message instead of a page of JSON.
 */
export function ExportCasesButton({ filters }: { filters: CaseFilters }) {
  const t = useT();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);

  const download = async () => {
    setBusy(true);
    try {
      const file = await casesApi.export(filters);
      saveFile(file.blob, file.filename ?? 'cases.xlsx');
    } catch (error) {
      message.error(errorText(error, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Button icon={<DownloadOutlined />} loading={busy} onClick={() => void download()} data-testid="case-export">
      {t('cases.export')}
    </Button>
  );
}
