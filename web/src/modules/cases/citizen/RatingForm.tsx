import { useT } from '../../../app/i18n/I18nProvider.tsx';
import type { MessageKey } from '../../../app/i18n/zh.ts';
import { Spinner } from '../../../app/public/Spinner.tsx';
import type { Tracking } from './citizenApi.ts';
import { Field, fieldAria } from './Field.tsx';
import { useRating } from './useRating.ts';

const levels: readonly MessageKey[] = [
  'citizen.rating.level1',
  'citizen.rating.level2',
  'citizen.rating.level3',
  'citizen.rating.level4',
  'citizen.rating.level5',
];

export function levelKey(score: number): MessageKey {
  return levels[Math.min(levels.length, Math.max(1, Math.round(score))) - 1] ?? 'citizen.rating.level3';
}

/** A score as five stars, filled up to it; decorative, the level's words stand beside it. */
export function Stars({ score }: { score: number }) {
  return (
    <span className="wm-stars-shown" aria-hidden="true">
      {levels.map((key, index) => (
        <span key={key} className={index < score ? 'wm-star wm-star-on' : 'wm-star'} />
      ))}
    </span>
  );
}

/** 回访: once the case is closed, the reporter rates the result 1–5, with an optional comment. */
export function RatingForm({
  caseNo,
  token,
  onRated,
}: {
  caseNo: string;
  token: string;
  onRated: (tracking: Tracking) => void;
}) {
  const t = useT();
  const { score, choose, comment, setComment, errors, sending, failure, submit } = useRating(caseNo, token, onRated);
  return (
    <section className="wm-rating" aria-labelledby="rating-title">
      <h2 className="wm-report-question" id="rating-title">
        {t('citizen.rating.title')}
      </h2>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
        data-testid="rating-form"
      >
        <StarChoice score={score} error={errors.score} onChoose={choose} />
        <Field id="rating-comment" label={t('citizen.rating.comment')} error={errors.comment}>
          <textarea
            {...fieldAria('rating-comment', { error: errors.comment })}
            className="wm-input"
            rows={3}
            maxLength={500}
            value={comment}
            onChange={(event) => setComment(event.target.value)}
          />
        </Field>
        {failure && (
          <div className="wm-field-error" role="alert">
            {failure}
          </div>
        )}
        <button
          type="submit"
          className="wm-button wm-button-primary wm-button-block"
          disabled={sending}
          aria-busy={sending}
          data-testid="rating-submit"
        >
          {sending && <Spinner />}
          {t('citizen.rating.submit')}
        </button>
      </form>
    </section>
  );
}

/**
 * 满意程度 as five radio buttons drawn as stars: arrow keys move between them, each is named by its level
 * (很不满意 … 很满意), and the chosen level is written under them.
 */
function StarChoice({
  score,
  error,
  onChoose,
}: {
  score: number | undefined;
  error: string | undefined;
  onChoose: (score: number) => void;
}) {
  const t = useT();
  const described = error ? 'rating-score-error' : score ? 'rating-score-level' : undefined;
  return (
    <fieldset className="wm-field wm-stars" aria-describedby={described}>
      <legend className="wm-field-label">{t('citizen.rating.score')}</legend>
      <div className="wm-stars-choice">
        {levels.map((key, index) => (
          <label key={key} className={score !== undefined && index < score ? 'wm-star wm-star-on' : 'wm-star'}>
            <input
              type="radio"
              name="rating-score"
              value={index + 1}
              checked={score === index + 1}
              aria-invalid={error ? true : undefined}
              onChange={() => onChoose(index + 1)}
            />
            <span className="wm-visually-hidden">{t(key)}</span>
          </label>
        ))}
      </div>
      {error && (
        <div className="wm-field-error" id="rating-score-error">
          {error}
        </div>
      )}
      {score !== undefined && (
        <div className="wm-field-hint" id="rating-score-level" aria-live="polite">
          {t(levelKey(score))}
        </div>
      )}
    </fieldset>
  );
}
