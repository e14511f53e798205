import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Progress, Typography, Upload } from 'antd';
import { useT } from '../i18n/I18nProvider.tsx';
import type { ImportPageState } from './useImportPage.ts';

/** Step 1: the template to fill in, and the filled-in file to upload (with a progress bar while it goes). */
export function ImportUploadCard({ page }: { page: ImportPageState }) {
  const t = useT();
  const maxMb = Math.round((page.info.data?.maxBytes ?? 0) / 1024 / 1024);
  const uploading = page.progress !== undefined;
  return (
    <Card title={t('imports.step.upload')} data-testid="import-upload">
      <Flex vertical gap={12}>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('imports.uploadHint', { maxMb })}
        </Typography.Paragraph>
        <Flex gap={8} wrap>
          <Button icon={<DownloadOutlined />} onClick={() => void page.template()} data-testid="import-template">
            {t('imports.template')}
          </Button>
          <Upload
            accept=".xlsx,.csv"
            showUploadList={false}
            disabled={uploading}
            beforeUpload={(file) => {
              void page.upload(file);
              return false;
            }}
          >
            <Button type="primary" icon={<UploadOutlined />} loading={uploading} data-testid="import-choose">
              {t('imports.choose')}
            </Button>
          </Upload>
        </Flex>
        {uploading && (
          <Progress percent={Math.round((page.progress ?? 0) * 100)} data-testid="import-upload-progress" />
        )}
        {page.uploadError && (
          <Alert type="error" showIcon message={page.uploadError} data-testid="import-upload-error" />
        )}
      </Flex>
    </Card>
  );
}
