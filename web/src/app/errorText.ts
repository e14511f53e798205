import { ApiError } from './api.ts';
import type { Translate } from './i18n/translate.ts';

/** The text to show for a failed request: the server's own (already translated) message when there is one. */
export function errorText(error: unknown, t: Translate): string {
  if (error instanceof ApiError) {
    if (error.message !== '') return error.message;
    if (error.status === 0) return t('error.network');
    return t('error.unexpected', { status: error.status });
  }
  return t('error.network');
}
