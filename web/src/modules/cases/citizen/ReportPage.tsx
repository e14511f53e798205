import { Alert, Button, Progress, Spin } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { errorText } from '../../../app/errorText.ts';
import { useLanguage, useT } from '../../../app/i18n/I18nProvider.tsx';
import { LoadFailure } from '../../../app/LoadFailure.tsx';
import { useLoad } from '../../../app/useLoad.ts';
import { CategoryStep } from './CategoryStep.tsx';
import { CitizenFrame } from './CitizenFrame.tsx';
import { citizenApi, type PublicForm, type Reported } from './citizenApi.ts';
import { DetailsStep } from './DetailsStep.tsx';
import { LocationStep } from './LocationStep.tsx';
import { saveMyReport } from './myReports.ts';
import { NearbyNotice } from './NearbyNotice.tsx';
import { PhotoStep } from './PhotoStep.tsx';
import { releasePhoto } from './photoPrep.ts';
import { ReportResult } from './ReportResult.tsx';
import { type DraftPhoto, emptyDraft, problemsOf, type ReportDraft, reportBodyOf } from './reportDraft.ts';
import {
  emptyReportErrors,
  firstStepWithErrors,
  photoIndexOf,
  type ReportErrors,
  type ReportStep,
  reportSteps,
  sortReportErrors,
} from './reportFields.ts';
import { useReportPhotos } from './useReportPhotos.ts';
import { type Sending, useReportSubmission } from './useReportSubmission.ts';

/** Fields each step shows next to an input; any other server message is listed in the step's notice. */
const placedFields: Record<ReportStep, readonly string[]> = {
  category: ['categoryCode'],
  photos: ['photos'],
  location: ['lng', 'lat', 'regionCode', 'address'],
  details: ['description', 'areaM2', 'phone'],
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
        <LoadFailure error={form.error} onRetry={form.reload} />
      ) : (
        <Spin size="large" description={t('app.loading')} />
      )}
    </CitizenFrame>
  );
}

