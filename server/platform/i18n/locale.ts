export const locales = ['zh', 'en'] as const;
export type Locale = (typeof locales)[number];

/**
 * Chinese unless the caller's first acceptable language is English. We honour q-values because browsers send
 * e.g. `zh-CN,zh;q=0.9,en;q=0.8`, where English is only a fallback.
 */
export function resolveLocale(acceptLanguage: string | undefined): Locale {
  if (!acceptLanguage) return 'zh';
  const ranked = acceptLanguage
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const weight = q ? Number(q.slice(2)) : 1;
      return { tag, weight: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter((entry) => entry.tag !== '' && entry.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  for (const { tag } of ranked) {
    if (tag === 'en' || tag.startsWith('en-')) return 'en';
    if (tag === 'zh' || tag.startsWith('zh-')) return 'zh';
  }
  return 'zh';
}

/** Message catalogues keyed by message code; zh and en carry the same codes (the manifest test checks). */
export type MessageCatalogue = Readonly<Record<Locale, Readonly<Record<string, string>>>>;
