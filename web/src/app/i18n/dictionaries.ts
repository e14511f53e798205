import { installedModules } from '../installedModules.ts';
import { en } from './en.ts';
import type { Language } from './language.ts';
import { type MessageKey, zh } from './zh.ts';

/** The shell's messages and every installed module's, per language (a test checks that both carry the same keys). */
export const dictionaries = {
  zh: withModules(zh, 'zh'),
  en: withModules(en, 'en'),
} as Record<Language, Record<MessageKey, string>>;

function withModules(shell: Readonly<Record<string, string>>, language: Language): Record<string, string> {
  return Object.assign({}, shell, ...installedModules.map((module) => module.messages[language]));
}
