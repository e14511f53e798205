import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import { setRequestLanguage } from '../api.ts';
import { type Language, languageTag, readStoredLanguage, storeLanguage } from './language.ts';
import { type Translate, translatorFor } from './translate.ts';

interface I18nContextValue {
  language: Language;
  setLanguage: (language: Language) => void;
  t: Translate;
}

const I18nContext = createContext<I18nContextValue | null>(null);

/** Applies a language everywhere outside React: requests and the document's `lang` (screen readers, fonts). */
function applyLanguage(language: Language): void {
  setRequestLanguage(language);
  document.documentElement.lang = languageTag(language);
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(() => {
    // Applied during the first render, not in an effect: children's effects (the session check) run first
    // and must already send the right Accept-Language.
    const initial = readStoredLanguage();
    applyLanguage(initial);
    return initial;
  });

  const setLanguage = useCallback((next: Language) => {
    applyLanguage(next);
    storeLanguage(next);
    setLanguageState(next);
  }, []);

  const value = useMemo(() => ({ language, setLanguage, t: translatorFor(language) }), [language, setLanguage]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

function useI18n(): I18nContextValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useT/useLanguage must be used inside <I18nProvider>');
  return value;
}

/** `const t = useT(); t('login.title')`. */
export function useT(): Translate {
  return useI18n().t;
}

export function useLanguage(): { language: Language; setLanguage: (language: Language) => void } {
  const { language, setLanguage } = useI18n();
  return { language, setLanguage };
}
