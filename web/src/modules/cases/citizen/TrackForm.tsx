import { Button, Form, type FormInstance, Input, Typography } from 'antd';
import { formatDateTime } from '../../../app/format.ts';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import type { MyReport } from './myReports.ts';
import type { Lookup } from './useTracking.ts';

const caseNoPattern = /^\d{4}-\d{8,12}$/;

interface Props {
  form: FormInstance<Lookup>;
  loading: boolean;
  failure: string | undefined;
  onOpen: (lookup: Lookup) => void;
}

/** The case number and tracking code, checked for shape before the server is asked. */
export function TrackForm({ form, loading, failure, onOpen }: Props) {
  const t = useT();
  const trimmed = (v: string) => v?.trim();
  return (
    <Form<Lookup>
      form={form}
      layout="vertical"
      size="large"
      requiredMark={false}
      onFinish={(values) => onOpen({ caseNo: values.caseNo.trim(), token: values.token.trim() })}
      data-testid="track-form"
    >
      <Form.Item
        label={t('citizen.track.caseNo')}
        name="caseNo"
        rules={[
          { required: true, pattern: caseNoPattern, transform: trimmed, message: t('citizen.track.caseNoInvalid') },
        ]}
      >
        <Input autoComplete="off" placeholder={t('citizen.track.caseNoPlaceholder')} data-testid="track-case-no" />
      </Form.Item>
      <Form.Item
        label={t('citizen.track.token')}
        name="token"
        rules={[{ required: true, min: 16, max: 64, transform: trimmed, message: t('citizen.track.tokenInvalid') }]}
      >
        <Input autoComplete="off" autoCapitalize="none" spellCheck={false} data-testid="track-token" />
      </Form.Item>
      {failure && (
        <div className="wm-field-error" role="alert" data-testid="track-failure">
          {failure}
        </div>
      )}
      <Button type="primary" htmlType="submit" block loading={loading} data-testid="track-submit">
        {t('citizen.track.submit')}
      </Button>
    </Form>
  );
}

/** 我的举报: the cases reported or opened on this phone, one tap to open each. */
export function MyReports({ reports, onPick }: { reports: readonly MyReport[]; onPick: (report: MyReport) => void }) {
  const t = useT();
  return (
    <section className="wm-my-reports" aria-labelledby="my-reports-title" data-testid="my-reports">
      <Typography.Title level={2} className="wm-report-question" id="my-reports-title">
        {t('citizen.track.mine')}
      </Typography.Title>
      {reports.length === 0 ? (
        <Typography.Paragraph type="secondary">{t('citizen.track.mineEmpty')}</Typography.Paragraph>
      ) : (
        <ul>
          {reports.map((report) => (
            <li key={report.caseNo}>
              <Button block size="large" onClick={() => onPick(report)} data-testid={`my-report-${report.caseNo}`}>
                <span>
                  <strong>{report.caseNo}</strong> · {report.category}
                  <br />
                  <Typography.Text type="secondary">{formatDateTime(report.savedAt)}</Typography.Text>
                </span>
              </Button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
