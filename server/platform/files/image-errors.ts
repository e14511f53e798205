import { AppError } from '../http/app-error.ts';
import type { MessageVars } from '../i18n/translate.ts';

export type PhotoProblem =
  | 'not_an_image'
  | 'unsupported_type'
  | 'heic_unsupported'
  | 'too_large'
  | 'too_many_pixels'
  | 'corrupt'
  | 'too_few_photos'
  | 'too_many_photos';

/**
 * A rejected photo as a field-level error on `field` (e.g. `photos.2`). Too many bytes is 413, like the
 * platform's body-limit error (same code, `payload_too_large`), but with the field named; everything else is a
 * 400 `validation_failed`.
 */
export function photoError(field: string, problem: PhotoProblem, vars?: MessageVars): AppError {
  const key = `files.${problem}`;
  if (problem === 'too_large') {
    return new AppError(413, 'payload_too_large', key, vars ?? {}, { [field]: vars ? { key, vars } : { key } });
  }
  return AppError.field(field, key, vars);
}

/**
 * Several rejected photos as one error naming each field. 413 when every problem is a size problem (the client
 * must send less), otherwise 400.
 */
export function combinePhotoErrors(errors: AppError[]): AppError {
  if (errors.length === 1) return errors[0]!;
  const fields = Object.assign({}, ...errors.map((error) => error.fields));
  if (errors.every((error) => error.status === 413)) {
    const first = errors[0]!;
    return new AppError(413, first.code, first.messageKey, first.vars, fields);
  }
  return AppError.validation(fields);
}

/**
 * How long a client waits before sending a refused photo again (RFC 9110 §10.2.3): a maximum-size photo takes a
 * second or two to clean, so a full queue drains in a few seconds.
 */
export const photosBusyRetryAfterSeconds = 5;

/**
 * Every photo slot is busy and the queue is full, or the photo worker stopped under the photo: not the photo's
 * fault, so 503 with Retry-After (a phone sends it again with the same Idempotency-Key), never a field error.
 */
export function photosBusy(): AppError {
  return new AppError(503, 'photos_busy', 'files.busy', { retryAfterSeconds: photosBusyRetryAfterSeconds });
}

/** 10485760 → '10'; 1.5 MiB → '1.5'. Limits are in MiB, as phones and browsers show file sizes. */
export function formatMegabytes(bytes: number): string {
  return String(Math.round((bytes / 1_048_576) * 10) / 10);
}

/** 40000000 → '40'. */
export function formatMegapixels(pixels: number): string {
  return String(Math.round((pixels / 1_000_000) * 10) / 10);
}
