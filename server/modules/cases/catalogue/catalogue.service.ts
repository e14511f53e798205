import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import { presentCategories, presentEdition, presentTags } from './catalogue.presenter.ts';
import type { CatalogueDto, CatalogueQueryInput, CategoryResponseDto } from './catalogue.schema.ts';
import { findActiveVersion, listEditionRows, type VersionRow } from './catalogue.store.ts';

/** The county's active edition; without one (reference data not loaded) every code is unknown. */
async function activeVersion(ctx: Ctx): Promise<VersionRow> {
  const version = await findActiveVersion(ctx.db, ctx.countyCode);
  if (!version) throw AppError.notFound('what.cases_catalogue');
  return version;
}

/** The active edition's categories, optionally one kind or one campaign tag's members. */
export async function readCatalogue(ctx: Ctx, query: CatalogueQueryInput): Promise<CatalogueDto> {
  const version = await activeVersion(ctx);
  const rows = await listEditionRows(ctx.db, ctx.countyCode, version.version);
  if (query.tag !== undefined && !rows.tags.some((t) => t.tagKey === query.tag))
    throw AppError.field('tag', 'cases_catalogue.unknown_tag');
  const categories = presentCategories(rows).filter(
    (c) =>
      (query.kind === undefined || c.kind === query.kind) && (query.tag === undefined || c.tags.includes(query.tag)),
  );
  return {
    edition: presentEdition(version),
    categories,
    tags: presentTags(rows, new Set(categories.map((c) => c.code))),
  };
}

export async function readCategory(ctx: Ctx, code: string): Promise<CategoryResponseDto> {
  const version = await activeVersion(ctx);
  const [category] = presentCategories(await listEditionRows(ctx.db, ctx.countyCode, version.version, code));
  if (!category) throw AppError.notFound('what.cases_category');
  return { edition: presentEdition(version), category };
}
