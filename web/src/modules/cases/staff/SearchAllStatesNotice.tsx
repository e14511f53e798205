import { Alert, Button } from 'antd';
import { useT } from '../../../app/i18n/I18nProvider.tsx';

/**
 * Said above the list while a search runs: it looks through cases of every state, not only the open tab's
 * queue (the tabs still count their queues), and one click goes back to the tab's list.
 */
export function SearchAllStatesNotice({ q, onClear }: { q: string | undefined; onClear: () => void }) {
  const t = useT();
  if (!q) return null;
  return (
    <Alert
      type="info"
      showIcon
      title={t('cases.search.allStates', { q })}
      action={
        <Button size="small" onClick={onClear} data-testid="case-search-clear">
          {t('cases.search.clear')}
        </Button>
      }
      data-testid="case-search-all-states"
    />
  );
}
