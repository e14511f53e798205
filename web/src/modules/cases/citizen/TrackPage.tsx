import { Alert, Button, Form, Spin } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { CitizenFrame } from './CitizenFrame.tsx';
import type { Tracking } from './citizenApi.ts';
import { MyReports, TrackForm } from './TrackForm.tsx';
import { TrackingView } from './TrackingView.tsx';
import { type Lookup, useTracking } from './useTracking.ts';

/**
 * `/track` and `/track/:caseNo`: the case number and tracking code (typed, or picked from 我的举报 on this
 * phone) open the case's progress. A case this phone knows opens straight away.
 */
export default function TrackPage() {
  const t = useT();
  const navigate = useNavigate();
  const [form] = Form.useForm<Lookup>();
  const tracking = useTracking(form);
  const { shown, loading, open } = tracking;
  const [thanks, setThanks] = useState(false);

  const onRated = (rated: Tracking) => {
    tracking.setShown((current) => current && { ...current, tracking: rated });
    setThanks(true);
  };
  const again = () => {
    setThanks(false);
    form.resetFields();
    navigate('/track');
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
          <Button size="large" block style={{ marginTop: 20 }} onClick={again}>
            {t('citizen.track.again')}
          </Button>
        </>
      )}
      {/* Hidden rather than unmounted while a case is shown, so the form keeps its values and can take errors. */}
      <div hidden={shown !== undefined}>
        <TrackForm form={form} loading={loading} failure={tracking.failure} onOpen={open} />
        <MyReports reports={tracking.mine} onPick={(report) => open({ caseNo: report.caseNo, token: report.token })} />
      </div>
    </CitizenFrame>
  );
}
