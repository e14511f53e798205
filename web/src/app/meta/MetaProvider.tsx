import { createContext, type ReactNode, useCallback, useContext, useEffect, useState } from 'react';
import { api } from '../api.ts';
import { useLanguage } from '../i18n/I18nProvider.tsx';
import { type Meta, parseMeta } from './meta.ts';

export type MetaState = { status: 'loading' } | { status: 'ready'; meta: Meta } | { status: 'failed'; error: unknown };

interface MetaContextValue {
  state: MetaState;
  reload: () => void;
}

const MetaContext = createContext<MetaContextValue | null>(null);

/** Loads `/api/meta` once per language: the server names the county in the caller's language. */
export function MetaProvider({ children }: { children: ReactNode }) {
  const { language } = useLanguage();
  const [state, setState] = useState<MetaState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `language` changes the Accept-Language header and `attempt` is bumped by reload(); both must re-run the request.
  useEffect(() => {
    const controller = new AbortController();
    api
      .get<unknown>('/api/meta', { signal: controller.signal })
      .then((body) => setState({ status: 'ready', meta: parseMeta(body) }))
      .catch((error: unknown) => {
        if (!controller.signal.aborted) setState({ status: 'failed', error });
      });
    return () => controller.abort();
  }, [language, attempt]);

  const reload = useCallback(() => {
    setState({ status: 'loading' });
    setAttempt((n) => n + 1);
  }, []);

  return <MetaContext.Provider value={{ state, reload }}>{children}</MetaContext.Provider>;
}

export function useMeta(): MetaContextValue {
  const value = useContext(MetaContext);
  if (!value) throw new Error('useMeta must be used inside <MetaProvider>');
  return value;
}

/** The county's name once known, for headings; undefined while loading or when the server is unreachable. */
export function useCountyName(): string | undefined {
  const { state } = useMeta();
  return state.status === 'ready' && state.meta.county.name !== '' ? state.meta.county.name : undefined;
}
