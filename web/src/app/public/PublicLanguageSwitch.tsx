import { useLanguage, useT } from '../i18n/I18nProvider.tsx';
import { languages, languageTag } from '../i18n/language.ts';
import './public.css';

/**
 * 中文 / English for the residents' pages: two native toggle buttons (the staff shell's switch is antd's
 * Segmented, which a phone on Slow 4G should not download). Each is labelled in its own language so a reader of
 * either can find it; the pressed one is the language in use.
 */
export function PublicLanguageSwitch() {
  const t = useT();
  const { language, setLanguage } = useLanguage();
  return (
    <fieldset className="wm-lang-switch" aria-label={t('lang.label')} data-testid="lang-switch">
      {languages.map((value) => (
        <button
          key={value}
          type="button"
          aria-pressed={value === language}
          onClick={() => setLanguage(value)}
          lang={languageTag(value)}
        >
          {t(`lang.${value}`)}
        </button>
      ))}
    </fieldset>
  );
}
