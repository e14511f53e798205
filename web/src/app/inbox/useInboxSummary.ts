import { useCallback, useEffect, useState } from 'react';
import { type InboxSummary, inboxApi, inboxChangedEvent } from './inbox.ts';

/** A minute between counts: the notifier delivers within seconds, and a header poll costs one indexed count. */
export const inboxPollMs = 60_000;

/**
 * The header's counts: read on mount, every minute while the page is visible, when the window regains focus and
 * when the inbox page changed something. A failed count keeps the last one (the badge is a hint, not a page).
 */
export function useInboxSummary(enabled: boolean): InboxSummary | undefined {
  const [summary, setSummary] = useState<InboxSummary>();
  const refresh = useCallback(() => {
    if (document.visibilityState === 'hidden') return;
    inboxApi.summary().then(setSummary, () => undefined);
  }, []);
  useEffect(() => {
    if (!enabled) return;
    refresh();
    const timer = window.setInterval(refresh, inboxPollMs);
    window.addEventListener('focus', refresh);
    window.addEventListener(inboxChangedEvent, refresh);
    document.addEventListener('visibilitychange', refresh);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener('focus', refresh);
      window.removeEventListener(inboxChangedEvent, refresh);
      document.removeEventListener('visibilitychange', refresh);
    };
  }, [enabled, refresh]);
  return enabled ? summary : undefined;
}
