import { App as AntdApp, ConfigProvider, type ConfigProviderProps } from 'antd';
import enUSModule from 'antd/es/locale/en_US.js';
import zhCNModule from 'antd/es/locale/zh_CN.js';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn.js';
import type { ReactNode } from 'react';
import { useLanguage } from './i18n/I18nProvider.tsx';
import type { Language } from './i18n/language.ts';
import { appTheme } from './theme.ts';

type AntdLocale = NonNullable<ConfigProviderProps['locale']>;

/**
 * antd's locale files are ES modules in a package without `"type": "module"`, so TypeScript (NodeNext) types
 * the default import as the whole module while Vite hands over the locale object itself. Accept both.
 */
function antdLocale(imported: unknown): AntdLocale {
  const module = imported as { default?: AntdLocale };
  return module.default ?? (imported as AntdLocale);
}

const antdLocales: Record<Language, AntdLocale> = { zh: antdLocale(zhCNModule), en: antdLocale(enUSModule) };
const dayjsLocales: Record<Language, string> = { zh: 'zh-cn', en: 'en' };

/** antd's own texts (pagination, pickers, empty states) and dates follow the UI language. */
export function AntdProvider({ children }: { children: ReactNode }) {
  return (
    <AntdConfig>
      <AntdApp>{children}</AntdApp>
    </AntdConfig>
  );
}

/**
 * The locale and theme without antd's `<App>` (whose message, notification and modal hooks weigh ~20 KB on the
 * wire): the residents' pages use none of them and load on a phone's first visit.
 */
export function AntdConfig({ children }: { children: ReactNode }) {
  const { language } = useLanguage();
  // dayjs keeps one global locale; setting it before children render keeps pickers and formats consistent.
  if (dayjs.locale() !== dayjsLocales[language]) dayjs.locale(dayjsLocales[language]);
  return (
    <ConfigProvider locale={antdLocales[language]} theme={appTheme}>
      {children}
    </ConfigProvider>
  );
}
