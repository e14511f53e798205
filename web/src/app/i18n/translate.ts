import { dictionaries } from './dictionaries.ts';
import type { Language } from './language.ts';
import type { MessageKey } from './zh.ts';

export type MessageVars = Record<string, string | number>;
export type Translate = (key: MessageKey, vars?: MessageVars) => string;

/** Fills `{name}` placeholders; an unknown placeholder stays visible so a missing variable is noticed. */
export function formatMessage(template: string, vars: MessageVars = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

export function translatorFor(language: Language): Translate {
  const messages = dictionaries()[language];
  return (key, vars) => formatMessage(messages[key], vars);
}

/** For keys built from data (`role.${key}`): whether the dictionaries know it, so unknown ones can fall back. */
export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(dictionaries().zh, key);
}
