import type { Static } from 'typebox';
import type { Db } from '../db/database.ts';
import { AppError } from '../http/app-error.ts';
import { presentRegion } from './regions.presenter.ts';
import type { RegionSearchQuery } from './regions.schema.ts';
import { countSubtreeByLevel, findRegion, listAncestors, listChildren, searchRegions } from './regions.store.ts';

/** One region with its ancestors, children and what its subtree contains by level; 404 when unknown. */
export async function readRegionDetail(db: Db, code: string) {
  const found = await findRegion(db, code);
  if (!found) throw AppError.notFound('what.region');
  const [ancestors, children, counts] = await Promise.all([
    listAncestors(db, code),
    listChildren(db, code),
    countSubtreeByLevel(db, code),
  ]);
  return {
    region: presentRegion(found),
    ancestors: ancestors.map(presentRegion),
    children: children.map(presentRegion),
    counts,
  };
}

/** A page of regions by subtree, level and name. */
export async function searchRegionPage(db: Db, query: Static<typeof RegionSearchQuery>) {
  const { within, level, q, page = 1, pageSize = 20 } = query;
  const result = await searchRegions(db, {
    ...(within ? { within } : {}),
    ...(level ? { level } : {}),
    ...(q ? { nameContains: q } : {}),
    limit: pageSize,
    offset: (page - 1) * pageSize,
  });
  return { items: result.items.map(presentRegion), total: result.total, page, pageSize };
}
