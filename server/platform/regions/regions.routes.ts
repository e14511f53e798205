import { AppError } from '../http/app-error.ts';
import { S } from '../http/schema.ts';
import type { TypedApp } from '../module.ts';
import { presentRegion } from './regions.presenter.ts';
import { RegionCodeParams, RegionDetailSchema, RegionPageSchema, RegionSearchQuery } from './regions.schema.ts';
import { countSubtreeByLevel, findRegion, listAncestors, listChildren, searchRegions } from './regions.store.ts';

const tags = ['regions'];

/** 行政区划: national public reference data, so reading it needs no sign-in. */
export function registerRegionsRoutes(app: TypedApp): void {
  app.get(
    '/api/regions/:code',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'One region with its ancestors, children and counts below it',
        params: RegionCodeParams,
        response: { 200: RegionDetailSchema, 404: S.error() },
      },
    },
    async (request) => {
      const { db } = request.ctx;
      const { code } = request.params;
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
    },
  );

  app.get(
    '/api/regions',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Search regions by subtree, level and name',
        querystring: RegionSearchQuery,
        response: { 200: RegionPageSchema, 400: S.error() },
      },
    },
    async (request) => {
      const { within, level, q, page = 1, pageSize = 20 } = request.query;
      const result = await searchRegions(request.ctx.db, {
        ...(within ? { within } : {}),
        ...(level ? { level } : {}),
        ...(q ? { nameContains: q } : {}),
        limit: pageSize,
        offset: (page - 1) * pageSize,
      });
      return { items: result.items.map(presentRegion), total: result.total, page, pageSize };
    },
  );
}
