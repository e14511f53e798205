import { Alert, Descriptions, Rate, Steps, Tag, Typography } from 'antd';
import { formatDateTime } from '../../../app/format.ts';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import type { CaseStatus, Tracking, TrackingStep } from './citizenApi.ts';
import { levelKey, RatingForm } from './RatingForm.tsx';
import { ResultPhotos } from './ResultPhotos.tsx';
import { TrackingSms } from './TrackingSms.tsx';

const statusColor: Record<CaseStatus, string> = {
  reported: 'blue',
  verifying: 'blue',
  registered: 'blue',
  dispatched: 'geekblue',
  handling: 'orange',
  handled: 'cyan',
  closed: 'green',
  rejected: 'red',
  duplicate: 'default',
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
        <Alert
          type="info"
          showIcon
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
      <Typography.Title level={2} className="wm-report-question" id="tracking-result-title">
        {t('citizen.case.result')}
      </Typography.Title>
      <Typography.Paragraph className="wm-tracking-result-text" data-testid="tracking-result-text">
        {result.text}
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary">
        {t('citizen.case.resultHandled', { at: formatDateTime(result.handledAt) })}
        {' · '}
        {result.verifiedAt
          ? t('citizen.case.resultVerified', { at: formatDateTime(result.verifiedAt) })
          : t('citizen.case.resultPending')}
      </Typography.Paragraph>
    </section>
  );
}

/** The reporter's own 回访, with the comment they wrote. */
function YourRating({ score, comment }: { score: number; comment: string | null }) {
  const t = useT();
  return (
    <div className="wm-rating" data-testid="tracking-rated">
      <Typography.Title level={2} className="wm-report-question">
        {t('citizen.rating.yours')}
      </Typography.Title>
      <Rate disabled value={score} /> <span>{t(levelKey(score))}</span>
      {comment && (
        <Typography.Paragraph className="wm-rating-comment" data-testid="tracking-rated-comment">
          {t('citizen.rating.yourComment', { comment })}
        </Typography.Paragraph>
      )}
    </div>
  );
}

const isFinished = (tracking: Tracking) => tracking.status === 'closed' || tracking.status === 'rejected';

/** The case number, its state, what and where, and its dates (the deadline only while it is open). */
function TrackingFacts({ tracking }: { tracking: Tracking }) {
  const t = useT();
  const dated = (key: string, label: string, at: string | null, testId?: string) =>
    at
      ? [{ key, label, children: testId ? <span data-testid={testId}>{formatDateTime(at)}</span> : formatDateTime(at) }]
      : [];
  return (
    <Descriptions
      column={1}
      size="small"
      className="wm-tracking-facts"
      items={[
        {
          key: 'caseNo',
          label: t('citizen.track.caseNo'),
          children: <strong data-testid="tracking-case-no">{tracking.caseNo}</strong>,
        },
        { key: 'status', label: t('citizen.case.status'), children: <StatusTag status={tracking.status} /> },
        { key: 'category', label: t('citizen.case.category'), children: tracking.categoryName },
        { key: 'address', label: t('citizen.case.address'), children: tracking.address },
        { key: 'reportedAt', label: t('citizen.case.reportedAt'), children: formatDateTime(tracking.reportedAt) },
        ...dated('dueAt', t('citizen.case.dueAt'), isFinished(tracking) ? null : tracking.dueAt, 'tracking-due'),
        ...dated('closedAt', t('citizen.case.closedAt'), tracking.closedAt),
      ]}
    />
  );
}

function StatusTag({ status }: { status: CaseStatus }) {
  const t = useT();
  return (
    <Tag color={statusColor[status]} data-testid="tracking-status" style={{ fontSize: 16, padding: '2px 10px' }}>
      {t(`citizen.status.${status}`)}
    </Tag>
  );
}

/** The steps the case went through, one per change of state, each with its time and note. */
function TrackingProgress({ tracking }: { tracking: Tracking }) {
  const t = useT();
  const steps = distinctSteps(tracking.steps);
  const finished = isFinished(tracking);
  return (
    <section aria-labelledby="tracking-progress-title">
      <Typography.Title level={2} className="wm-report-question" id="tracking-progress-title">
        {t('citizen.case.progress')}
      </Typography.Title>
      <Steps
        orientation="vertical"
        current={steps.length - 1}
        status={tracking.status === 'rejected' ? 'error' : finished ? 'finish' : 'process'}
        data-testid="tracking-steps"
        items={steps.map((step) => ({
          title: t(`citizen.status.${step.status}`),
          content: (
            <>
              <div>{formatDateTime(step.at)}</div>
              {step.note && <div>{step.note}</div>}
            </>
          ),
        }))}
      />
    </section>
  );
}
