import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Space } from 'antd';
import { useState } from 'react';
import { errorText } from '../../app/errorText.ts';
import { useT } from '../../app/i18n/I18nProvider.tsx';
import { saveFile } from '../../app/saveFile.ts';
import { type AuditFilters, auditApi, type ExportFormat } from './auditApi.ts';

/** Exports exactly the filters of the results on screen (at most 50,000 rows; the export itself is audited). */
export function ExportButtons({ filters }: { filters: AuditFilters }) {
  const t = useT();
  const { message } = App.useApp();
  const [busy, setBusy] = useState<ExportFormat>();

  const download = async (format: ExportFormat) => {
    setBusy(format);
    try {
      const file = await auditApi.export(filters, format);
      saveFile(file.blob, file.filename ?? `audit.${format}`);
    } catch (error) {
      message.error(errorText(error, t));
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <Space wrap>
      {(['xlsx', 'csv'] as const).map((format) => (
        <Button
          key={format}
          icon={<DownloadOutlined />}
          loading={busy === format}
          disabled={busy !== undefined && busy !== format}
          onClick={() => void download(format)}
          data-testid={`audit-export-${format}`}
        >
          {t(`audit.export.${format}`)}
        </Button>
      ))}
    </Space>
  );
}
