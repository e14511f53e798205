import { useState } from 'react';
import { ApiError } from '../../../app/api.ts';
import { errorText } from '../../../app/errorText.ts';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { citizenApi, type Tracking } from './citizenApi.ts';
import { focusFirstInvalid } from './focusFirstInvalid.ts';

export type RatingErrors = Partial<Record<'score' | 'comment', string>>;

/**
 * 回访's form state: the score (required), the comment, and the messages — each field's own (the score left out,
 * or the server's word on a field), else one for the form. A refusal puts focus on the first field to fix.
 */
export function useRating(caseNo: string, token: string, onRated: (tracking: Tracking) => void) {
  const t = useT();
  const [score, setScore] = useState<number>();
  const [comment, setComment] = useState('');
  const [errors, setErrors] = useState<RatingErrors>({});
  const [sending, setSending] = useState(false);
  const [failure, setFailure] = useState<string>();

  const choose = (chosen: number) => {
    setScore(chosen);
    setErrors((current) => ({ ...current, score: undefined }));
  };

  const submit = async () => {
    if (score === undefined) {
      setErrors({ score: t('citizen.rating.scoreRequired') });
      return focusFirstInvalid();
    }
    setSending(true);
    setFailure(undefined);
    try {
      onRated(await citizenApi.rate(caseNo, token, { score, ...(comment.trim() ? { comment: comment.trim() } : {}) }));
    } catch (error) {
      const fields = error instanceof ApiError ? error.fields : {};
      if (fields.score || fields.comment) {
        setErrors({ score: fields.score, comment: fields.comment });
        focusFirstInvalid();
      } else setFailure(errorText(error, t));
      setSending(false);
    }
  };

  return { score, choose, comment, setComment, errors, sending, failure, submit };
}
