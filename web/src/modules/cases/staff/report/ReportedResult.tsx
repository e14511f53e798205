import { CheckCircleFilled } from '@ant-design/icons';
import { Button, Card, Flex, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useT } from '../../../../app/i18n/I18nProvider.tsx';
import { modulePath } from '../../../../app/modules.ts';
import { CaseStatusTag } from '../caseDisplay.tsx';
import type { StaffReported } from './useStaffReport.ts';

interface ReportedResultProps {
  reported: StaffReported;
  /** A 12345 intake: the caller follows the case at /track with the number and this code, read out to them now. */
  showTrackingCode: boolean;
  onAnother: () => void;
}

/**
 * The answer: the case number to read out (with the 查询码 for a caller), its state, nearby open cases of the
 * kind, and "再报一件". The code lives in this screen's state only: the server keeps its hash, the page keeps
 * nothing, so it is gone with "再报一件".
 */
export function ReportedResult({ reported, showTrackingCode, onAnother }: ReportedResultProps) {
  const t = useT();
  const cases = modulePath('cases');
  return (
    <Card className="wm-staff-report-result" data-testid="staff-report-result">
      <Flex vertical gap={12} align="center">
        <CheckCircleFilled className="wm-staff-report-done" aria-hidden="true" />
        <Typography.Title level={3}>{t('staffReport.done.title')}</Typography.Title>
        <Typography.Text>{t('staffReport.done.caseNo')}</Typography.Text>
        <Typography.Text strong copyable className="wm-staff-report-caseno" data-testid="staff-report-caseno">
          {reported.caseNo}
        </Typography.Text>
        {showTrackingCode && <TrackingCode code={reported.trackingToken} />}
        <CaseStatusTag status={reported.status} />
        {reported.duplicates.length > 0 && (
          <Typography.Paragraph type="warning" data-testid="staff-report-nearby">
            {t('staffReport.done.nearby', { count: reported.duplicates.length })}{' '}
            {reported.duplicates.map((d) => (
              <Link key={d.caseNo} to={`${cases}/${d.caseNo}`} className="wm-staff-report-nearby-link">
                {d.caseNo}
              </Link>
            ))}
          </Typography.Paragraph>
        )}
        <Flex vertical gap={8} className="wm-staff-report-next">
          <Button type="primary" size="large" block onClick={onAnother} data-testid="staff-report-another">
            {t('staffReport.done.another')}
          </Button>
          <Link to={`${cases}/${reported.caseNo}`} data-testid="staff-report-open">
            {t('staffReport.done.open')}
          </Link>
          <Link to={`${cases}?tab=mine`}>{t('staffReport.done.mine')}</Link>
        </Flex>
      </Flex>
    </Card>
  );
}

/** 查询码 for the caller, copyable, with what to tell them. */
function TrackingCode({ code }: { code: string }) {
  const t = useT();
  return (
    <>
      <Typography.Text>{t('staffReport.done.trackingCode')}</Typography.Text>
      <Typography.Text strong copyable className="wm-staff-report-caseno" data-testid="staff-report-tracking-code">
        {code}
      </Typography.Text>
      <Typography.Paragraph type="secondary" className="wm-staff-report-tracking-hint">
        {t('staffReport.done.trackingHint')}
      </Typography.Paragraph>
    </>
  );
}
