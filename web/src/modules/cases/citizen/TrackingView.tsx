import type { ReactNode } from 'react';
import { formatDateTime } from '../../../app/format.ts';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import type { CaseStatus, Tracking, TrackingStep } from './citizenApi.ts';
import { Notice } from './Notice.tsx';
import { levelKey, RatingForm, Stars } from './RatingForm.tsx';
import { ResultPhotos } from './ResultPhotos.tsx';
import { TrackingSms } from './TrackingSms.tsx';

/** The status label's colour family (citizen.css); the words carry the meaning, the colour only groups. */
const statusTone: Record<CaseStatus, 'open' | 'working' | 'done' | 'refused' | 'merged'> = {
  reported: 'open',
  verifying: 'open',
  registered: 'open',
  dispatched: 'working',
  handling: 'working',
  handled: 'working',
  closed: 'done',
  rejected: 'refused',
  duplicate: 'merged',
};

/** The rating is recorded on the case without changing its status: one "已结案" step, not two. */
export function distinctSteps(steps: readonly TrackingStep[]): TrackingStep[] {
  return steps.filter((step, i) => i === 0 || steps[i - 1]?.status !== step.status);
}

/** What the reporter sees: where the case stands, each step with its time (China time), the result and the rating. */
export function TrackingView({
  tracking,
  token,
  onRated,
}: {
  tracking: Tracking;
  token: string;
  onRated: (tracking: Tracking) => void;
}) {
  const t = useT();
  return (
    <div data-testid="tracking-view">
      <TrackingFacts tracking={tracking} />
      {tracking.followsCaseNo && (
        <Notice
          tone="info"
          className="wm-report-notice"
          title={t('citizen.case.merged', { caseNo: tracking.followsCaseNo })}
          data-testid="tracking-merged"
        />
      )}
      <TrackingSms tracking={tracking} token={token} onChanged={onRated} />
      <TrackingProgress tracking={tracking} />
      {tracking.result && <TrackingResult result={tracking.result} />}
      <ResultPhotos caseNo={tracking.caseNo} token={token} photoIds={tracking.resultPhotos} />
      {tracking.canRate && <RatingForm caseNo={tracking.caseNo} token={token} onRated={onRated} />}
      {tracking.satisfaction !== null && (
        <YourRating score={tracking.satisfaction} comment={tracking.satisfactionComment} />
      )}
    </div>
  );
}

/** 处置结果: what the department reported back, and whether an on-site check has confirmed it. */
function TrackingResult({ result }: { result: NonNullable<Tracking['result']> }) {
  const t = useT();
  return (
    <section className="wm-tracking-result" aria-labelledby="tracking-result-title" data-testid="tracking-result">
      <h2 className="wm-report-question" id="tracking-result-title">
        {t('citizen.case.result')}
      </h2>
      <p className="wm-tracking-result-text" data-testid="tracking-result-text">
        {result.text}
      </p>
      <p className="wm-citizen-hint">
        {t('citizen.case.resultHandled', { at: formatDateTime(result.handledAt) })}
        {' · '}
        {result.verifiedAt
          ? t('citizen.case.resultVerified', { at: formatDateTime(result.verifiedAt) })
          : t('citizen.case.resultPending')}
      </p>
    </section>
  );
}

/** The reporter's own 回访, with the comment they wrote. */
function YourRating({ score, comment }: { score: number; comment: string | null }) {
  const t = useT();
  return (
    <div className="wm-rating" data-testid="tracking-rated">
      <h2 className="wm-report-question">{t('citizen.rating.yours')}</h2>
      <Stars score={score} /> <span>{t(levelKey(score))}</span>
      {comment && (
        <p className="wm-rating-comment" data-testid="tracking-rated-comment">
          {t('citizen.rating.yourComment', { comment })}
        </p>
      )}
    </div>
  );
}

const isFinished = (tracking: Tracking) => tracking.status === 'closed' || tracking.status === 'rejected';

/** The case number, its state, what and where, and its dates (the deadline only while it is open). */
function TrackingFacts({ tracking }: { tracking: Tracking }) {
  const t = useT();
  const due = isFinished(tracking) ? null : tracking.dueAt;
  return (
    <dl className="wm-tracking-facts">
      <Fact label={t('citizen.track.caseNo')}>
        <strong data-testid="tracking-case-no">{tracking.caseNo}</strong>
      </Fact>
      <Fact label={t('citizen.case.status')}>
        <span className={`wm-status wm-status-${statusTone[tracking.status]}`} data-testid="tracking-status">
          {t(`citizen.status.${tracking.status}`)}
        </span>
      </Fact>
      <Fact label={t('citizen.case.category')}>{tracking.categoryName}</Fact>
      <Fact label={t('citizen.case.address')}>{tracking.address}</Fact>
      <Fact label={t('citizen.case.reportedAt')}>{formatDateTime(tracking.reportedAt)}</Fact>
      {due && (
        <Fact label={t('citizen.case.dueAt')}>
          <span data-testid="tracking-due">{formatDateTime(due)}</span>
        </Fact>
      )}
      {tracking.closedAt && <Fact label={t('citizen.case.closedAt')}>{formatDateTime(tracking.closedAt)}</Fact>}
    </dl>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** The steps the case went through, one per change of state, each with its time and note; the last is current. */
function TrackingProgress({ tracking }: { tracking: Tracking }) {
  const t = useT();
  const steps = distinctSteps(tracking.steps);
  const last = tracking.status === 'rejected' ? 'refused' : isFinished(tracking) ? 'done' : 'current';
  return (
    <section aria-labelledby="tracking-progress-title">
      <h2 className="wm-report-question" id="tracking-progress-title">
        {t('citizen.case.progress')}
      </h2>
      <ol className="wm-timeline" data-testid="tracking-steps">
        {steps.map((step, index) => {
          const isLast = index === steps.length - 1;
          return (
            <li
              key={`${step.at}-${step.status}`}
              className={`wm-timeline-step wm-timeline-${isLast ? last : 'done'}`}
              aria-current={isLast && last === 'current' ? 'step' : undefined}
            >
              <div className="wm-timeline-title">{t(`citizen.status.${step.status}`)}</div>
              <div>{formatDateTime(step.at)}</div>
              {step.note && <div>{step.note}</div>}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
