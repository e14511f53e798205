import { errorText } from '../../../app/errorText.ts';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { Notice } from './Notice.tsx';

/** A failed read on a residents' page, in the server's words, with a retry (the staff pages' LoadFailure is antd). */
export function LoadFailed({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const t = useT();
  return (
    <Notice
      tone="error"
      role="alert"
      title={t('app.loadFailed')}
      action={
        <button type="button" className="wm-button" onClick={onRetry}>
          {t('app.retry')}
        </button>
      }
    >
      {errorText(error, t)}
    </Notice>
  );
}
