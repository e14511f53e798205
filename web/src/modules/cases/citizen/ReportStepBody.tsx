import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { CategoryStep } from './CategoryStep.tsx';
import { DetailsStep } from './DetailsStep.tsx';
import { LocationStep } from './LocationStep.tsx';
import { Notice } from './Notice.tsx';
import { PhotoStep } from './PhotoStep.tsx';
import { releasePhoto } from './photoPrep.ts';
import type { ReportDraft } from './reportDraft.ts';
import { SendingState } from './SendingState.tsx';
import type { ReportWizardState } from './useReportWizard.ts';

interface StepProps {
  wizard: ReportWizardState;
  /** The step's field messages, in the UI language. */
  fieldText: Record<string, string>;
}

/** The step on screen, wired to the draft: each change forgets the messages about the fields it touched. */
export function ReportStepBody({ wizard, fieldText }: StepProps) {
  const { form, report, step, category, goTo } = wizard;
  if (step === 'category')
    return (
      <CategoryStep
        categories={form.categories}
        chosen={category}
        error={fieldText.categoryCode}
        onChoose={(chosen) => {
          report.change('category', { category: chosen, ...(chosen.needsArea ? {} : { areaM2: undefined }) }, [
            'categoryCode',
          ]);
          goTo('photos');
        }}
      />
    );
  if (step === 'photos') return <ReportPhotos wizard={wizard} fieldText={fieldText} />;
  if (step === 'location')
    return (
      <LocationStep
        townships={form.townships}
        bounds={form.bounds}
        draft={report.draft}
        photos={report.draft.photos}
        errors={fieldText}
        onChange={(partial) => report.change('location', partial, locationFields(partial))}
        onLocation={report.locate}
      />
    );
  return <ReportDetails wizard={wizard} fieldText={fieldText} />;
}

/** The fields a change of the place touches: the township or village, or the address words. */
function locationFields(partial: Partial<ReportDraft>): string[] {
  return partial.townshipCode || 'villageCode' in partial ? ['regionCode'] : ['address'];
}

function ReportPhotos({ wizard, fieldText }: StepProps) {
  const { report, reportPhotos } = wizard;
  const { draft, change, errors } = report;
  return (
    <PhotoStep
      photos={draft.photos}
      photoErrors={errors.photos.photos}
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
  );
}

/** The last step: the description, then what the photos and the submission are doing. */
function ReportDetails({ wizard, fieldText }: StepProps) {
  const t = useT();
  const { report, category, reportPhotos, submission } = wizard;
  return (
    <>
      <DetailsStep
        category={category}
        draft={report.draft}
        errors={fieldText}
        onChange={(partial) => report.change('details', partial, Object.keys(partial))}
      />
      {reportPhotos.waiting && (
        <Notice
          tone="info"
          busy
          className="wm-report-notice"
          role="status"
          data-testid="report-waiting-photos"
          title={t('citizen.send.waitingPhotos', reportPhotos.waiting)}
        />
      )}
      <SendingState
        state={submission.state}
        onReportAnyway={submission.sendPending}
        onRetry={submission.sendPending}
        onCancel={submission.cancel}
      />
    </>
  );
}
