import { App } from 'antd';
import { useCallback } from 'react';
import { ApiError } from '../api.ts';
import { useAuth } from '../auth/AuthProvider.tsx';
import { errorText } from '../errorText.ts';
import { useT } from '../i18n/I18nProvider.tsx';

/**
 * A step answered 401: the server ended the session (too many wrong codes or current passwords locked the
 * account, or the pending sign-in used up its codes). Say why — the server's message names the lock and its
 * minutes — and go back to sign-in. Returns whether the error was such an ending.
 */
export function useEndedSession(): (error: unknown) => Promise<boolean> {
  const t = useT();
  const { message } = App.useApp();
  const { logout } = useAuth();
  return useCallback(
    async (error: unknown) => {
      if (!(error instanceof ApiError) || error.status !== 401) return false;
      message.error(errorText(error, t), 8);
      await logout();
      return true;
    },
    [logout, message, t],
  );
}
