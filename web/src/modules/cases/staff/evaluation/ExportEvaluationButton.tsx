import { DownloadOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useState } from 'react';
import { errorText } from '../../../../app/errorText.ts';
import { useT } from '../../../../app/i18n/I18nProvider.tsx';
import { saveFile } from '../../../../app/saveFile.ts';
import { evaluationApi, type Period } from './evaluationApi.ts';

/** The period's Excel file, every dimension one sheet (GET /api/cases/evaluation.xlsx, audited by the server). */
export function ExportEvaluationButton({ period }: { period: Period }) {
  const t = useT();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const download = async () => {
    setBusy(true);
    try {
      const file = await evaluationApi.export(period);
      saveFile(file.blob, file.filename ?? 'evaluation.xlsx');
    } catch (error) {
      message.error(errorText(error, t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button icon={<DownloadOutlined />} loading={busy} onClick={() => void download()} data-testid="eval-export">
      {t('cases.eval.export')}
    </Button>
  );
}
