import { Alert } from 'antd';
import { useState } from 'react';
import { useT } from '../i18n/I18nProvider.tsx';

/** Shown while the server has no sign-in yet, so nobody mistakes the open shell for the secured product. */
export function PreviewNotice() {
  const t = useT();
  // Dismissal lasts while the shell is open; a fresh visit shows the notice again.
  const [dismissed, setDismissed] = useState(false);
  if (dismissed) return null;
  return (
    <Alert
      type="info"
      showIcon
      closable={{ onClose: () => setDismissed(true), 'aria-label': t('auth.dismissNotice') }}
      title={t('auth.previewNotice')}
      description={t('auth.previewDescription')}
      className="wm-preview-notice"
      data-testid="preview-notice"
    />
  );
}
