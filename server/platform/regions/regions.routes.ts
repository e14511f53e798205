import { defineRoute, registerRoutes } from '../http/define-route.ts';
import type { TypedApp } from '../module.ts';
import { RegionCodeParams, RegionDetailSchema, RegionPageSchema, RegionSearchQuery } from './regions.schema.ts';
import { readRegionDetail, searchRegionPage } from './regions.service.ts';

const tags = ['regions'];

const regionDetail = defineRoute({
  method: 'GET',
  url: '/api/regions/:code',
  summary: 'One region with its ancestors, children and counts below it',
  tags,
  access: 'public',
  schema: { params: RegionCodeParams, response: { 200: RegionDetailSchema } },
  handler: async (request) => readRegionDetail(request.ctx.db, request.params.code),
});

const regionSearch = defineRoute({
  method: 'GET',
  url: '/api/regions',
  summary: 'Search regions by subtree, level and name',
  tags,
  access: 'public',
  schema: { querystring: RegionSearchQuery, response: { 200: RegionPageSchema } },
  handler: async (request) => searchRegionPage(request.ctx.db, request.query),
});

/** 行政区划: national public reference data, so reading it needs no sign-in. */
export function registerRegionsRoutes(app: TypedApp): void {
  registerRoutes(app, [regionDetail, regionSearch]);
}
