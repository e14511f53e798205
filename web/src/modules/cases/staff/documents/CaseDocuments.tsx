import { FilePdfOutlined, FileWordOutlined } from '@ant-design/icons';
import { Button, Flex, Skeleton, Space, Typography } from 'antd';
import { useT } from '../../../../app/i18n/I18nProvider.tsx';
import { LoadFailure } from '../../../../app/LoadFailure.tsx';
import { type DocumentFormat, type DocumentKindSlug, documentFormats } from './printables.ts';
import { IssuedDocuments } from './IssuedDocuments.tsx';
import { useCaseDocuments } from './useCaseDocuments.ts';

function PrintButtons({
  kind,
  label,
  disabled,
  printing,
  onPrint,
}: {
  kind: DocumentKindSlug;
  label: string;
  disabled?: boolean;
  printing: string | undefined;
  onPrint: (kind: DocumentKindSlug, format: DocumentFormat) => void;
}) {
  const t = useT();
  return (
    <Space wrap>
      <Typography.Text strong>{label}</Typography.Text>
      {documentFormats.map((format) => (
        <Button
          key={format}
          icon={format === 'pdf' ? <FilePdfOutlined /> : <FileWordOutlined />}
          disabled={disabled}
          loading={printing === `${kind}.${format}`}
          onClick={() => onPrint(kind, format)}
          data-testid={`print-${kind}-${format}`}
        >
          {t(format === 'pdf' ? 'cases.documents.pdf' : 'cases.documents.docx')}
        </Button>
      ))}
    </Space>
  );
}

/** 文书: print the case file and the rectification notice (PDF or Word), and the documents issued so far. */
export function CaseDocuments({ caseNo, dispatched }: { caseNo: string; dispatched: boolean }) {
  const t = useT();
  const { issued, printing, print, revoke } = useCaseDocuments(caseNo);
  const onPrint = (kind: DocumentKindSlug, format: DocumentFormat) => void print(kind, format);
  return (
    <Flex vertical gap={12} data-testid="case-documents">
      <Typography.Text type="secondary">{t('cases.documents.intro')}</Typography.Text>
      <PrintButtons kind="case-file" label={t('cases.documents.caseFile')} printing={printing} onPrint={onPrint} />
      <PrintButtons
        kind="rectification-notice"
        label={t('cases.documents.notice')}
        disabled={!dispatched}
        printing={printing}
        onPrint={onPrint}
      />
      {!dispatched && <Typography.Text type="secondary">{t('cases.documents.noticeNeedsDepartment')}</Typography.Text>}
      {issued.error !== undefined && <LoadFailure error={issued.error} onRetry={issued.reload} />}
      {!issued.data && issued.loading && <Skeleton active paragraph={{ rows: 2 }} />}
      {issued.data && <IssuedDocuments items={issued.data} onRevoke={revoke} />}
    </Flex>
  );
}
