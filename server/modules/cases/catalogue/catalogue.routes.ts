import { S } from '../../../platform/http/schema.ts';
import type { TypedApp } from '../../../platform/module.ts';
import { CatalogueQuery, CatalogueSchema, CategoryParams, CategoryResponseSchema } from './catalogue.schema.ts';
import { readCatalogue, readCategory } from './catalogue.service.ts';

const tags = ['cases'];
const errors = { 400: S.error(), 401: S.error(), 403: S.error(), 404: S.error() };
const read = { permission: 'cases.catalogue.read' };

export function registerCatalogueRoutes(app: TypedApp): void {
  app.get(
    '/api/cases/catalogue',
    {
      config: { access: read },
      schema: {
        tags,
        summary: 'The active case category table (GB/T 47678.5-2026) with time limits and campaign tags',
        querystring: CatalogueQuery,
        response: { 200: CatalogueSchema, ...errors },
      },
    },
    async (request) => readCatalogue(request.ctx, request.query),
  );

  app.get(
    '/api/cases/catalogue/:code',
    {
      config: { access: read },
      schema: {
        tags,
        summary: 'One case category by its GB/T 47678.5-2026 code',
        params: CategoryParams,
        response: { 200: CategoryResponseSchema, ...errors },
      },
    },
    async (request) => readCategory(request.ctx, request.params.code),
  );
}
