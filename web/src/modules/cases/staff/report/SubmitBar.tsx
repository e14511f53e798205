import { Button, Typography } from 'antd';
import { useT } from '../../../../app/i18n/I18nProvider.tsx';
import { SendProblem } from './SendProblem.tsx';
import type { ReportDraft } from './useReportDraft.ts';

/** The big button at the bottom, where a thumb reaches it; the send's problem, if any, just above it. */
export function SubmitBar({ report, onSend }: { report: ReportDraft; onSend: () => void }) {
  const t = useT();
  const { state } = report.sending;
  return (
    <div className="wm-staff-report-bar">
      {report.general && (
        <Typography.Text type="danger" role="alert" data-testid="staff-report-general-error">
          {report.general}
        </Typography.Text>
      )}
      <SendProblem state={state} onRetry={onSend} />
      <Button
        type="primary"
        size="large"
        block
        loading={state.phase === 'sending'}
        onClick={onSend}
        data-testid="staff-report-submit"
      >
        {t('staffReport.submit')}
      </Button>
    </div>
  );
}
