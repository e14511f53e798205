import { Flex } from 'antd';
import { useParams } from 'react-router-dom';
import { useT } from '../i18n/I18nProvider.tsx';
import { LoadFailure } from '../LoadFailure.tsx';
import { PageHeading } from '../PageHeading.tsx';
import { ImportRunCard } from './ImportRunCard.tsx';
import { ImportUploadCard } from './ImportUploadCard.tsx';
import { useImportPage } from './useImportPage.ts';

/**
 * `/imports/:kind`: a spreadsheet import (platform/imports) — download the template, upload the filled-in file,
 * see the dry run (counts, refused rows, the error report), commit all or only the valid rows, see the result.
 * Modules link here from the page of the registry they import (the system administrator's accounts, …).
 */
export function ImportPage() {
  const t = useT();
  const { kind = '' } = useParams();
  const page = useImportPage(kind);
  if (page.info.error) return <LoadFailure error={page.info.error} onRetry={page.info.reload} />;
  return (
    <Flex vertical gap={16} data-testid="import-page">
      <PageHeading title={t('imports.title', { kind: page.info.data?.title ?? '' })} intro={t('imports.intro')} />
      <ImportUploadCard page={page} />
      <ImportRunCard page={page} />
    </Flex>
  );
}