function ReportWizard({ form, onAnother }: { form: PublicForm; onAnother: () => void }) {
  const t = useT();
  const [step, setStep] = useState<ReportStep>('category');
  const [draft, setDraft] = useState<ReportDraft>(emptyDraft);
  const [errors, setErrors] = useState<ReportErrors>(emptyReportErrors);
  const [serverRefused, setServerRefused] = useState(false);
  const heading = useRef<HTMLDivElement>(null);
  const stepIndex = reportSteps.indexOf(step);
  // The form is read again after a language switch: show the chosen category in the new language.
  const category = form.categories.find((c) => c.code === draft.category?.code) ?? draft.category;

  const photos = useRef<DraftPhoto[]>(draft.photos);
  photos.current = draft.photos;
  useEffect(() => () => photos.current.forEach(releasePhoto), []);

  const goTo = useCallback((next: ReportStep) => {
    setStep(next);
    // Move the reader to the new step's top: screen readers announce it, and a phone shows it from the start.
    requestAnimationFrame(() => heading.current?.focus());
  }, []);

  const markGone = useRef<(id: string, problem: unknown) => void>(undefined);
  const onFieldErrors = useCallback(
    (fields: Readonly<Record<string, string>>) => {
      // A photo the server refuses by its upload id has expired or was used: it must be uploaded again.
      for (const [field, message] of Object.entries(fields)) {
        const index = photoIndexOf(field);
        const photo = index === undefined ? undefined : photos.current[index];
        if (photo) markGone.current?.(photo.id, message);
      }
      const sorted = sortReportErrors(fields);
      setErrors(sorted);
      setServerRefused(true);
      goTo(firstStepWithErrors(sorted) ?? 'details');
    },
    [goTo],
  );
  const onReported = useCallback(
    (reported: Reported) =>
      saveMyReport({
        caseNo: reported.caseNo,
        token: reported.trackingToken,
        category: category?.name ?? '',
        savedAt: new Date().toISOString(),
      }),
    [category?.name],
  );
  const submission = useReportSubmission({ onFieldErrors, onReported });
  const reportPhotos = useReportPhotos({
    draft,
    setDraft,
    onAllUploaded: (uploadIds) => void submission.submit(reportBodyOf(draft, uploadIds)),
    onUploadFailed: () => {
      setErrors((e) => ({
        ...e,
        photos: { fields: { photos: { key: 'citizen.error.photosFailed' } }, photos: e.photos.photos },
      }));
      goTo('photos');
    },
  });
  markGone.current = reportPhotos.uploads.markGone;

  /** Applies a change and forgets the messages about the fields it touched. */
  const change = (at: ReportStep, partial: Partial<ReportDraft>, fields: readonly string[]) => {
    setDraft((d) => ({ ...d, ...partial }));
    setErrors((e) => ({
      ...e,
      [at]: {
        fields: Object.fromEntries(Object.entries(e[at].fields).filter(([f]) => !fields.includes(f))),
        photos: at === 'photos' ? {} : e[at].photos,
      },
    }));
  };

  /** Checks a step locally; shows its problems and answers whether it may be left. */
  const check = (at: ReportStep): boolean => {
    const problems = problemsOf(draft, at, form.bounds);
    if (problems.length === 0) return true;
    setErrors((e) => ({
      ...e,
      [at]: {
        fields: Object.fromEntries(problems.map((p) => [p.field, { key: p.key, vars: p.vars }])),
        photos: e[at].photos,
      },
    }));
    return false;
  };

  const next = () => {
    const following = reportSteps[stepIndex + 1];
    if (following && check(step)) goTo(following);
  };

  const submit = () => {
    const failing = reportSteps.find((s) => !check(s));
    if (failing) goTo(failing);
    else reportPhotos.sendWhenUploaded();
  };

  if (submission.state.phase === 'done')
    return <ReportResult reported={submission.state.reported} onAnother={onAnother} />;

  const stepErrors = errors[step];
  const fieldText: Record<string, string> = Object.fromEntries(
    Object.entries(stepErrors.fields).map(([field, m]) => [field, typeof m === 'string' ? m : t(m.key, m.vars)]),
  );
  const unplaced = Object.entries(fieldText).filter(([field]) => !placedFields[step].includes(field));
  const busy =
    submission.state.phase === 'checking' || submission.state.phase === 'sending' || reportPhotos.waiting !== undefined;
  return (
    <div data-testid="report-page" data-step={step}>
      <div className="wm-report-progress" ref={heading} tabIndex={-1} data-testid="report-progress">
        <div className="wm-report-progress-label">
          <span>{t('citizen.report.stepOf', { current: stepIndex + 1, total: reportSteps.length })}</span>
          <strong>{t(`citizen.report.step.${step}`)}</strong>
        </div>
        <Progress percent={((stepIndex + 1) / reportSteps.length) * 100} showInfo={false} />
      </div>
      {serverRefused && (Object.keys(stepErrors.fields).length > 0 || Object.keys(stepErrors.photos).length > 0) && (
        <Alert
          type="error"
          showIcon
          className="wm-report-notice"
          title={t('citizen.report.fixBelow')}
          description={
            unplaced.length > 0 ? unplaced.map(([field, message]) => <div key={field}>{message}</div>) : undefined
          }
          data-testid="report-fix"
        />
      )}
      {step === 'category' && (
        <CategoryStep
          categories={form.categories}
          chosen={category}
          error={fieldText.categoryCode}
          onChoose={(chosen) => {
            change('category', { category: chosen, ...(chosen.needsArea ? {} : { areaM2: undefined }) }, [
              'categoryCode',
            ]);
            goTo('photos');
          }}
        />
      )}
      {step === 'photos' && (
        <PhotoStep
          photos={draft.photos}
          photoErrors={stepErrors.photos}
          error={fieldText.photos}
          uploads={reportPhotos.uploads.items}
          onAdd={(added) => {
            change('photos', { photos: [...draft.photos, ...added] }, ['photos']);
            reportPhotos.add(added);
          }}
          onRemove={(id) => {
            const removed = draft.photos.find((p) => p.id === id);
            if (removed) releasePhoto(removed);
            reportPhotos.uploads.remove(id);
            change('photos', { photos: draft.photos.filter((p) => p.id !== id) }, ['photos']);
          }}
          onRetry={(id) => {
            reportPhotos.uploads.retry(id);
            change('photos', {}, ['photos']);
          }}
        />
      )}
      {step === 'location' && (
        <LocationStep
          townships={form.townships}
          bounds={form.bounds}
          draft={draft}
          photos={draft.photos}
          errors={fieldText}
          onChange={(partial) =>
            change(
              'location',
              partial,
              partial.position
                ? ['lng', 'lat']
                : partial.townshipCode || 'villageCode' in partial
                  ? ['regionCode']
                  : ['address'],
            )
          }
        />
      )}
      {step === 'details' && (
        <DetailsStep
          category={category}
          draft={draft}
          errors={fieldText}
          onChange={(partial) => change('details', partial, Object.keys(partial))}
        />
      )}
      {step === 'details' && reportPhotos.waiting && (
        <Alert
          type="info"
          showIcon
          icon={<Spin size="small" />}
          className="wm-report-notice"
          role="status"
          data-testid="report-waiting-photos"
          title={t('citizen.send.waitingPhotos', reportPhotos.waiting)}
        />
      )}
      {step === 'details' && (
        <SendingState
          state={submission.state}
          onReportAnyway={submission.sendPending}
          onRetry={submission.sendPending}
          onCancel={submission.cancel}
        />
      )}
      <div className="wm-report-actions">
        {stepIndex > 0 && (
          <Button
            size="large"
            onClick={() => goTo(reportSteps[stepIndex - 1] ?? 'category')}
            disabled={busy}
            data-testid="report-back"
          >
            {t('citizen.report.back')}
          </Button>
        )}
        {step === 'details' ? (
          submission.state.phase !== 'nearby' && (
            <Button type="primary" size="large" onClick={submit} loading={busy} data-testid="report-submit">
              {t('citizen.details.submit')}
            </Button>
          )
        ) : (
          <Button type="primary" size="large" onClick={next} data-testid="report-next">
            {t('citizen.report.next')}
          </Button>
        )}
      </div>
    </div>
  );
}

