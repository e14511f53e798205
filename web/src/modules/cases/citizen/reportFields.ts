import type { MessageKey } from '../../../app/i18n/zh.ts';

/**
 * Where a server field error belongs on the four-step report form. Photo errors name the photo
 * (`photos.2`, or `photos.2.data` from the schema check) so the message lands under that picture.
 */
export const reportSteps = ['category', 'photos', 'location', 'details'] as const;
export type ReportStep = (typeof reportSteps)[number];

const stepOfName: Record<string, ReportStep> = {
  categoryCode: 'category',
  photos: 'photos',
  lng: 'location',
  lat: 'location',
  regionCode: 'location',
  address: 'location',
  gridCode: 'location',
  description: 'details',
  areaM2: 'details',
  phone: 'details',
  smsConsent: 'details',
};

export function stepOfField(field: string): ReportStep {
  return stepOfName[field.split('.')[0] ?? ''] ?? 'details';
}

/** `photos.2.data` → 2; `photos` (the count) → undefined. */
export function photoIndexOf(field: string): number | undefined {
  const match = /^photos\.(\d+)(\.|$)/.exec(field);
  return match ? Number(match[1]) : undefined;
}

/**
 * A server message arrives translated already; a message found here is kept as its key, so it follows the
 * language switch.
 */
export type FieldMessage = string | { key: MessageKey; vars?: Record<string, string | number> };

export interface StepErrors {
  /** Per form field (`lng`, `areaM2`, `photos` for the list as a whole). */
  fields: Record<string, FieldMessage>;
  /** Per photo index. */
  photos: Record<number, string>;
}

export type ReportErrors = Record<ReportStep, StepErrors>;

export function emptyReportErrors(): ReportErrors {
  return Object.fromEntries(reportSteps.map((step) => [step, { fields: {}, photos: {} }])) as ReportErrors;
}

export function sortReportErrors(fields: Readonly<Record<string, string>>): ReportErrors {
  const errors = emptyReportErrors();
  for (const [field, message] of Object.entries(fields)) {
    const step = stepOfField(field);
    const photo = photoIndexOf(field);
    if (photo !== undefined) errors.photos.photos[photo] = message;
    else errors[step].fields[field.split('.')[0] ?? field] = message;
  }
  return errors;
}

/** The first step (in form order) that has something to fix, so the form can go back to it. */
export function firstStepWithErrors(errors: ReportErrors): ReportStep | undefined {
  return reportSteps.find(
    (step) => Object.keys(errors[step].fields).length > 0 || Object.keys(errors[step].photos).length > 0,
  );
}
