import type { Readable } from 'node:stream';
import { Type } from 'typebox';
import { type DefinedRoute, defineRoute } from '../../platform/http/define-route.ts';
import type { RouteRegistrar, TypedApp } from '../../platform/module.ts';
import { defaultMerchantExportLimits, exportMerchants, type MerchantExportLimits } from './merchants-export.ts';
import { MerchantExportQuery } from './merchants-export.schema.ts';
import { merchantPermissions as P } from './merchants.permissions.ts';

const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The route with its cap: production's by default, a small one in tests. */
function merchantListFile(limits: MerchantExportLimits): DefinedRoute {
  return defineRoute({
    method: 'GET',
    url: '/api/merchants/export.xlsx',
    summary: `The registry list's filter as the import template filled in (at most ${limits.maxRows} merchants; audited)`,
    tags: ['merchants'],
    access: { permission: P.export },
    schema: {
      querystring: MerchantExportQuery,
      // A stream bypasses the serialiser; the schema only documents the file for OpenAPI.
      response: { 200: Type.Unsafe<Readable>({ type: 'string', format: 'binary', description: '.xlsx file' }) },
    },
    handler: async (request, reply) => {
      const file = await exportMerchants(request.ctx, request.query, limits);
      return reply
        .header('content-type', xlsxType)
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .header('x-row-count', String(file.rowCount))
        .send(file.body);
    },
  });
}

/** GET /api/merchants/export.xlsx with a cap other than production's (tests). */
export function merchantExportRoutes(app: TypedApp, limits: MerchantExportLimits): void {
  merchantListFile(limits)(app);
}

/** GET /api/merchants/export.xlsx: the registry list's current filter as an Excel file (capped, audited). */
export const registerMerchantExportRoutes: RouteRegistrar = (app) =>
  merchantExportRoutes(app, defaultMerchantExportLimits);
