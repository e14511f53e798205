import { formatDateTime } from '../../../app/format.ts';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { Spinner } from '../../../app/public/Spinner.tsx';
import { Field, fieldAria } from './Field.tsx';
import type { Lookup, LookupErrors } from './lookupCheck.ts';
import type { MyReport } from './myReports.ts';

interface Props {
  lookup: Lookup;
  errors: LookupErrors;
  loading: boolean;
  failure: string | undefined;
  onChange: (field: keyof Lookup, value: string) => void;
  onSubmit: (lookup: Lookup) => void;
}

/** The case number and tracking code; the page checks their shape before the server is asked. */
export function TrackForm({ lookup, errors, loading, failure, onChange, onSubmit }: Props) {
  const t = useT();
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit(lookup);
      }}
      data-testid="track-form"
    >
      <Field id="track-case-no" label={t('citizen.track.caseNo')} error={errors.caseNo}>
        <input
          {...fieldAria('track-case-no', { error: errors.caseNo, required: true })}
          className="wm-input"
          autoComplete="off"
          inputMode="numeric"
          placeholder={t('citizen.track.caseNoPlaceholder')}
          value={lookup.caseNo}
          onChange={(event) => onChange('caseNo', event.target.value)}
          data-testid="track-case-no"
        />
      </Field>
      <Field id="track-token" label={t('citizen.track.token')} error={errors.token}>
        <input
          {...fieldAria('track-token', { error: errors.token, required: true })}
          className="wm-input"
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          value={lookup.token}
          onChange={(event) => onChange('token', event.target.value)}
          data-testid="track-token"
        />
      </Field>
      {failure && (
        <div className="wm-field-error" role="alert" data-testid="track-failure">
          {failure}
        </div>
      )}
      <button
        type="submit"
        className="wm-button wm-button-primary wm-button-block"
        disabled={loading}
        aria-busy={loading}
        data-testid="track-submit"
      >
        {loading && <Spinner />}
        {t('citizen.track.submit')}
      </button>
    </form>
  );
}

/** 我的举报: the cases reported or opened on this phone, one tap to open each. */
export function MyReports({ reports, onPick }: { reports: readonly MyReport[]; onPick: (report: MyReport) => void }) {
  const t = useT();
  return (
    <section className="wm-my-reports" aria-labelledby="my-reports-title" data-testid="my-reports">
      <h2 className="wm-report-question" id="my-reports-title">
        {t('citizen.track.mine')}
      </h2>
      {reports.length === 0 ? (
        <p className="wm-citizen-hint">{t('citizen.track.mineEmpty')}</p>
      ) : (
        <ul>
          {reports.map((report) => (
            <li key={report.caseNo}>
              <button
                type="button"
                className="wm-button wm-button-block wm-my-report"
                onClick={() => onPick(report)}
                data-testid={`my-report-${report.caseNo}`}
              >
                <span>
                  <strong>{report.caseNo}</strong> · {report.category}
                  <br />
                  <span className="wm-citizen-hint">{formatDateTime(report.savedAt)}</span>
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
