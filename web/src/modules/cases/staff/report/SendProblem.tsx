import { Alert, Button } from 'antd';
import { Link } from 'react-router-dom';
import { errorText } from '../../../../app/errorText.ts';
import { useT } from '../../../../app/i18n/I18nProvider.tsx';
import { modulePath } from '../../../../app/modules.ts';
import type { ReportSending } from './useStaffReport.ts';

/**
 * What went wrong with a send, said once: no answer (retry sends the same draft under the same key, so it is
 * stored once), or the first try may have been stored already (the user looks in 我的上报 before anything else).
 */
export function SendProblem({ state, onRetry }: { state: ReportSending; onRetry: () => void }) {
  const t = useT();
  if (state.phase === 'failed')
    return (
      <Alert
        type="error"
        showIcon
        role="alert"
        title={t('staffReport.send.failed')}
        description={errorText(state.error, t)}
        action={
          <Button onClick={onRetry} data-testid="staff-report-retry">
            {t('staffReport.send.retry')}
          </Button>
        }
        data-testid="staff-report-failed"
      />
    );
  if (state.phase === 'maybeStored')
    return (
      <Alert
        type="warning"
        showIcon
        role="alert"
        title={t('staffReport.send.maybeStored')}
        description={<Link to={`${modulePath('cases')}?tab=mine`}>{t('staffReport.done.mine')}</Link>}
        data-testid="staff-report-maybe-stored"
      />
    );
  return null;
}

/** Server field errors go to the form's fields; `photos.3` and the like to the photos, `lng`/`lat` to the position. */
export function fieldOfServerError(name: string): string {
  if (name.startsWith('photos')) return 'photos';
  if (name === 'lng' || name === 'lat') return 'position';
  return name;
}

export function collectFieldErrors(fields: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, message] of Object.entries(fields)) out[fieldOfServerError(name)] ??= message;
  return out;
}
