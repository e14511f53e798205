import { useCallback, useRef, useState } from 'react';
import type { PublicForm, Reported } from './citizenApi.ts';
import { focusFirstInvalid } from './focusFirstInvalid.ts';
import { saveMyReport } from './myReports.ts';
import { reportBodyOf } from './reportDraft.ts';
import { firstStepWithErrors, photoIndexOf, type ReportStep, reportSteps, sortReportErrors } from './reportFields.ts';
import { useReportDraft } from './useReportDraft.ts';
import { useReportPhotos } from './useReportPhotos.ts';
import { useReportSubmission } from './useReportSubmission.ts';

/** The step on screen; moving to another puts the reader at its top. */
function useReportStep() {
  const [step, setStep] = useState<ReportStep>('category');
  const heading = useRef<HTMLDivElement>(null);
  const goTo = useCallback((next: ReportStep) => {
    setStep(next);
    // Move the reader to the new step's top: screen readers announce it, and a phone shows it from the start.
    requestAnimationFrame(() => heading.current?.focus());
  }, []);
  return { step, stepIndex: reportSteps.indexOf(step), heading, goTo };
}

/**
 * The report wizard's state: the step, the draft and its messages, the photos on their way, the submission.
 * The server's field messages send the citizen back to the first step that has one.
 */
export function useReportWizard(form: PublicForm) {
  const { step, stepIndex, heading, goTo } = useReportStep();
  const report = useReportDraft(form.bounds);
  // The form is read again after a language switch: show the chosen category in the new language.
  const category = form.categories.find((c) => c.code === report.draft.category?.code) ?? report.draft.category;

  const markGone = useRef<(id: string, problem: unknown) => void>(undefined);
  const { photos, refusedByServer } = report;
  const onFieldErrors = useCallback(
    (fields: Readonly<Record<string, string>>) => {
      // A photo the server refuses by its upload id has expired or was used: it must be uploaded again.
      for (const [field, message] of Object.entries(fields)) {
        const index = photoIndexOf(field);
        const photo = index === undefined ? undefined : photos.current[index];
        if (photo) markGone.current?.(photo.id, message);
      }
      const sorted = sortReportErrors(fields);
      refusedByServer(sorted);
      goTo(firstStepWithErrors(sorted) ?? 'details');
      focusFirstInvalid();
    },
    [goTo, photos, refusedByServer],
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
    draft: report.draft,
    setDraft: report.setDraft,
    onAllUploaded: (uploadIds) => void submission.submit(reportBodyOf(report.draft, uploadIds)),
    onUploadFailed: () => {
      report.photosFailed();
      goTo('photos');
    },
  });
  markGone.current = reportPhotos.uploads.markGone;
  return { form, step, stepIndex, heading, goTo, category, report, submission, reportPhotos };
}

export type ReportWizardState = ReturnType<typeof useReportWizard>;

/**
 * Forward when the step checks out; on the last step, send once every step does (and every photo is up). A step
 * that does not check out shows its messages and puts the reader on the first field to fix.
 */
export function wizardMoves({ step, stepIndex, goTo, report, reportPhotos }: ReportWizardState) {
  return {
    next: () => {
      const following = reportSteps[stepIndex + 1];
      if (!following) return;
      if (report.check(step)) goTo(following);
      else focusFirstInvalid();
    },
    back: () => goTo(reportSteps[stepIndex - 1] ?? 'category'),
    submit: () => {
      const failing = reportSteps.find((s) => !report.check(s));
      if (!failing) return reportPhotos.sendWhenUploaded();
      goTo(failing);
      focusFirstInvalid();
    },
  };
}
