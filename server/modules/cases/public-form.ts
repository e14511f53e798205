import { readFileSync } from 'node:fs';
import { type Static, Type } from 'typebox';
import type { Ctx } from '../../platform/context.ts';
import { listSubtreeLevel } from '../../platform/regions/regions.store.ts';
import { findActiveVersion } from './catalogue/catalogue.store.ts';
import { listEventCategories } from './catalogue/catalogue-titles.store.ts';
import { loadPolicy } from './case-setup.ts';

interface PlainWords {
  zh: string;
  en: string;
  hintZh?: string;
  hintEn?: string;
}
const plain: Record<string, PlainWords> = JSON.parse(
  readFileSync(new URL('./data/plain-words.json', import.meta.url), 'utf8'),
).categories;

/** The citizen-facing name of a code: the plain words when there are some, else the catalogue's title. */
export function plainCategoryName(code: string, locale: string, fallback: string): string {
  const words = plain[code];
  return words ? (locale === 'en' ? words.en : words.zh) : fallback;
}

export const PublicFormSchema = Type.Object({
  categories: Type.Array(
    Type.Object({
      code: Type.String(),
      name: Type.String(),
      group: Type.String(),
      hint: Type.Union([Type.String(), Type.Null()]),
      needsArea: Type.Boolean(),
    }),
  ),
  townships: Type.Array(
    Type.Object({
      code: Type.String(),
      name: Type.String(),
      villages: Type.Array(Type.Object({ code: Type.String(), name: Type.String() })),
    }),
  ),
  bounds: Type.Object({ minLng: Type.Number(), maxLng: Type.Number(), minLat: Type.Number(), maxLat: Type.Number() }),
});
export type PublicFormDto = Static<typeof PublicFormSchema>;

/** Everything the citizen form needs in one call, in plain words rather than the standard's titles. */
export async function publicForm(ctx: Ctx): Promise<PublicFormDto> {
  const en = ctx.locale === 'en';
  const version = await findActiveVersion(ctx.db, ctx.countyCode);
  const categories = version ? await listEventCategories(ctx.db, ctx.countyCode, version.version) : [];
  const villages = await listSubtreeLevel(ctx.db, ctx.countyCode, 'village');
  const townships = (await listSubtreeLevel(ctx.db, ctx.countyCode, 'township')).map((t) => ({
    code: t.code,
    name: t.name,
    villages: villages.filter((v) => v.code.startsWith(t.code)).map((v) => ({ code: v.code, name: v.name })),
  }));
  return {
    categories: categories.map((c) => {
      const words = plain[c.code];
      return {
        code: c.code,
        name: words ? (en ? words.en : words.zh) : en ? c.titleEn : c.titleZh,
        group: en ? c.classTitleEn : c.classTitleZh,
        hint: (en ? words?.hintEn : words?.hintZh) ?? null,
        needsArea: c.measureUnit === 'm2',
      };
    }),
    townships,
    bounds: (await loadPolicy(ctx)).bounds,
  };
}
