import { Alert, Button, Card, Descriptions, Flex, Popconfirm, Progress, Tag } from 'antd';
import { useT } from '../i18n/I18nProvider.tsx';
import { ImportErrorsTable } from './ImportErrorsTable.tsx';
import { busyStatuses, type ImportRun } from './importsApi.ts';
import type { ImportPageState } from './useImportPage.ts';

const statusColor: Partial<Record<ImportRun['status'], string>> = {
  checked: 'blue',
  committed: 'green',
  failed: 'red',
  discarded: 'default',
};

/** How far the running pass is: rows read of the file's rows (the dry run does not know the total yet). */
function RunProgress({ run }: { run: ImportRun }) {
  const t = useT();
  if (!busyStatuses.has(run.status)) return null;
  const total = run.status === 'committing' || run.status === 'commit_pending' ? run.totalRows : 0;
  const percent = total > 0 ? Math.min(99, Math.round((run.processedRows / total) * 100)) : undefined;
  return (
    <Flex vertical gap={4} data-testid="import-progress">
      <Progress percent={percent ?? 100} status="active" showInfo={percent !== undefined} />
      <span>{t('imports.processed', { count: run.processedRows })}</span>
    </Flex>
  );
}

function RunActions({ page, run }: { page: ImportPageState; run: ImportRun }) {
  const t = useT();
  return (
    <Flex gap={8} wrap>
      {run.status === 'checked' && (
        <>
          <Button
            type="primary"
            disabled={run.errorRows > 0}
            onClick={() => void page.commit('all')}
            data-testid="import-commit-all"
          >
            {t('imports.commitAll')}
          </Button>
          <Popconfirm
            title={t('imports.commitValidConfirm', { count: run.validRows })}
            onConfirm={() => void page.commit('valid')}
          >
            <Button disabled={run.validRows === 0 || run.errorRows === 0} data-testid="import-commit-valid">
              {t('imports.commitValid', { count: run.validRows })}
            </Button>
          </Popconfirm>
        </>
      )}
      {run.errorRows > 0 && (
        <Button onClick={() => void page.report()} data-testid="import-report">
          {t('imports.report')}
        </Button>
      )}
      {run.hasHandouts && (
        <Button type="primary" onClick={() => void page.handouts()} data-testid="import-handouts">
          {t('imports.handouts')}
        </Button>
      )}
      {(run.status === 'checked' || run.status === 'failed') && (
        <Button danger onClick={() => void page.discard()} data-testid="import-discard">
          {t('imports.discard')}
        </Button>
      )}
    </Flex>
  );
}

/** Step 2: the run — its status and progress, the dry run's counts and refused rows, the choices, the result. */
export function ImportRunCard({ page }: { page: ImportPageState }) {
  const t = useT();
  const run = page.run;
  if (!run) return null;
  return (
    <Card title={t('imports.step.result', { file: run.fileName })} data-testid="import-run" data-status={run.status}>
      <Flex vertical gap={12}>
        <Tag color={statusColor[run.status]} data-testid="import-status">
          {t(`imports.status.${run.status}`)}
        </Tag>
        <RunProgress run={run} />
        {run.failure && <Alert type="error" showIcon message={run.failure} />}
        {run.hasHandouts && <Alert type="warning" showIcon message={t('imports.handoutsHint')} />}
        <Descriptions size="small" column={{ xs: 2, sm: 4 }}>
          <Descriptions.Item label={t('imports.count.total')}>{run.totalRows}</Descriptions.Item>
          <Descriptions.Item label={t('imports.count.valid')}>{run.validRows}</Descriptions.Item>
          <Descriptions.Item label={t('imports.count.errors')}>{run.errorRows}</Descriptions.Item>
          <Descriptions.Item label={t('imports.count.committed')}>{run.committedRows}</Descriptions.Item>
        </Descriptions>
        <RunActions page={page} run={run} />
        <ImportErrorsTable page={page} />
      </Flex>
    </Card>
  );
}
