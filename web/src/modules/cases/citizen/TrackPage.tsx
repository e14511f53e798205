import { Alert, Button, Form, Input, Spin, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { ApiError } from '../../../app/api.ts';
import { errorText } from '../../../app/errorText.ts';
import { formatDateTime } from '../../../app/format.ts';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { CitizenFrame } from './CitizenFrame.tsx';
import { citizenApi, type Tracking } from './citizenApi.ts';
import { findMyReport, type MyReport, readMyReports, saveMyReport } from './myReports.ts';
import { TrackingView } from './TrackingView.tsx';

interface Lookup {
  caseNo: string;
  token: string;
}

const caseNoPattern = /^\d{4}-\d{8,12}$/;

/** Server field names → this form's: the code travels as the `x-case-token` header. */
const formFieldOf: Record<string, keyof Lookup> = { 'x-case-token': 'token', caseNo: 'caseNo' };

/**
 * `/track` and `/track/:caseNo`: the case number and tracking code (typed, or picked from 我的举报 on this
 * phone) open the case's progress. A case this phone knows opens straight away.
 */
export default function TrackPage() {
  const t = useT();
  const navigate = useNavigate();
  const { caseNo: routeCaseNo } = useParams();
  const [form] = Form.useForm<Lookup>();
  const [mine, setMine] = useState<MyReport[]>(readMyReports);
  const [shown, setShown] = useState<{ tracking: Tracking; token: string }>();
  const [loading, setLoading] = useState(false);
  const [failure, setFailure] = useState<string>();
  const [thanks, setThanks] = useState(false);

  const open = useCallback(
    async ({ caseNo, token }: Lookup, signal?: AbortSignal) => {
      setLoading(true);
      setFailure(undefined);
      try {
        const tracking = await citizenApi.track(caseNo, token, signal);
        setShown({ tracking, token });
        setMine(
          saveMyReport({
            caseNo: tracking.caseNo,
            token,
            category: tracking.categoryName,
            savedAt: new Date().toISOString(),
          }),
        );
        if (routeCaseNo !== tracking.caseNo)
          navigate(`/track/${encodeURIComponent(tracking.caseNo)}`, { replace: true });
      } catch (error) {
        if (signal?.aborted) return;
        setShown(undefined);
        form.setFieldsValue({ caseNo, token });
        const fields =
          error instanceof ApiError ? Object.entries(error.fields).filter(([name]) => name in formFieldOf) : [];
        if (fields.length > 0)
          form.setFields(fields.map(([name, message]) => ({ name: formFieldOf[name] ?? 'token', errors: [message] })));
        else setFailure(errorText(error, t));
      } finally {
        if (!signal?.aborted) setLoading(false);
      }
    },
    [form, navigate, routeCaseNo, t],
  );

  // Arriving at /track/:caseNo (from the result page, a bookmark): open it if this phone has its code.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the address changes, not when `open` is recreated.
  useEffect(() => {
    if (!routeCaseNo) {
      setShown(undefined);
      return;
    }
    if (shown?.tracking.caseNo === routeCaseNo) return;
    const saved = findMyReport(routeCaseNo);
    if (!saved) {
      form.setFieldsValue({ caseNo: routeCaseNo });
      return;
    }
    const controller = new AbortController();
    void open({ caseNo: saved.caseNo, token: saved.token }, controller.signal);
    return () => controller.abort();
  }, [routeCaseNo]);

  const onRated = (tracking: Tracking) => {
    setShown((current) => current && { ...current, tracking });
    setThanks(true);
  };

  return (
    <CitizenFrame title={t('citizen.track.title')} intro={shown ? undefined : t('citizen.track.intro')}>
      {loading && !shown && <Spin size="large" description={t('app.loading')} />}
      {shown && (
        <>
          {thanks && (
            <Alert
              type="success"
              showIcon
              className="wm-report-notice"
              title={t('citizen.rating.thanks')}
              data-testid="rating-thanks"
            />
          )}
          <TrackingView tracking={shown.tracking} token={shown.token} onRated={onRated} />
          <Button
            size="large"
            block
            style={{ marginTop: 20 }}
            onClick={() => {
              setThanks(false);
              form.resetFields();
              navigate('/track');
            }}
          >
            {t('citizen.track.again')}
          </Button>
        </>
      )}
      {/* Hidden rather than unmounted while a case is shown, so the form keeps its values and can take errors. */}
      <div hidden={shown !== undefined}>
        <Form<Lookup>
          form={form}
          layout="vertical"
          size="large"
          requiredMark={false}
          onFinish={(values) => open({ caseNo: values.caseNo.trim(), token: values.token.trim() })}
          data-testid="track-form"
        >
          <Form.Item
            label={t('citizen.track.caseNo')}
            name="caseNo"
            rules={[
              {
                required: true,
                pattern: caseNoPattern,
                transform: (v: string) => v?.trim(),
                message: t('citizen.track.caseNoInvalid'),
              },
            ]}
          >
            <Input autoComplete="off" placeholder={t('citizen.track.caseNoPlaceholder')} data-testid="track-case-no" />
          </Form.Item>
          <Form.Item
            label={t('citizen.track.token')}
            name="token"
            rules={[
              {
                required: true,
                min: 16,
                max: 64,
                transform: (v: string) => v?.trim(),
                message: t('citizen.track.tokenInvalid'),
              },
            ]}
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
        <MyReports reports={mine} onPick={(report) => open({ caseNo: report.caseNo, token: report.token })} />
      </div>
    </CitizenFrame>
  );
}

function MyReports({ reports, onPick }: { reports: readonly MyReport[]; onPick: (report: MyReport) => void }) {
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
