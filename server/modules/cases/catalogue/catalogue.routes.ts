import { defineRoute, registerRoutes } from '../../../platform/http/define-route.ts';
import type { TypedApp } from '../../../platform/module.ts';
import { CatalogueQuery, CatalogueSchema, CategoryParams, CategoryResponseSchema } from './catalogue.schema.ts';
import { readCatalogue, readCategory } from './catalogue.service.ts';

const tags = ['cases'];
const read = { permission: 'cases.catalogue.read' };

const catalogue = defineRoute({
  method: 'GET',
  url: '/api/cases/catalogue',
  summary: 'The active case category table (GB/T 47678.5-2026) with time limits and campaign tags',
  tags,
  access: read,
  schema: { querystring: CatalogueQuery, response: { 200: CatalogueSchema } },
  handler: async (request) => readCatalogue(request.ctx, request.query),
});

const category = defineRoute({
  method: 'GET',
  url: '/api/cases/catalogue/:code',
  summary: 'One case category by its GB/T 47678.5-2026 code',
  tags,
  access: read,
  schema: { params: CategoryParams, response: { 200: CategoryResponseSchema } },
  handler: async (request) => readCategory(request.ctx, request.params.code),
});

export function registerCatalogueRoutes(app: TypedApp): void {
  registerRoutes(app, [catalogue, category]);
}
