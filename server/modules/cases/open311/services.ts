import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import type { Locale } from '../../../platform/i18n/locale.ts';
import { translate } from '../../../platform/i18n/translate.ts';
import type { CatalogueDto, CategoryDto } from '../catalogue/catalogue.schema.ts';
import { readCatalogue } from '../catalogue/catalogue.service.ts';
import { attributesFor, presentAttribute } from './attributes.ts';

/** A GeoReport v2 service (GET Service List), fields in the spec's order. */
export type Open311Service = {
  service_code: string;
  service_name: string;
  description: string;
  metadata: boolean;
  type: 'realtime' | 'batch' | 'blackbox';
  keywords: string;
  group: string;
};

export type Open311ServiceDefinition = {
  service_code: string;
  attributes: ReturnType<typeof presentAttribute>[];
};

const localName = (named: { nameZh: string; nameEn: string }, locale: Locale) =>
  locale === 'en' ? named.nameEn : named.nameZh;

/** `keywords` is a comma-separated list: a comma inside one keyword ("posters, graffiti") would split it. */
const asKeyword = (name: string) => name.replace(/\s*[,，]\s*/g, ' / ');

/**
 * One catalogue category as an Open311 service: the GB/T 47678.5-2026 code as a string (leading zero kept),
 * its class as the group, the legacy GB/T 30428.2-2013 codes and campaign tags as keywords. `realtime`: a
 * POST answers with the case id at once.
 */
export function presentService(
  category: CategoryDto,
  catalogue: Pick<CatalogueDto, 'edition' | 'tags'>,
  locale: Locale,
): Open311Service {
  const name = localName(category, locale);
  const group = localName(category.major, locale);
  const legacy = category.legacyCodes.map((l) => l.code);
  const tagNames = catalogue.tags
    .filter((t) => category.tags.includes(t.key))
    .map((t) => asKeyword(localName(t, locale)));
  const vars = { group, name, standard: catalogue.edition.standardRef, code: category.code, legacy: legacy.join('/') };
  return {
    service_code: category.code,
    service_name: name,
    description: translate(
      locale,
      legacy.length > 0 ? 'open311.service_description_legacy' : 'open311.service_description',
      vars,
    ),
    metadata: attributesFor(category).length > 0,
    type: 'realtime',
    keywords: [...legacy, ...tagNames].join(', '),
    group,
  };
}

/** GET Service List: the active edition's categories, in the catalogue's order. */
export async function listOpen311Services(ctx: Ctx): Promise<Open311Service[]> {
  const catalogue = await readCatalogue(ctx, {});
  return catalogue.categories.map((category) => presentService(category, catalogue, ctx.locale));
}

/** The active edition's category behind a service_code; anything else (malformed codes too) is the spec's 404. */
export async function findOpen311Category(ctx: Ctx, serviceCode: string): Promise<CategoryDto> {
  const catalogue = await readCatalogue(ctx, {});
  const category = catalogue.categories.find((c) => c.code === serviceCode);
  if (!category) throw AppError.notFound('what.open311_service');
  return category;
}

/** GET Service Definition. */
export async function readOpen311ServiceDefinition(ctx: Ctx, serviceCode: string): Promise<Open311ServiceDefinition> {
  const category = await findOpen311Category(ctx, serviceCode);
  return {
    service_code: category.code,
    attributes: attributesFor(category).map((spec) => presentAttribute(spec, ctx.locale)),
  };
}
