import { Segmented } from 'antd';
import { type Language, languages, languageTag } from './language.ts';
import { useLanguage, useT } from './I18nProvider.tsx';

/** 中文 / English. Each option is labelled in its own language so a reader of either can find it. */
export function LanguageSwitch({ size = 'middle' }: { size?: 'small' | 'middle' | 'large' }) {
  const t = useT();
  const { language, setLanguage } = useLanguage();
  return (
    <Segmented<Language>
      data-testid="lang-switch"
      aria-label={t('lang.label')}
      size={size}
      value={language}
      onChange={setLanguage}
      options={languages.map((value) => ({
        value,
        label: <span lang={languageTag(value)}>{t(`lang.${value}`)}</span>,
      }))}
    />
  );
}
