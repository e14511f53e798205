import type { CatalogueCategory } from '../../casesApi.ts';

const storageKey = 'wm.cases.recentCategories';
const keep = 6;

/** The codes this phone reported last, newest first (kept on the phone: a habit of the person, not a record). */
export function readRecentCodes(storage: Pick<Storage, 'getItem'> | undefined = safeStorage()): string[] {
  try {
    const parsed: unknown = JSON.parse(storage?.getItem(storageKey) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter((c): c is string => typeof c === 'string').slice(0, keep) : [];
  } catch {
    return [];
  }
}

/** Puts `code` first, once, and keeps the last six. */
export function rememberCode(code: string, storage: Pick<Storage, 'getItem' | 'setItem'> | undefined = safeStorage()) {
  const codes = [code, ...readRecentCodes(storage).filter((c) => c !== code)].slice(0, keep);
  try {
    storage?.setItem(storageKey, JSON.stringify(codes));
  } catch {
    // A full or private-mode storage only loses the shortcut.
  }
}

function safeStorage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}

/** A category's name in the UI language. */
export const categoryName = (c: CatalogueCategory, language: string) => (language === 'en' ? c.nameEn : c.nameZh);

/**
 * The categories matching what was typed — a code (`09006`, or its start) or words of the name in either
 * language or of its group — with the recently used ones first, in their recent order; the rest keep the
 * catalogue's order. With nothing typed, only the recent ones.
 */
export function matchCategories(
  categories: readonly CatalogueCategory[],
  query: string,
  recent: readonly string[],
  limit = 30,
): CatalogueCategory[] {
  const words = query.trim().toLowerCase().split(/\s+/).filter(Boolean);
  const rank = (c: CatalogueCategory) => {
    const at = recent.indexOf(c.code);
    return at === -1 ? recent.length : at;
  };
  const matching = categories.filter((c) => {
    if (words.length === 0) return recent.includes(c.code);
    const text = `${c.code} ${c.nameZh} ${c.nameEn} ${c.major.nameZh} ${c.major.nameEn}`.toLowerCase();
    return words.every((word) => text.includes(word));
  });
  return matching
    .map((c, index) => ({ c, index }))
    .sort((a, b) => rank(a.c) - rank(b.c) || a.index - b.index)
    .slice(0, limit)
    .map(({ c }) => c);
}
