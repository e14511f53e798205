import { useCallback, useState } from 'react';
import { useLanguage, useT } from '../../../app/i18n/I18nProvider.tsx';
import { PublicLoading } from '../../../app/public/PublicLoading.tsx';
import { Spinner } from '../../../app/public/Spinner.tsx';
import { useLoad } from '../../../app/useLoad.ts';
import { CitizenFrame } from './CitizenFrame.tsx';
import { citizenApi, type PublicForm } from './citizenApi.ts';
import { LoadFailed } from './LoadFailed.tsx';
import { Notice } from './Notice.tsx';
import { ReportResult } from './ReportResult.tsx';
import { ReportStepBody } from './ReportStepBody.tsx';
import { type ReportStep, reportSteps, type StepErrors } from './reportFields.ts';
import { type ReportWizardState, useReportWizard, wizardMoves } from './useReportWizard.ts';

/** Fields each step shows next to an input; any other server message is listed in the step's notice. */
const placedFields: Record<ReportStep, readonly string[]> = {
  category: ['categoryCode'],
  photos: ['photos'],
  location: ['lng', 'lat', 'regionCode', 'address'],
  details: ['description', 'areaM2', 'phone', 'smsConsent'],
};

/** `/report`: four short steps on one phone screen each, then the case number and tracking code. */
export default function ReportPage() {
  const t = useT();
  const { language } = useLanguage();
  // biome-ignore lint/correctness/useExhaustiveDependencies: the server names the categories in the caller's language, so a switch reads the form again.
  const load = useCallback((signal: AbortSignal) => citizenApi.form(signal), [language]);
  const form = useLoad(load);
  const [round, setRound] = useState(0);
  return (
    <CitizenFrame title={t('citizen.report.title')} intro={t('citizen.report.intro')}>
      {form.data ? (
        <ReportWizard key={round} form={form.data} onAnother={() => setRound((n) => n + 1)} />
      ) : form.error ? (
        <LoadFailed error={form.error} onRetry={form.reload} />
      ) : (
        <PublicLoading />
      )}
    </CitizenFrame>
  );
}

function ReportWizard({ form, onAnother }: { form: PublicForm; onAnother: () => void }) {
  const t = useT();
  const wizard = useReportWizard(form);
  const { step, report, submission, reportPhotos } = wizard;
  if (submission.state.phase === 'done')
    return <ReportResult reported={submission.state.reported} onAnother={onAnother} />;

  const stepErrors = report.errors[step];
  const fieldText: Record<string, string> = Object.fromEntries(
    Object.entries(stepErrors.fields).map(([field, m]) => [field, typeof m === 'string' ? m : t(m.key, m.vars)]),
  );
  const busy =
    submission.state.phase === 'checking' || submission.state.phase === 'sending' || reportPhotos.waiting !== undefined;
  return (
    <div data-testid="report-page" data-step={step}>
      <ReportProgress wizard={wizard} />
      {report.serverRefused && <ReportFixNotice step={step} stepErrors={stepErrors} fieldText={fieldText} />}
      <ReportStepBody wizard={wizard} fieldText={fieldText} />
      <ReportActions wizard={wizard} busy={busy} />
    </div>
  );
}

/** "Step 2 of 4" with the step's name; focused on every move, so screen readers announce the new step. */
function ReportProgress({ wizard: { step, stepIndex, heading } }: { wizard: ReportWizardState }) {
  const t = useT();
  const stepOf = t('citizen.report.stepOf', { current: stepIndex + 1, total: reportSteps.length });
  return (
    <div className="wm-report-progress" ref={heading} tabIndex={-1} data-testid="report-progress">
      <div className="wm-report-progress-label">
        <span>{stepOf}</span>
        <strong>{t(`citizen.report.step.${step}`)}</strong>
      </div>
      {/* A progress bar needs a name of its own (axe: aria-progressbar-name). */}
      <progress className="wm-progress" max={reportSteps.length} value={stepIndex + 1} aria-label={stepOf} />
    </div>
  );
}

interface FixNoticeProps {
  step: ReportStep;
  stepErrors: StepErrors;
  fieldText: Record<string, string>;
}

/** After the server refused the report: "fix below", listing the messages no input of this step shows. */
function ReportFixNotice({ step, stepErrors, fieldText }: FixNoticeProps) {
  const t = useT();
  if (Object.keys(stepErrors.fields).length === 0 && Object.keys(stepErrors.photos).length === 0) return null;
  const unplaced = Object.entries(fieldText).filter(([field]) => !placedFields[step].includes(field));
  return (
    <Notice tone="error" className="wm-report-notice" title={t('citizen.report.fixBelow')} data-testid="report-fix">
      {unplaced.length > 0 ? unplaced.map(([field, message]) => <div key={field}>{message}</div>) : undefined}
    </Notice>
  );
}

function ReportActions({ wizard, busy }: { wizard: ReportWizardState; busy: boolean }) {
  const t = useT();
  const { step, stepIndex, submission } = wizard;
  const { next, back, submit } = wizardMoves(wizard);
  return (
    <div className="wm-report-actions">
      {stepIndex > 0 && (
        <button type="button" className="wm-button" onClick={back} disabled={busy} data-testid="report-back">
          {t('citizen.report.back')}
        </button>
      )}
      {step === 'details'
        ? submission.state.phase !== 'nearby' && (
            <button
              type="button"
              className="wm-button wm-button-primary"
              onClick={submit}
              disabled={busy}
              aria-busy={busy}
              data-testid="report-submit"
            >
              {busy && <Spinner />}
              {t('citizen.details.submit')}
            </button>
          )
        : // Choosing a category moves on by itself: no "下一步" to press by habit into the next step's check.
          (step !== 'category' || wizard.category) && (
            <button type="button" className="wm-button wm-button-primary" onClick={next} data-testid="report-next">
              {t('citizen.report.next')}
            </button>
          )}
    </div>
  );
}