function SendingState({
  state,
  onReportAnyway,
  onRetry,
  onCancel,
}: {
  state: Sending;
  onReportAnyway: () => void;
  onRetry: () => void;
  onCancel: () => void;
}) {
  const t = useT();
  if (state.phase === 'checking')
    return (
      <Alert type="info" showIcon className="wm-report-notice" title={t('citizen.nearby.checking')} role="status" />
    );
  if (state.phase === 'nearby')
    return (
      <NearbyNotice radiusM={state.radiusM} items={state.items} onReportAnyway={onReportAnyway} onCancel={onCancel} />
    );
  if (state.phase === 'sending') {
    return (
      <Alert
        type="info"
        showIcon
        icon={<Spin size="small" />}
        className="wm-report-notice"
        role="status"
        data-testid="report-sending"
        title={t('citizen.send.sending', { count: state.photos })}
        description={t('citizen.send.slow')}
      />
    );
  }
  if (state.phase === 'failed') {
    return (
      <Alert
        type="error"
        showIcon
        className="wm-report-notice"
        data-testid="report-failed"
        title={t('citizen.send.failed')}
        description={
          <>
            <div>{errorText(state.error, t)}</div>
            {state.canRetry && <div>{t('citizen.send.retryHint')}</div>}
          </>
        }
        action={
          state.canRetry && (
            <Button type="primary" onClick={onRetry} data-testid="report-retry">
              {t('citizen.send.retry')}
            </Button>
          )
        }
      />
    );
  }
  return null;
}
