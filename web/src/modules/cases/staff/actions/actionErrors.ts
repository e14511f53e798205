import { ApiError } from '../../../../app/api.ts';
import { errorText } from '../../../../app/errorText.ts';
import type { Translate } from '../../../../app/i18n/translate.ts';

/** 409 from a case action: someone moved the case first (stale revision) or its state no longer allows this. */
export function isCaseConflict(error: unknown): error is ApiError {
  return (
    error instanceof ApiError &&
    error.status === 409 &&
    (error.code === 'stale_revision' || error.code === 'action_not_allowed')
  );
}

/**
 * Puts the server's field messages next to the form's fields: `photos.3` goes to the photos field as
 * "photo 4: …", a field the form does not have (`status`, `_`) is returned for the alert above the form.
 */
export function placeFieldErrors(
  form: { setFields: (fields: { name: string; errors: string[] }[]) => void },
  error: unknown,
  fields: readonly string[],
  t: Translate,
): string[] {
  if (!(error instanceof ApiError)) return [];
  const byField = new Map<string, string[]>();
  const elsewhere: string[] = [];
  for (const [name, message] of Object.entries(error.fields)) {
    const [head, index] = name.split('.');
    if (head === undefined || !fields.includes(head)) {
      elsewhere.push(message);
      continue;
    }
    const text =
      head === 'photos' && index !== undefined && /^\d+$/.test(index)
        ? t('cases.photos.fieldError', { n: Number(index) + 1, message })
        : message;
    byField.set(head, [...(byField.get(head) ?? []), text]);
  }
  form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
  return elsewhere;
}

/** Field messages go to their fields; what is left (or a failure without fields) is said above the form. */
export function failureMessages(
  form: Parameters<typeof placeFieldErrors>[0],
  error: unknown,
  fields: readonly string[],
  t: Translate,
): string[] {
  const elsewhere = placeFieldErrors(form, error, fields, t);
  if (elsewhere.length > 0) return elsewhere;
  const placed = error instanceof ApiError && Object.keys(error.fields).length > 0;
  return placed ? [] : [errorText(error, t)];
}
