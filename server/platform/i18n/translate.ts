import type { Locale } from './locale.ts';
import { en } from './messages.en.ts';
import { type MessageKey, zh } from './messages.zh.ts';

export type { MessageKey };
export type MessageVars = Record<string, string | number>;

const catalogues: Record<Locale, Record<string, string>> = { zh: { ...zh }, en: { ...en } };

/** Modules and platform parts add their own keys (both languages at once, so none can be missing). */
export function registerMessages(messages: Record<Locale, Record<string, string>>): void {
  for (const locale of Object.keys(catalogues) as Locale[]) Object.assign(catalogues[locale], messages[locale]);
}

export function hasMessage(key: string): boolean {
  return key in catalogues.zh;
}

export function translate(locale: Locale, key: string, vars: MessageVars = {}): string {
  const template = catalogues[locale][key] ?? catalogues.zh[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = vars[name];
    if (value === undefined) return whole;
    // `{what}` may itself name a message key (what.region); translate it in the same language.
    return typeof value === 'string' && hasMessage(value) ? translate(locale, value) : String(value);
  });
}

export function catalogueKeys(locale: Locale): string[] {
  return Object.keys(catalogues[locale]);
}
