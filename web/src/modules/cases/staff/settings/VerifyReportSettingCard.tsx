import { Alert, App, Button, Card, Flex, Switch, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { ApiError } from '../../../../app/api.ts';
import { useT } from '../../../../app/i18n/I18nProvider.tsx';
import { reportSources, useVerifyReportSetting, type VerifyReportSetting } from './useVerifyReportSetting.ts';

/** 立案前现场核实: one switch per source, saved together. */
export function VerifyReportSettingCard() {
  const t = useT();
  const { message } = App.useApp();
  const { loaded, save, saving } = useVerifyReportSetting();
  const [channels, setChannels] = useState<VerifyReportSetting['channels']>();
  const [failure, setFailure] = useState<string>();
  useEffect(() => setChannels(loaded.data?.channels), [loaded.data]);

  const submit = async () => {
    if (!channels) return;
    setFailure(undefined);
    try {
      setChannels((await save(channels)).channels);
      message.success(t('cases.settings.verifyReport.saved'));
    } catch (error) {
      setFailure(error instanceof ApiError ? error.message : t('cases.settings.verifyReport.loadFailed'));
    }
  };

  return (
    <Card title={t('cases.settings.verifyReport.title')} loading={loaded.loading} data-testid="verify-report-setting">
      <Flex vertical gap={12}>
        <Typography.Paragraph type="secondary">{t('cases.settings.verifyReport.intro')}</Typography.Paragraph>
        {loaded.error !== undefined && (
          <Alert type="error" showIcon title={t('cases.settings.verifyReport.loadFailed')} />
        )}
        {failure && <Alert type="error" showIcon role="alert" title={failure} />}
        {channels &&
          reportSources.map((source) => (
            <Flex key={source} justify="space-between" align="center" gap={12}>
              <label htmlFor={`verify-report-${source}`}>{t(`cases.settings.verifyReport.source.${source}`)}</label>
              <Switch
                id={`verify-report-${source}`}
                checked={channels[source]}
                onChange={(on) => setChannels({ ...channels, [source]: on })}
                data-testid={`verify-report-source-${source}`}
              />
            </Flex>
          ))}
        <Button type="primary" loading={saving} disabled={!channels} onClick={submit} data-testid="verify-report-save">
          {t('cases.settings.verifyReport.save')}
        </Button>
      </Flex>
    </Card>
  );
}
