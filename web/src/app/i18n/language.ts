/** The two interface languages. Chinese is the default; English is the switch. */
export const languages = ['zh', 'en'] as const;
export type Language = (typeof languages)[number];

export const defaultLanguage: Language = 'zh';

/** A UI preference, not sensitive data, so localStorage is the right place for it. */
export const languageStorageKey = 'wenming.lang';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}

export function readStoredLanguage(): Language {
  try {
    const stored = window.localStorage.getItem(languageStorageKey);
    return isLanguage(stored) ? stored : defaultLanguage;
  } catch {
    // Storage can be disabled (private mode, strict policies); the default still works.
    return defaultLanguage;
  }
}

export function storeLanguage(language: Language): void {
  try {
    window.localStorage.setItem(languageStorageKey, language);
  } catch {
    // Not persisting a preference is harmless.
  }
}

/** The BCP 47 tag for `<html lang>` and the `Accept-Language` header the server resolves. */
export function languageTag(language: Language): string {
  return language === 'zh' ? 'zh-CN' : 'en';
}
