import { Alert, Button } from 'antd';
import { errorText } from './errorText.ts';
import { useT } from './i18n/I18nProvider.tsx';

/** A failed read, in the server's words, with a retry. */
export function LoadFailure({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const t = useT();
  return (
    <Alert
      type="error"
      showIcon
      title={t('app.loadFailed')}
      description={errorText(error, t)}
      action={<Button onClick={onRetry}>{t('app.retry')}</Button>}
      className="wm-load-failure"
    />
  );
}
