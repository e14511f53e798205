import { ApiError } from '../../../app/api.ts';
import { errorText } from '../../../app/errorText.ts';
import type { Translate } from '../../../app/i18n/translate.ts';

/** What went wrong with one photo: the server's word on it (field `photo`), its message, or the app's own. */
export function uploadProblemText(problem: unknown, t: Translate): string {
  if (typeof problem === 'string') return problem;
  if (problem instanceof ApiError && problem.fields.photo) return problem.fields.photo;
  return errorText(problem, t);
}
