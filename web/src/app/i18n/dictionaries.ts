import type { PublicPages } from '../webModule.ts';
import { installedPublicPages } from '../installedModules.ts';
import { en } from './en.ts';
import type { Language } from './language.ts';
import { type MessageKey, zh } from './zh.ts';

type Dictionaries = Record<Language, Record<MessageKey, string>>;

let merged: { modules: readonly PublicPages[]; dictionaries: Dictionaries } | undefined;

/**
 * The shell's messages and every installed module's, per language (a test checks that both carry the same keys).
 * Merged on first use after the modules are installed, and again only if another list is installed.
 */
export function dictionaries(): Dictionaries {
  const modules = installedPublicPages();
  if (merged?.modules !== modules) {
    merged = {
      modules,
      dictionaries: { zh: withModules(modules, zh, 'zh'), en: withModules(modules, en, 'en') } as Dictionaries,
    };
  }
  return merged.dictionaries;
}

function withModules(
  modules: readonly PublicPages[],
  shell: Readonly<Record<string, string>>,
  language: Language,
): Record<string, string> {
  return Object.assign({}, shell, ...modules.map((module) => module.messages[language]));
}
