import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { PublicLoading } from '../../../app/public/PublicLoading.tsx';
import { CitizenFrame } from './CitizenFrame.tsx';
import type { Tracking } from './citizenApi.ts';
import { Notice } from './Notice.tsx';
import { MyReports, TrackForm } from './TrackForm.tsx';
import { TrackingView } from './TrackingView.tsx';
import { useTracking } from './useTracking.ts';

/**
 * `/track` and `/track/:caseNo`: the case number and tracking code (typed, or picked from 我的举报 on this
 * phone) open the case's progress. A case this phone knows opens straight away.
 */
export default function TrackPage() {
  const t = useT();
  const navigate = useNavigate();
  const tracking = useTracking();
  const { shown, loading, open, form } = tracking;
  const [thanks, setThanks] = useState(false);

  const onRated = (rated: Tracking) => {
    tracking.setShown((current) => current && { ...current, tracking: rated });
    setThanks(true);
  };
  const again = () => {
    setThanks(false);
    form.reset();
    navigate('/track');
  };

  return (
    <CitizenFrame title={t('citizen.track.title')} intro={shown ? undefined : t('citizen.track.intro')}>
      {loading && !shown && <PublicLoading />}
      {shown && (
        <>
          {thanks && (
            <Notice
              tone="success"
              role="status"
              className="wm-report-notice"
              title={t('citizen.rating.thanks')}
              data-testid="rating-thanks"
            />
          )}
          <TrackingView tracking={shown.tracking} token={shown.token} onRated={onRated} />
          <button type="button" className="wm-button wm-button-block wm-track-again" onClick={again}>
            {t('citizen.track.again')}
          </button>
        </>
      )}
      {/* Hidden rather than unmounted while a case is shown, so the form keeps its values and can take errors. */}
      <div hidden={shown !== undefined}>
        <TrackForm
          lookup={form.lookup}
          errors={form.errors}
          loading={loading}
          failure={form.failure}
          onChange={form.change}
          onSubmit={tracking.submit}
        />
        <MyReports reports={tracking.mine} onPick={(report) => open({ caseNo: report.caseNo, token: report.token })} />
      </div>
    </CitizenFrame>
  );
}
